"""Three things Pyodide hands Python that workers-env now hands over the same way: a JS iterator
(``array.values()``, ``array.entries()``, ``map.entries()``) is a JsProxy -- iterable from Python,
with JavaScript's ``next()`` (``{value, done}``) beside it, shown as ``[object Array Iterator]``,
an instance of ``JsIterable`` and ``JsIterator``; a ``Map``'s and an object map's ``keys()``,
``values()`` and ``items()`` are live ``KeysView``/``ValuesView``/``ItemsView``s; and
``to_js`` of a value it has no conversion for (``object()``, a ``Decimal``, a function) is the
JsProxy of its PyProxy, whose ``String()`` is the object's ``str()`` (a function's too, as for
``create_proxy``). Real Pyodide 0.26.0a4 and 0.28.2 under Node answered so
(``tools/pyodide/pyodide_cases.py``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

KINDS = ("import pyodide.ffi as f\nnames = ['JsIterable', 'JsIterator', 'JsArray', 'JsMap']\n"
         "[n for n in names if isinstance(arr().values(), getattr(f, n))]")

#: (snippet, what every Pyodide version gave)
CASES = [
    ("it = arr().values()\n(type(it).__name__, isinstance(it, JsProxy), repr(it))",
     "('JsProxy', True, '[object Array Iterator]') (tuple)"),
    ("it = arr().values()\n[it.next().value, it.next().value, it.next().value, it.next().done, it.next().value]",
     "[3, 1, 2, True, None] (list)"),
    ("it = arr().values()\n(next(it), list(it))", "(3, [1, 2]) (tuple)"),
    ("it = arr().entries()\n(type(it).__name__, [e.to_py() for e in it])",
     "('JsProxy', [[0, 3], [1, 1], [2, 2]]) (tuple)"),
    ("a = Array.new()\na.append([1])\nr = a.values().next()\n(r.value, type(r.value).__name__)",
     "([1], 'list') (tuple)"),
    ("it = js.Map.new().entries()\n(type(it).__name__, repr(it))", "('JsProxy', '[object Map Iterator]') (tuple)"),
    ("m = js.Map.new()\nm.set('a', 1)\nObject.fromEntries(m.entries()).to_py()", "{'a': 1} (dict)"),
    (KINDS, "['JsIterable', 'JsIterator'] (list)"),
    ("m = to_js({'a': 1})\n(type(m.keys()).__name__, type(m.values()).__name__, type(m.items()).__name__)",
     "('KeysView', 'ValuesView', 'ItemsView') (tuple)"),
    ("m = to_js({'a': 1})\n(list(m.keys()), list(m.values()), list(m.items()))", "(['a'], [1], [('a', 1)]) (tuple)"),
    ("m = JSON.parse('{\"a\": 1}').as_object_map()\n(type(m.keys()).__name__, list(m.items()))",
     "('KeysView', [('a', 1)]) (tuple)"),
    ("m = js.Map.new()\nm.set('a', 1)\nk = m.keys()\nm.set('b', 2)\nlist(k)", "['a', 'b'] (list)"),
    ("m = js.Map.new()\nm.set('a', 1)\nm.keys()[0]", "TypeError: 'KeysView' object is not subscriptable"),
    ("m = js.Map.new()\nm.set('a', 1)\n(m.keys() == {'a'}, 'a' in m.keys(), len(m.values()))", "(True, True, 1) (tuple)"),
    ("x = to_js(object())\n(type(x).__name__, isinstance(x, JsProxy), x.typeof, js.String(x)[:8])",
     "('JsProxy', True, 'object', '<object ') (tuple)"),
    ("class C: pass\nx = to_js(C())\n(x.typeof, type(x.unwrap()).__name__, type(x.to_py()).__name__)",
     "('object', 'C', 'C') (tuple)"),
    ("x = to_js(lambda: 1)\n(type(x).__name__, x.typeof, x(), js.String(x)[:9])",
     "('JsProxy', 'function', 1, '<function') (tuple)"),
    ("x = create_proxy(lambda: 1)\njs.String(x)[:9]", "'<function' (str)"),
    ("from decimal import Decimal\nx = to_js(Decimal('1.50'))\n(x.typeof, repr(x), js.String(x))",
     "('object', '1.50', '1.50') (tuple)"),
    ("JSON.stringify(to_js(object()))", "'{}' (str)"),
    ("x = create_proxy([1])\n(x.to_py(), type(x.to_py()).__name__)", "([1], 'JsProxy') (tuple)"),
    ("type(to_js([object()])[0]).__name__", "'object' (str)"),
    ("str(Object.values(js.console)[0])", "'function () { [native code] }' (str)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_iterators_views_and_unconverted_values_as_pyodide_hands_them(tmp_path, date):
    answers = snippet_answers(tmp_path, [code for code, _ in CASES], date)
    assert answers == [expected for _, expected in CASES]
