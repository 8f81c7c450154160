"""A ``v8`` Queue message holding itself, or one value twice -- a ``Map`` holding itself, an
object or array holding itself, ``[m, m]`` -- reaches the consumer as V8's structured clone keeps
it: the circle closed, the one value twice (the same ``js_id``). Before (review55), delivering a body
holding itself failed the whole ``deliver_queues()`` with Python's ``RecursionError``, and
``[m, m]`` arrived as two ``Map``s. The sizes are V8's, as ``tools/wrangler/queue_probe.py sizes``
measured ``[m, m]`` (17 bytes)."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker

ENTRY = '''
from js import Array, Map, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

SEEN = {}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        looped_map = Map.new()
        looped_map.set("self", looped_map)
        looped_object = Object.new()
        looped_object.a = 1
        looped_object.self = looped_object
        looped_array = Array.of(1)
        looped_array.push(looped_array)
        m = Map.new(to_js([["a", 1]]))
        o = to_js({"a": 1}, dict_converter=Object.fromEntries)
        for body in (looped_map, looped_object, looped_array, Array.of(m, m), Array.of(o, o)):
            await self.env.JOBS.send(body, contentType="v8")
        return Response("sent")

    async def queue(self, batch, env, ctx):
        looped_map, looped_object, looped_array, maps, objects = [m.body for m in batch.messages]
        SEEN.update({
            "map": [looped_map.size, looped_map.get("self").js_id == looped_map.js_id],
            "object": [list(Object.keys(looped_object)), looped_object.self.js_id == looped_object.js_id],
            "array": [looped_array.length, looped_array[1].js_id == looped_array.js_id],
            "[m, m]": [maps[0].get("a"), maps[0].js_id == maps[1].js_id],
            "[o, o]": [objects[0].a, objects[0].js_id == objects[1].js_id],
        })
'''


@pytest.mark.asyncio
async def test_each_body_arrives_as_v8s_clone_of_it(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=consumed_queue(max_batch_size=5)))
    assert await (await worker.fetch("/")).text() == "sent"
    assert [m.size for m in worker.env.unwrapped("JOBS").sent][3] == 17
    assert all(d.error is None for d in await worker.deliver_queues())
    assert worker.module.SEEN == {
        "map": [1, True], "object": [["a", "self"], True], "array": [2, True], "[m, m]": [1, True], "[o, o]": [1, True],
    }
