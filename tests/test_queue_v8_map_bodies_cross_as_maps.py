"""A ``Map`` sent as a ``v8`` Queue message -- what ``to_js(dict)`` makes without a
``dict_converter`` on Pyodide 0.26 (compatibility dates before 2025-09-29; before 2024-03-18
``v8`` is the default content type), or ``js.Map.new(...)`` -- is serialised by V8 as a ``Map``
with its entries and reaches the consumer as one: its size is V8's (``{"a": 1}`` 10 bytes, a
``Map`` in a ``Map`` its entries too; ``tools/wrangler/queue_probe.py sizes`` under wrangler dev
4.164.0 and Node's ``v8.serialize``: ``new Map()`` 5, ``[["a", 1], [2, {b: 2}]]`` 20, ``{m: Map}``
16, a Map of a Map 18, ``[m, m]`` 17, ``[[1.5, null]]`` 15), and the consumer's Python holds a
``JsProxy`` of a ``Map`` (``[object Map]``, ``isinstance(body, JsMap)``, ``body["a"]``; real Pyodide
0.26.0a4 under Node, ``structuredClone(to_js({...}))``). Before, the producer read it as an
empty object: 5 bytes, and the consumer got ``{}``."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_env, load_worker
from workers_env._jsvalues import JsMapArgument

LEGACY = '''
from pyodide.ffi import to_js, JsMap
from js import Object, Response

SEEN = []

async def on_fetch(request, env):
    sizes = []
    for body in (to_js({"a": 1}), to_js({"a": 1, 2: {"b": ["\\u20ac"]}}), to_js([{"a": 1}])):
        answer = await env.JOBS.send(body)  # v8 by default before 2024-03-18
        sizes.append((await env.JOBS.metrics()).backlogBytes - answer.metadata.metrics.backlogBytes)
    return Response.new(str(sizes))

async def on_queue(batch, env):
    for message in batch.messages:
        body = message.body
        first = body if isinstance(body, JsMap) else body[0]
        inner = first.get(2)
        SEEN.append([type(body).__name__, str(body), body.constructor.name, first.size, first["a"],
                     None if inner is None else [inner.constructor.name, inner.get("b").to_py()]])
'''

EXPLICIT = '''
from js import Map, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

SEEN = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = Map.new(to_js([["a", 1], [2, to_js({"b": 2}, dict_converter=Object.fromEntries)]]))
        await self.env.JOBS.send(body, contentType="v8")
        return Response(str((await self.env.JOBS.metrics()).backlogBytes))

    async def queue(self, batch, env, ctx):
        for message in batch.messages:
            SEEN.append([message.body.constructor.name, message.body.size, message.body.get(2).b])
'''


@pytest.mark.asyncio
async def test_pyodide_0_26_to_js_dict_crosses_as_a_map(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, LEGACY, date="2024-01-01", extra=consumed_queue(max_batch_size=3)))
    assert await (await worker.fetch("/")).text() == "[10, 27, 15]"
    sent = worker.env.unwrapped("JOBS").sent
    assert [m.content_type for m in sent] == ["v8"] * 3
    assert isinstance(sent[0].body, JsMapArgument) and sent[0].body.entries == [("a", 1)]
    assert all(d.error is None for d in await worker.deliver_queues())
    assert worker.module.SEEN == [
        ["JsProxy", "[object Map]", "Map", 1, 1, None],
        ["JsProxy", "[object Map]", "Map", 2, 1, ["Map", ["€"]]],
        ["JsProxy", "[object Map]", "Array", 1, 1, None],  # String([map])
    ]


@pytest.mark.asyncio
async def test_a_js_map_crosses_as_a_map_in_any_era(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, EXPLICIT, date="2026-01-01", extra=consumed_queue()))
    assert await (await worker.fetch("/")).text() == "20"
    assert all(d.error is None for d in await worker.deliver_queues())
    assert worker.module.SEEN == [["Map", 2, 2]]


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "size"), [
    (JsMapArgument(), 5), (JsMapArgument([("a", 1), (2, {"b": 2})]), 20), ({"m": JsMapArgument([("a", 1)])}, 16),
    (JsMapArgument([("a", JsMapArgument([("b", "€")]))]), 18), (JsMapArgument([(1.5, None)]), 15)])
async def test_a_maps_size_is_v8s(tmp_path, body, size):
    queue = load_env(one_file_worker(tmp_path, "", extra=consumed_queue(max_batch_timeout=60))).unwrapped("JOBS")
    await queue.send(body, {"contentType": "v8"})
    assert (await queue.metrics())["backlogBytes"] == size
