"""``entries()``/``keys()``/``values()`` of a ``Headers``, ``URLSearchParams`` or ``FormData`` are
JS iterators as Pyodide hands them over (as an array's or a Map's): a JsProxy Python iterates,
with JavaScript's ``next()`` giving ``{value, done}``, shown as ``[object Headers Iterator]``
(``URLSearchParams``/``FormData`` alike) and an instance of ``JsIterable``/``JsIterator`` --
but a ``URLSearchParams``, with ``get``/``set``/``size``/``[Symbol.iterator]``, is Pyodide's
``JsMutableMap``: Python iterates its names, and its ``keys()``/``values()`` are Python's views.
Items are workerd's: a Headers iterator gives lower-cased names in order of name, the values of
one name joined by ``, `` but each ``set-cookie`` apart, from a copy taken when it is made
(workerd's ``IteratorState{copy}``); a URLSearchParams or FormData iterator walks the live list
by index (an entry appended meanwhile is visited). Real Pyodide 0.26.0a4, 0.28.2 and 314.0.6
under Node agree (``tools/pyodide``, group ``web-object-iterators``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

HEADERS = ("h = js.Headers.new()\nh.append('B', '1')\nh.append('Set-Cookie', 'x=1')\nh.append('set-cookie', 'y=2')\n"
           "h.append('a', 'p')\nh.append('A', 'q')\n")
KINDS = ("import pyodide.ffi as f\nnames = ['JsIterable', 'JsIterator', 'JsArray', 'JsMap']\n"
         "[[n for n in names if isinstance(it, getattr(f, n))] for it in "
         "(js.Headers.new().keys(), js.URLSearchParams.new().values(), js.FormData.new().entries())]")

#: (snippet, what it gives)
CASES = [
    (HEADERS + "it = h.entries()\n(type(it).__name__, repr(it), [list(e) for e in it])",
     "('JsProxy', '[object Headers Iterator]', [['a', 'p, q'], ['b', '1'], ['set-cookie', 'x=1'], "
     "['set-cookie', 'y=2']]) (tuple)"),
    (HEADERS + "(list(h.keys()), list(h.values()), [list(e) for e in h])",
     "(['a', 'b', 'set-cookie', 'set-cookie'], ['p, q', '1', 'x=1', 'y=2'], [['a', 'p, q'], ['b', '1'], "
     "['set-cookie', 'x=1'], ['set-cookie', 'y=2']]) (tuple)"),
    (HEADERS + "it = h.keys()\nh.append('c', '3')\nh.delete('b')\n[it.next().value for _ in range(5)] + [it.next().done]",
     "['a', 'b', 'set-cookie', 'set-cookie', None, True] (list)"),
    ("p = js.URLSearchParams.new('a=1&b=2')\nit = p.entries()\nfirst = list(next(it))\np.append('c', '3')\n"
     "(repr(it), first, [list(e) for e in it])",
     "('[object URLSearchParams Iterator]', ['a', '1'], [['b', '2'], ['c', '3']]) (tuple)"),
    # get(), set(), a size and [Symbol.iterator]: Pyodide's JsMutableMap, whose keys()/values() are Python's views
    ("p = js.URLSearchParams.new('a=1&b=2&a=3')\n(type(p.keys()).__name__, list(p.keys()), type(p.values()).__name__, "
     "list(p.values()), list(p), len(p), list(p.items()), dict(p))",
     "('KeysView', ['a', 'b', 'a'], 'ValuesView', ['1', '2', '1'], ['a', 'b', 'a'], 3, [('a', '1'), ('b', '2'), "
     "('a', '1')], {'a': '1', 'b': '2'}) (tuple)"),
    ("import pyodide.ffi as f\n[[n for n in ('JsMap', 'JsMutableMap', 'JsIterable') if isinstance(v, getattr(f, n))] "
     "for v in (js.URLSearchParams.new('a=1'), js.Headers.new(), js.FormData.new())]",
     "[['JsMap', 'JsMutableMap', 'JsIterable'], ['JsIterable'], ['JsIterable']] (list)"),
    ("f = js.FormData.new()\nf.append('a', '1')\nit = f.values()\nf.append('b', '2')\n"
     "(repr(it), list(it), [list(e) for e in f.entries()], list(f.keys()))",
     "('[object FormData Iterator]', ['1', '2'], [['a', '1'], ['b', '2']], ['a', 'b']) (tuple)"),
    ("h = js.Headers.new()\nh.set('x', '1')\nObject.fromEntries(h.entries()).to_py()", "{'x': '1'} (dict)"),
    (KINDS, "[['JsIterable', 'JsIterator'], [], ['JsIterable', 'JsIterator']] (list)"),  # a ValuesView: no JS value
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_web_object_iterators_are_js_iterators_with_workerds_items(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
