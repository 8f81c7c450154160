"""``Object.keys``/``Object.values``/``Object.entries`` of a JavaScript function -- ``js.fetch``,
``js.Object``, ``js.Date``, a static (``Object.keys``), ``console.log``, a value's
``constructor`` -- are empty arrays, as in JavaScript (a function's ``name``/``length``/
``prototype`` are not enumerable; real Pyodide 0.26.0a4 and 0.28.2: ``Object.keys(js.fetch).length``
is 0); a workerd class's static methods are enumerable (jsg's), so ``Object.keys(js.Response)``
is ``error``, ``redirect``, ``json`` and ``Object.keys(js.AbortSignal)`` ``abort``, ``timeout``,
``any`` (measured under wrangler dev 4.164.0). Once the globals became JsProxies these raised
``AttributeError: 'function' object has no attribute 'object_keys'`` (or ``... missing 1 required
positional argument: 'self'``). And a member such a function lacks is Pyodide's
``AttributeError`` naming it alone (``js.fetch.nope``: ``nope``), not workers-env's Python
internals (``'types.SimpleNamespace' object has no attribute 'nope'``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from js import Object
from workers import Response, WorkerEntrypoint


def missing(value):
    try:
        value.nope
    except AttributeError as error:
        return str(error)
    return "found"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        functions = {"fetch": js.fetch, "Object": js.Object, "Date": js.Date,
                     "Object.keys": Object.keys, "console.log": js.console.log, "ctx.constructor": self.ctx.constructor,
                     "Object.new().constructor": Object.new().constructor, "parseInt": js.parseInt}
        return Response.json({
            "own": {name: [Object.keys(f).to_py(), Object.values(f).to_py(), Object.entries(f).to_py()]
                    for name, f in functions.items()},
            "missing": {name: missing(f) for name, f in functions.items()},
            "statics": {name: [Object.keys(c).to_py(), [f.name for f in Object.values(c)],
                               [[k, v.name] for k, v in Object.entries(c)], missing(c)]
                        for name, c in (("Response", js.Response), ("AbortSignal", js.AbortSignal))},
        })
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_js_functions_own_no_enumerable_properties(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    names = ["fetch", "Object", "Date", "Object.keys", "console.log", "ctx.constructor", "Object.new().constructor",
             "parseInt"]
    response, signal = ["error", "redirect", "json"], ["abort", "timeout", "any"]
    assert got == {"own": {name: [[], [], []] for name in names}, "missing": {name: "nope" for name in names},
                   "statics": {"Response": [response, response, [[n, n] for n in response], "nope"],
                               "AbortSignal": [signal, signal, [[n, n] for n in signal], "nope"]}}
