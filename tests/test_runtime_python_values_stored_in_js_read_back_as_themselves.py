"""A Python value Worker code stores in a JS object, array or Map (``o.x = [1, 2]``,
``a.append(d)``, ``a[0] = l``, ``m["k"] = l``) is its PyProxy there, and reading it back from
Python gives the very object -- a ``list``, not a JsProxy -- however it is read (attribute, index,
iteration, ``to_py()``, ``Object.values``, slices and copies of the array); ``String()`` of the
array writes it as its ``repr``, ``Array.isArray`` says no. Real Pyodide 0.26.0a4, 0.26.2 and
0.28.2 under Node answered so (``tools/pyodide/pyodide_cases.py``, group ``stored-pyproxies``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

from workers_env import PyProxyWarning

#: (snippet, what every Pyodide version gave)
READS = [
    ("o = Object.new()\no.x = [1, 2]\n(o.x, type(o.x).__name__)", "([1, 2], 'list') (tuple)"),
    ("o = Object.new()\no.x = {'a': 1}\n(o.x, type(o.x).__name__)", "({'a': 1}, 'dict') (tuple)"),
    ("o = Object.new()\no.x = [1, [2, 3]]\n(o.x[1], type(o.x[1]).__name__)", "([2, 3], 'list') (tuple)"),
    ("o = Object.new()\nl = [1, 2]\no.x = l\no.x is l", "True (bool)"),
    ("o = Object.new()\no.x = b'ab'\n(o.x, type(o.x).__name__)", "(b'ab', 'bytes') (tuple)"),
    ("o = Object.new()\no.x = [1, 2]\njs.Array.isArray(o.x)", "False (bool)"),
    ("o = Object.new()\no.x = [1, 2]\no.x.length", "AttributeError: 'list' object has no attribute 'length'"),
    ("o = Object.new()\no.x = [1, 2]\njs.String(o.x)", "'[1, 2]' (str)"),
    ("o = Object.new()\nl = [1]\no.x = l\no.to_py()['x'] is l", "True (bool)"),
    ("o = Object.new()\no.x = [1, 2]\nObject.values(o)[0]", "[1, 2] (list)"),
    ("o = Object.new()\no.x = [1, 2]\nObject.entries(o)[0][1]", "[1, 2] (list)"),
    ("o = Object.new()\no.x = [1, 2]\no.as_object_map()['x']", "[1, 2] (list)"),
    ("o = JSON.parse('{\"d\": 1}')\no.d = {'b': [1]}\n(o.d, o.d['b'])", "({'b': [1]}, [1]) (tuple)"),
    ("a = Array.new()\nl = [1, 2]\na.append(l)\na[0] is l", "True (bool)"),
    ("a = Array.new()\na.append([1, 2])\na.to_py()[0] is a[0]", "True (bool)"),
    ("a = arr()\na[0] = [5]\n(a[0], type(a[0]).__name__)", "([5], 'list') (tuple)"),
    ("a = arr()\na.insert(0, [5])\n(a[0], type(a[0]).__name__)", "([5], 'list') (tuple)"),
    ("a = Array.new()\na.extend([[1, 2]])\n(a[0], type(a[0]).__name__)", "([1, 2], 'list') (tuple)"),
    ("a = Array.new()\na.append([1, 2])\nlist(a)", "[[1, 2]] (list)"),
    ("a = Array.new()\na.append({'a': 1})\na.pop()", "{'a': 1} (dict)"),
    ("a = Array.new()\na.append([1])\na.at(0)", "[1] (list)"),
    ("a = Array.new()\na.append([1])\na.map(lambda x, *r: type(x).__name__).to_py()", "['list'] (list)"),
    ("a = Array.new()\na.append([1])\njs.String(a)", "'[1]' (str)"),
    ("a = Array.new()\na.append([1])\na.slice(0)[0]", "[1] (list)"),
    ("a = Array.new()\na.append([1])\na.filter(lambda *r: True)[0]", "[1] (list)"),
    ("a = Array.new()\na.append([1])\na[0:1][0]", "[1] (list)"),
    ("a = Array.new()\na.append([1])\nlist(a.entries())[0][1]", "[1] (list)"),
    ("a = Array.new()\na.append([1])\na.concat(Array.new())[0]", "[1] (list)"),
    ("m = js.Map.new()\nm['k'] = [1, 2]\n(m['k'], m.get('k'), type(m['k']).__name__)",
     "([1, 2], [1, 2], 'list') (tuple)"),
    ("m = js.Map.new()\nm['k'] = [1, 2]\nm.to_py()", "{'k': [1, 2]} (dict)"),
]

#: what JSON.stringify writes for them: the PyProxy's JSON (0.28), or none (0.26.0a4, as production's 0.26.0a2)
JSON_CASES = [
    "o = Object.new()\no.x = [1, 2]\no.x.append(3)\nJSON.stringify(o)",
    "o = Object.new()\no.x = b'ab'\nJSON.stringify(o)",
    "a = Array.new()\na.append([1, 2])\nJSON.stringify(a)",
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_stored_python_value_reads_back_as_itself(tmp_path, date):
    answers = snippet_answers(tmp_path, [code for code, _ in READS], date)
    assert answers == [expected for _, expected in READS]


def test_pyodide_028_writes_the_stored_values_json(tmp_path):
    assert snippet_answers(tmp_path, JSON_CASES, "2025-10-01") == [
        "'{\"x\":[1,2,3]}' (str)", "'{\"x\":[97,98]}' (str)", "'[[1,2]]' (str)"]


def test_pyodide_026_writes_them_as_empty_objects(tmp_path):
    with pytest.warns(PyProxyWarning, match=r"JSON.stringify writes \{\} for it on this Pyodide \(0.26\)"):
        answers = snippet_answers(tmp_path, JSON_CASES, "2025-09-01")
    assert answers == [
        "'{\"x\":{}}' (str)", "'{\"x\":{}}' (str)", "'[{}]' (str)"]
