"""A static member read twice -- ``Object.keys``, ``js.Response.json``, ``js.crypto.randomUUID``,
``ctx.constructor`` -- is one JavaScript function, as in Pyodide (real Pyodide 0.26.0a4 and 0.28.2
under Node): each read is a new ``JsProxy`` (``is`` tells them apart) of the same function, so
``==`` is ``True``, ``js_id`` is the same, and a JS ``Map`` or ``Set`` keys them as one
(``m.set(Object.keys, 1); m.get(Object.keys)`` is 1, a Set given it twice has one member).
Once the globals became JsProxies, each read was a proxy of a function of its own: ``==`` was
``False``, ``m.get`` ``None`` and the Set counted it twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from js import Object
from workers import Response, WorkerEntrypoint


def compared(read):
    first, second = read(), read()  # both held: two proxies alive at once
    return [first == second, first is second, first.js_id == second.js_id]


def as_map_and_set_keys(read):
    m = js.Map.new()
    m.set(read(), 1)
    s = js.Set.new()
    s.add(read())
    s.add(read())
    return [m.get(read()), m.has(read()), s.size, s.has(read())]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ctx = self.ctx
        reads = {"Object.keys": lambda: Object.keys, "Response.json": lambda: js.Response.json,
                 "crypto.randomUUID": lambda: js.crypto.randomUUID, "ctx.constructor": lambda: ctx.constructor,
                 "constructor.keys": lambda: Object.new().constructor.keys}
        return Response.json({
            name: [*compared(read), *as_map_and_set_keys(read)]
            for name, read in reads.items()
        } | {"different": [Object.keys == Object.values, (lambda a, b: a.js_id == b.js_id)(Object.keys, Object.values),
                           js.Response.json == js.Request.json if hasattr(js.Request, "json") else False]})
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_a_static_read_twice_is_one_js_function(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    same = [True, False, True, 1, True, 1, True]
    # ctx.constructor is one proxy at each read, as js.Object is (README, Where we had to choose: a
    # repeated read can be the same proxy); only ``is`` tells that from Pyodide
    assert got == {"Object.keys": same, "Response.json": same, "crypto.randomUUID": same,
                   "ctx.constructor": [True, True, *same[2:]], "constructor.keys": same,
                   "different": [False, False, False]}
