"""``js.Object.new(value)`` is ECMAScript's ``new Object(value)``: the value itself for an object
(a JS one, or the Python object a PyProxy carries back), a wrapper object for a primitive, a new
empty object for ``None``. So ``to_js(d, dict_converter=Object.new)`` -- like
``dict_converter=Object`` -- leaves the entries array (pyodide#6056), as Pyodide 0.26.0a4, 0.28.2
and 314.0.6 under Node give it (tools/pyodide, group ``conversions``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = {
    "JSON.stringify(to_js({'a': 1, 'b': {'c': 2}}, dict_converter=Object.new))": "'[[\"a\",1],[\"b\",[[\"c\",2]]]]' (str)",
    "JSON.stringify(to_js({'a': 1, 'b': {'c': 2}}, dict_converter=Object))": "'[[\"a\",1],[\"b\",[[\"c\",2]]]]' (str)",
    "a = arr()\nObject.new(a) == a": "True (bool)",
    "JSON.stringify(Object.new(JSON.parse('{\"x\": 1}')))": "'{\"x\":1}' (str)",
    "Object.new(5)": "5 (JsProxy)",
    "Object.new('s')": "s (JsProxy)",
    "Object.new(True)": "true (JsProxy)",
    "Object.new(None)": "[object Object] (JsProxy)",
    "d = {'a': 1}\nObject.new(d) is d": "True (bool)",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01", "2026-10-01"])
def test_object_new(tmp_path, date):
    assert snippet_answers(tmp_path, list(CASES), date) == list(CASES.values())
