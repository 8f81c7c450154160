"""A JS ``Map`` has Pyodide's JsMutableMap Python methods ``pop``, ``popitem``, ``setdefault`` and
``update``, a Python value stored through them read back as the object itself; a value whose
proxy JavaScript destroyed (given to ``map.set``) counts as missing where a default is given, as
``get`` has it -- ``setdefault`` stores its default over it --, and ``update``'s keyword
arguments are dropped (real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node,
``tools/pyodide/pyodide_cases.py``'s ``stored-edge-cases``). ``pop``, ``get`` and ``setdefault``
take ``key``/``default`` by name too, and every method refuses other arguments in the words of
Pyodide's C methods (``jsmap-method-arguments``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

BORROWED = ("JsException: Error: This borrowed proxy was automatically destroyed at the end of a function call. "
            "Try using create_proxy or create_once_callable.")

CASES = [
    ("m = js.Map.new()\nm.update({'a': [1]})\n(m['a'], type(m['a']).__name__)", "([1], 'list') (tuple)"),
    ("m = js.Map.new()\nr = m.setdefault('a', [1])\n(r, m['a'], type(m['a']).__name__, m.setdefault('a', 5))",
     "([1], [1], 'list', [1]) (tuple)"),
    ("m = js.Map.new()\nm['a'] = [1]\n(m.pop('a'), m.pop('a', 9), m.size)", "([1], 9, 0) (tuple)"),
    ("m = js.Map.new()\nm.pop('a')", "KeyError: 'a'"),
    ("m = js.Map.new()\nm['a'] = [1]\nm['b'] = 2\n(m.popitem(), m.size)", "(('a', [1]), 1) (tuple)"),
    ("js.Map.new().popitem()", "KeyError: "),
    ("m = js.Map.new()\nm.update([('a', 1)])\nn = js.Map.new()\nn['b'] = 2\nm.update(n)\nm.update(c=3)\nlist(m.keys())",
     "['a', 'b'] (list)"),
    ("m = js.Map.new()\nm.set('a', [1])\nr = m.pop('a', 7)\n(r, m.size)", "(7, 1) (tuple)"),
    ("m = js.Map.new()\nm.set('a', [1])\nm.pop('a')", BORROWED),
    ("m = js.Map.new()\nm.set('a', [1])\n(m.setdefault('a', 3), m.get('a'), m.size)", "(3, 3, 1) (tuple)"),
    ("m = js.Map.new()\nm.set('a', 1)\n(m.pop(key='a'), m.pop('z', default=3), m.get(key='z', default=4))",
     "(1, 3, 4) (tuple)"),
    ("js.Map.new().pop()", "TypeError: pop() missing required argument 'key' (pos 1)"),
    ("js.Map.new().pop(1, 2, 3)", "TypeError: pop() takes at most 2 arguments (3 given)"),
    ("js.Map.new().pop(key=1, default=2, x=3)", "TypeError: pop() takes at most 2 keyword arguments (3 given)"),
    ("js.Map.new().get('a', key=2)", "TypeError: argument for get() given by name ('key') and position (1)"),
    ("js.Map.new().update({'a': 1}, {'b': 2})", "TypeError: update() takes at most 1 argument (2 given)"),
    ("js.Map.new().popitem(1)", "TypeError: JsProxy.popitem() takes no arguments (1 given)"),
    ("m = js.Map.new()\nm.set('a', [1])\nm.popitem()", BORROWED),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_js_map_has_pyodides_mutable_mapping_methods(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]


#: an unknown keyword in the words of the era's CPython: 3.12 (Pyodide 0.26), 3.13 (0.28)
UNKNOWN_KEYWORD = {"2025-09-01": "TypeError: 'x' is an invalid keyword argument for pop()",
                   "2025-10-01": "TypeError: pop() got an unexpected keyword argument 'x'"}


@pytest.mark.parametrize("date", list(UNKNOWN_KEYWORD))
def test_an_unknown_keyword_is_refused_as_the_eras_python_words_it(tmp_path, date):
    assert snippet_answers(tmp_path, ["js.Map.new().pop(1, x=3)"], date) == [UNKNOWN_KEYWORD[date]]
