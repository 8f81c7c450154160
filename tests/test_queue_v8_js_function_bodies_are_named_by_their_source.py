"""A JavaScript function in a ``v8`` Queue message -- the body itself, or inside an object or a
``Map`` -- is V8's ``DataCloneError`` naming the function by its source, as ``structuredClone``
does: ``function fetch() { [native code] } could not be cloned.``, ``console.log`` (workerd's
own) ``function () { [native code] }``, ``Response.json`` ``function json() { [native code] }``
(measured under wrangler dev 4.164.0 with a JavaScript twin, ``tools/wrangler/queue_probe.py
limits``, leftovers44); a Python function's PyProxy stays ``function(){}``. Nothing is sent. Before,
every function was ``function(){}``, and one inside an object was sent. (The batch is ``to_js``'s: a
plain Python list is a PyProxy workerd reads no body of, refused as one, review55.)"""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from js import Map, Object
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        holder = to_js({"f": js.fetch}, dict_converter=Object.fromEntries)
        bodies = {"fetch": js.fetch, "console.log": js.console.log, "Response.json": js.Response.json,
                  "Object.keys": js.Object.keys, "object holding fetch": holder,
                  "Map holding setTimeout": Map.new(to_js([["f", js.setTimeout]])),
                  "Python function": create_proxy(lambda: 1)}
        out = {}
        for name, body in bodies.items():
            for call in (lambda: self.env.JOBS.send(body, contentType="v8"),
                         lambda: self.env.JOBS.sendBatch(to_js([{"body": body, "contentType": "v8"}],
                                                               dict_converter=Object.fromEntries))):
                try:
                    await call()
                    out.setdefault(name, []).append("sent")
                except Exception as exc:
                    out.setdefault(name, []).append(str(exc))
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_a_js_function_is_named_by_its_source(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=consumed_queue()))
    got = await (await worker.fetch("/")).json()

    def refused(source):
        return [f"DataCloneError: {source} could not be cloned."] * 2

    assert got == {
        "fetch": refused("function fetch() { [native code] }"),
        "console.log": refused("function () { [native code] }"),
        "Response.json": refused("function json() { [native code] }"),
        "Object.keys": refused("function keys() { [native code] }"),
        "object holding fetch": refused("function fetch() { [native code] }"),
        "Map holding setTimeout": refused("function setTimeout() { [native code] }"),
        "Python function": refused("function(){}"),
    }
    assert worker.env.unwrapped("JOBS").sent == []
