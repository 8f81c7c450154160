"""A Python container handed to a JS method that stores it (``push``, ``unshift``, ``splice``,
``fill``, ``Array.of``, ``map.set``) is a borrowed PyProxy, which Pyodide destroys when the call
returns: the JS value keeps the dead proxy, so reading it back -- from Python or by
``JSON.stringify``/``String`` -- is Pyodide's borrowed-proxy error, and a ``Map``'s Python ``get``
answers its default instead. ``concat`` spreads a Python list or tuple (its PyProxy is
concat-spreadable), each item a live proxy of its own. Real Pyodide 0.26.0a4 and 0.26.2 under
Node answered so (0.28.2 too, but for a ``SystemError`` where a read from Python meets the dead
proxy: workers-env raises 0.26's ``JsException`` there; ``tools/pyodide/pyodide_cases.py``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

from workers_env import PyProxyWarning

BORROWED = ("JsException: Error: This borrowed proxy was automatically destroyed at the end of a function call. "
            "Try using create_proxy or create_once_callable.")

#: (snippet, what Pyodide 0.26.0a4 and 0.26.2 gave)
CASES = [
    ("a = Array.new()\na.push([1, 2])\na[0]", BORROWED),
    ("a = Array.new()\na.push((1, 2))\n(a[0], type(a[0]).__name__)", BORROWED),
    ("a = arr()\na.unshift([5])\na[0]", BORROWED),
    ("a = arr()\na.splice(1, 1, [5])\na[1]", BORROWED),
    ("a = arr()\na.fill([5])\na[0]", BORROWED),
    ("Array.of([1, 2])[0]", BORROWED),
    ("a = Array.new()\na.push([1, 2])\nlen(a)", "1 (int)"),
    ("a = Array.new()\na.push([1, 2])\njs.String(a)", BORROWED),
    ("a = Array.new()\na.push([1, 2])\na.to_py()", BORROWED),
    ("a = arr()\na.splice(1, 1, [5])\nJSON.stringify(a)", BORROWED),
    ("a = arr()\na.fill([5])\nJSON.stringify(a)", BORROWED),
    ("m = js.Map.new()\nm.set('k', [1, 2])\n(m.get('k'), m.get('k', 7), m.size, m.has('k'))", "(None, 7, 1, True) (tuple)"),
    ("m = js.Map.new()\nm.set('k', [1, 2])\nm['k']", BORROWED),
    ("m = js.Map.new()\nm.set('k', [1, 2])\nlist(m.values())", BORROWED),
    ("m = js.Map.new()\nm.set('k', [1, 2])\nm.to_py()", BORROWED),
    ("m = js.Map.new()\nm.set('k', [1, 2])\nm.forEach(lambda v, k, mp: None)", BORROWED),
    ("m = to_js({})\nm.set('k', [1, 2])\nm.get('k')", "None (NoneType)"),
    ("m = js.Map.new()\nm.set('k', 5)\n(m.get('k'), m['k'])", "(5, 5) (tuple)"),
    ("arr().concat([4, 5]).to_py()", "[3, 1, 2, 4, 5] (list)"),
    ("arr().concat((4, 5)).to_py()", "[3, 1, 2, 4, 5] (list)"),
    ("a = arr().concat([[5]])\n(a[3], type(a[3]).__name__)", "([5], 'list') (tuple)"),
    ("arr().concat({'a': 1}).length", "4 (int)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_python_value_handed_to_a_js_method_is_a_destroyed_proxy(tmp_path, date):
    answers = snippet_answers(tmp_path, [code for code, _ in CASES], date)
    assert answers == [expected for _, expected in CASES]


def test_concat_of_a_nested_list_writes_the_items_json_on_pyodide_028(tmp_path):
    code = ["JSON.stringify(arr().concat([[5]]))"]
    assert snippet_answers(tmp_path, code, "2025-10-01") == ["'[3,1,2,[5]]' (str)"]
    with pytest.warns(PyProxyWarning, match=r"JSON.stringify writes \{\} for it on this Pyodide \(0.26\)"):
        answers = snippet_answers(tmp_path / "026", code, "2025-09-01")
    assert answers == ["'[3,1,2,{}]' (str)"]
