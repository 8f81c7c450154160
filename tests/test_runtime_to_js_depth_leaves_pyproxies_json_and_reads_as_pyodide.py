"""``to_js(value, depth=n)`` leaves what lies past ``depth`` as PyProxies of the Python objects:
``JSON.stringify`` writes each as it writes that PyProxy at top level (Pyodide 0.28: its JSON, a
list holding a container the borrowed-proxy error; 0.26: ``{}``, as 0.26.0a4 and production's
0.26.0a2), and Python reads one back from the JS value as the object itself (``x[1] is l``), where a
``create_proxy`` stored in a JS object reads back as that proxy unless made with
``roundtrip=False``. Real Pyodide 0.26.0a4 and 0.28.2 under Node answered so
(``tools/pyodide/pyodide_cases.py``, group ``conversions``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

from workers_env import PyProxyWarning

ITERATOR = "JsException: Error: This borrowed proxy was automatically destroyed when an iterator was exhausted."

JSON_CASES = [
    "JSON.stringify(to_js([1, [2, [3]]], depth=0))",
    "JSON.stringify(to_js([1, [2, 3]], depth=1))",
    "JSON.stringify(to_js([1, {'a': 1}], depth=1))",
    "JSON.stringify(to_js({'a': {'b': [1]}}, depth=0, dict_converter=Object.fromEntries))",
    "JSON.stringify(to_js({'a': [1, 2]}, depth=1, dict_converter=Object.fromEntries))",
    "JSON.stringify(create_proxy([1, 2]))",
    "o = Object.new()\no.x = create_proxy([1, 2])\nJSON.stringify(o)",
]

#: (snippet, what every Pyodide version gave)
READS = [
    ("x = to_js([1, [2]], depth=1)\n(x[1], type(x[1]).__name__)", "([2], 'list') (tuple)"),
    ("x = to_js([1, {'a': 1}], depth=1)\n(x[1], type(x[1]).__name__)", "({'a': 1}, 'dict') (tuple)"),
    ("x = to_js({'a': [2]}, depth=1, dict_converter=Object.fromEntries)\n(x.a, type(x.a).__name__)",
     "([2], 'list') (tuple)"),
    ("l = [2]\nx = to_js([1, l], depth=1)\nx[1] is l", "True (bool)"),
    ("js.String(to_js([1, [2]], depth=1))", "'1,[2]' (str)"),
    ("x = to_js([1, [2]], depth=0)\n(x, type(x).__name__)", "([1, [2]], 'JsProxy') (tuple)"),
    ("o = Object.new()\no.x = create_proxy([1, 2])\n(o.x, type(o.x).__name__)", "([1, 2], 'JsProxy') (tuple)"),
    ("o = Object.new()\no.x = create_proxy([1, 2], roundtrip=False)\n(o.x, type(o.x).__name__)",
     "([1, 2], 'list') (tuple)"),
]


def test_pyodide_028_writes_what_lies_past_depth_as_its_pyproxys_json(tmp_path):
    assert snippet_answers(tmp_path, JSON_CASES, "2025-10-01") == [
        ITERATOR, "'[1,[2,3]]' (str)", "'[1,{\"a\":1}]' (str)", "'{\"a\":{\"b\":[1]}}' (str)",
        "'{\"a\":[1,2]}' (str)", "'[1,2]' (str)", "'{\"x\":[1,2]}' (str)"]


def test_pyodide_026_writes_it_as_an_empty_object(tmp_path):
    with pytest.warns(PyProxyWarning, match=r"JSON.stringify writes \{\} for it on this Pyodide|JSON.stringify sees none of its keys"):
        answers = snippet_answers(tmp_path, JSON_CASES, "2025-09-01")
    assert answers == [
        "'{}' (str)", "'[1,{}]' (str)", "'[1,{}]' (str)", "'{}' (str)", "'{\"a\":{}}' (str)", "'{}' (str)",
        "'{\"x\":{}}' (str)"]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_python_reads_what_lies_past_depth_back_as_the_object(tmp_path, date):
    answers = snippet_answers(tmp_path, [code for code, _ in READS], date)
    assert answers == [expected for _, expected in READS]
