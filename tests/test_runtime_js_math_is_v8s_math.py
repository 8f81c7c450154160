"""``js.Math`` is V8's ``Math``: a JS object (``[object Math]``, ``typeof`` object, no own
enumerable keys) with its eight constants and its functions, each a JS function (``function max()
{ [native code] }``) applying JavaScript's rules -- arguments through ``ToNumber`` (``undefined``
NaN, ``null`` 0, ``"3"`` 3, ``true`` 1), ``Math.round`` half up, ``Math.max()`` -Infinity, NaN
propagating, ``1 ** NaN`` NaN, domain errors NaN and overflows Infinity where Python's ``math``
raises -- and each result a JS number as Pyodide hands it over (a safe whole number an ``int``).
Every expected value is node 22's answer to the same call."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from js import Math, Object
from pyodide.ffi import JsProxy, to_js
from workers import Response, WorkerEntrypoint

null = js.JSON.parse("null")
nan, inf = float("nan"), float("inf")
CALLS = [
    ("round", -2.5), ("round", 2.5), ("round", -0.4), ("round", 0.49999999999999994), ("round", "3.5"),
    ("round", null), ("round",), ("max",), ("min",), ("max", 1, nan), ("max", 1, "5", True), ("min", -1, null),
    ("abs", "-3"), ("abs", -2.5), ("pow", 1, nan), ("pow", -1, inf), ("pow", nan, 0), ("pow", 10, 400),
    ("pow", -10, 401), ("pow", 0, -1), ("pow", -8, 1 / 3), ("pow", 2, 53), ("log", 0), ("log", -1), ("log2", 8),
    ("log1p", -1), ("atanh", 1), ("acos", 2), ("exp", 1000), ("sinh", -1000), ("sin", inf), ("sqrt", -1),
    ("cbrt", 27), ("ceil", -0.5), ("floor", 1e300), ("trunc", -4.7), ("sign", -3), ("sign", "x"), ("clz32", 1),
    ("clz32", -1), ("imul", 4294967295, 5), ("imul", 2147483647, 2), ("fround", 5.05), ("fround", 1e40),
    ("hypot", 3, 4), ("hypot", inf, nan), ("atan2", 1, 1), ("atan", 1),
]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "object": [repr(Math), js.String(Math), Math.typeof, isinstance(Math, JsProxy), callable(Math),
                       Object.keys(Math).to_py()],
            "constants": [Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2],
            "functions": [repr(Math.max), Math.floor.name, isinstance(Math.abs, JsProxy), Math.max == Math.max],
            "calls": [repr(getattr(Math, name)(*args)) for name, *args in CALLS],
        })
"""


def test_js_math_is_v8s_math(tmp_path: Path) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date="2025-10-01"), "/")
    assert got["object"] == ["[object Math]", "[object Math]", "object", True, False, []]
    assert got["constants"] == [2.718281828459045, 2.302585092994046, 0.6931471805599453, 0.4342944819032518,
                                1.4426950408889634, 3.141592653589793, 0.7071067811865476, 1.4142135623730951]
    assert got["functions"] == ["function max() { [native code] }", "floor", True, True]
    assert got["calls"] == [
        "-2", "3", "0", "0", "4", "0", "nan", "-inf", "inf", "nan", "5", "-1",
        "3", "2.5", "nan", "nan", "1", "inf",
        "-inf", "inf", "nan", "9007199254740992.0", "-inf", "nan", "3",
        "-inf", "inf", "nan", "inf", "-inf", "nan", "nan",
        "3", "0", "1e+300", "-4", "-1", "nan", "31",
        "0", "-5", "-2", "5.050000190734863", "inf",
        "5", "inf", "0.7853981633974483", "0.7853981633974483",
    ]
