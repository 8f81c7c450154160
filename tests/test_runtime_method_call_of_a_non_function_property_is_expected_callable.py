"""``obj.f()`` where the JS property ``f`` is no function -- a number, a string, ``null``, a plain
object -- is ``TypeError: Expected callable`` from Pyodide 0.28 on (compatibility dates from
2025-09-29), raised by Pyodide's method lookup before the arguments are evaluated, while
``f = obj.f; f()`` and ``getattr(obj, "f")()`` read the value and fail as Python's ``'int' object
is not callable``; on Pyodide 0.26 every form is Python's error (real Pyodide 0.26.0a4, 0.28.2 and
314.0.6: tools/pyodide, group ``errors``). A function property is called as before."""

from __future__ import annotations

import pytest
from worker_helpers import REPR_OUTCOME, json_answer, one_file_worker

ENTRY = '''
import json

import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint
''' + REPR_OUTCOME + '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        o = js.JSON.parse('{"a": 1, "s": "x", "n": null, "d": {"e": 2}}')
        o.f = js.Object.keys
        out = {
            "number": outcome(lambda: o.a()),
            "string": outcome(lambda: o.s()),
            "null": outcome(lambda: o.n()),
            "object": outcome(lambda: o.d()),
            "args_not_evaluated": outcome(lambda: o.a(1 / 0)),
            "read_then_call": outcome(lambda: (lambda f: f())(o.a)),
            "getattr_then_call": outcome(lambda: getattr(o, "a")()),
            "missing": outcome(lambda: o.zz()),
            "function": outcome(lambda: o.f(o.d).to_py()),
            "read": outcome(lambda: o.a),
            "to_js_dict": outcome(lambda: to_js({"k": 1, "f": len}).k()),  # a LiteralMap's property on 0.28
            "to_js_dict_function": outcome(lambda: to_js({"k": 1, "f": len}).f("ab")),
        }
        return Response(json.dumps(out))
'''

COMMON = {
    "read_then_call": "TypeError: 'int' object is not callable",
    "getattr_then_call": "TypeError: 'int' object is not callable",
    "missing": "AttributeError: zz",
    "function": "['e']",
    "read": "1",
}


@pytest.mark.parametrize("date", ["2025-10-01", "2026-09-08"])
def test_a_method_call_of_a_non_function_is_expected_callable_from_0_28(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    expected = dict.fromkeys(("number", "string", "null", "object", "args_not_evaluated"), "TypeError: Expected callable")
    mapped = {"to_js_dict": "TypeError: Expected callable", "to_js_dict_function": "2"}
    assert json_answer(tmp_path, "/") == {**expected, **COMMON, **mapped}


def test_pyodide_0_26_gives_pythons_own_error(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2025-09-01")
    assert json_answer(tmp_path, "/") == {
        "number": "TypeError: 'int' object is not callable",
        "string": "TypeError: 'str' object is not callable",
        "null": "TypeError: 'NoneType' object is not callable",
        "object": "TypeError: 'pyodide.ffi.JsProxy' object is not callable",
        "args_not_evaluated": "ZeroDivisionError: division by zero",
        **COMMON,
        "to_js_dict": "AttributeError: k",  # a plain Map on 0.26: no properties
        "to_js_dict_function": "AttributeError: f",
    }
