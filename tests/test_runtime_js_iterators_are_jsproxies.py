"""A JS iterator (``array.values()``, ``array.entries()``, ``map.entries()``) is what Pyodide hands
Python: a JsProxy, iterable from Python, with JavaScript's ``next()`` (``{value, done}``) beside
it, shown as ``[object Array Iterator]``, an instance of ``JsIterable`` and ``JsIterator`` (real
Pyodide 0.26.0a4 and 0.28.2 under Node, ``tools/pyodide/pyodide_cases.py``)."""

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
    ("it = arr().entries()\n(type(it).__name__, repr(it), [e.to_py() for e in it])",
     "('JsProxy', '[object Array Iterator]', [[0, 3], [1, 1], [2, 2]]) (tuple)"),
    ("a = Array.new()\na.append([1])\nr = a.values().next()\n(r.value, type(r.value).__name__)",
     "([1], 'list') (tuple)"),
    ("it = js.Map.new().entries()\n(type(it).__name__, repr(it))", "('JsProxy', '[object Map Iterator]') (tuple)"),
    ("m = js.Map.new()\nm.set('a', 1)\nObject.fromEntries(m.entries()).to_py()", "{'a': 1} (dict)"),
    (KINDS, "['JsIterable', 'JsIterator'] (list)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_js_iterator_is_a_jsproxy_python_iterates(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
