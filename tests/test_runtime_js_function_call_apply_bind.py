"""A JS function's JsProxy has ``Function.prototype``'s ``call``, ``apply`` and ``bind``, each a
JS function itself, as Pyodide exposes them: ``Object.keys.call(None, obj)``,
``Math.max.apply(None, to_js([1, 5]))`` (a Python list too; ``undefined``/``null`` no
arguments; a number V8's ``CreateListFromArrayLike called on non-object``), ``fn.bind(None, 10)``
a bound function (``name`` ``bound max``, ``String()`` ``function () { [native code] }``) that
puts its arguments first. Every expected value is real Pyodide 0.28.2's under node
(tools/pyodide group ``js-function-call-apply-bind``)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from js import Math, Object
from pyodide.ffi import JsException, JsProxy, to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        bound = Math.max.bind(None, 10)
        try:
            Math.max.apply(None, 3)
            refused = None
        except JsException as error:
            refused = str(error)
        return Response.json({
            "call": [Object.keys.call(None, to_js({"a": 1}, dict_converter=Object.fromEntries)).to_py(),
                     Math.max.call(None, 3, 4), js.parseInt.call(None, "12")],
            "apply": [Math.max.apply(None, to_js([1, 5, 2])), Math.max.apply(None, [1, 2]),
                      repr(Math.max.apply(None)), repr(Math.max.apply(None, js.JSON.parse("null"))),
                      js.parseInt.apply(None, to_js(["z", 36])), refused],
            "bind": [bound(3), bound(30), repr(bound), bound.name, isinstance(bound, JsProxy), bound.typeof,
                     js.parseInt.bind(None, "ff")(16), js.String.bind(None)(5), js.String.bind(None).name,
                     Math.max.bind(None).bind(None).name],
            "members": [repr(Math.max.call), repr(js.fetch.bind), Math.max.apply.name],
        })
"""


def test_js_functions_have_call_apply_and_bind(tmp_path: Path) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date="2025-10-01"), "/")
    assert got == {
        "call": [["a"], 4, 12],
        "apply": [5, 2, "-inf", "-inf", 35, "TypeError: CreateListFromArrayLike called on non-object"],
        "bind": [10, 30, "function () { [native code] }", "bound max", True, "function", 255, "5", "bound String",
                 "bound bound max"],
        "members": ["function call() { [native code] }", "function bind() { [native code] }", "apply"],
    }
