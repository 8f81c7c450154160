"""What the Worker's own ``queue()`` gets of a binary body, as Miniflare's broker hands it over
under wrangler dev 4.164.0 (measured with a JavaScript Worker, ``tools/wrangler/queue_probe.py
limits``): a ``bytes`` message as an ``ArrayBuffer`` (its ``viewToBuffer``; deployed, workerd
makes it a ``Uint8Array``), a ``v8`` one as the structured clone of what was sent -- a typed array
a typed array, an ``ArrayBuffer`` an ``ArrayBuffer`` -- and a ``json`` one as its JSON: a typed
array an index-keyed object. A Python ``bytes`` body: in the built-in SDK era it reaches the raw
binding as a PyProxy, so ``contentType="bytes"`` is workerd's wrong-type ``TypeError``, ``v8``
``DataCloneError`` and ``json`` its byte values on Pyodide 0.28 (``{}`` on 0.26: real Pyodide
0.26.0a4, 0.28.2, 314.0.6 under Node); the external SDK makes it a ``Uint8Array`` first, and its
consumer reads each binary body as a ``memoryview`` (``python_from_rpc``'s ``to_py``: Pyodide
0.26.0a4, 0.28.2 and 314.0.6 alike)."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker

ENTRY = '''
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

SEEN = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for name, body, kind in (("bytes", b"abc", "bytes"), ("bytes", b"abc", "v8"), ("bytes", b"abc", "json"),
                                 ("Uint8Array", to_js(b"abc"), "bytes"), ("Uint8Array", to_js(b"abc"), "v8"),
                                 ("Uint8Array", to_js(b"abc"), "json"), ("ArrayBuffer", to_js(b"abc").buffer, "v8")):
            try:
                await self.env.JOBS.send(body, contentType=kind)
                out.append([name, kind, "sent"])
            except Exception as exc:
                out.append([name, kind, str(exc)])
        return Response.json(out)

    async def queue(self, batch, env, ctx):
        for message in batch.messages:
            body = message.body
            kind = type(body).__name__
            if kind == "JsProxy" or hasattr(body, "constructor"):
                kind = body.constructor.name
            if isinstance(body, memoryview) or kind in ("ArrayBuffer", "Uint8Array"):
                data = bytes(body) if isinstance(body, memoryview) else body.to_bytes()
            else:
                data = body.to_py() if kind in ("Array", "Object") else body
            SEEN.append([kind, data])
'''


@pytest.mark.asyncio
async def test_the_built_in_era(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=consumed_queue()))
    assert await (await worker.fetch("/")).json() == [
        ["bytes", "bytes", 'TypeError: Content Type "bytes" requires a value of type ArrayBufferView, but received: '
                           "object"],
        ["bytes", "v8", "DataCloneError: [object Object] could not be cloned."],
        ["bytes", "json", "sent"],
        ["Uint8Array", "bytes", "sent"], ["Uint8Array", "v8", "sent"], ["Uint8Array", "json", "sent"],
        ["ArrayBuffer", "v8", "sent"]]
    assert all(d.error is None for d in await worker.deliver_queues())
    seen = worker.module.SEEN
    assert seen == [["Array", [97, 98, 99]], ["ArrayBuffer", b"abc"], ["Uint8Array", b"abc"],
                    ["Object", {"0": 97, "1": 98, "2": 99}], ["ArrayBuffer", b"abc"]]


@pytest.mark.asyncio
async def test_the_external_sdk_era(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-05-01", extra=consumed_queue()))
    assert all(row[2] == "sent" for row in await (await worker.fetch("/")).json())
    assert all(d.error is None for d in await worker.deliver_queues())
    binary = ["memoryview", b"abc"]
    json = ["JsDict", {"0": 97, "1": 98, "2": 99}]
    assert worker.module.SEEN == [binary, binary, json, binary, binary, json, binary]


@pytest.mark.asyncio
async def test_pyodide_0_26_writes_bytes_as_an_empty_object(tmp_path):
    import warnings

    from workers_env import PyProxyWarning

    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-20", extra=consumed_queue()))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PyProxyWarning)
        answers = await (await worker.fetch("/")).json()
    assert answers[2] == ["bytes", "json", "sent"]
    assert any("JSON.stringify writes {} for it on this Pyodide (0.26)" in str(w.message) for w in caught)
    deliveries = await worker.deliver_queues()
    assert all(d.error is None for d in deliveries)
    assert worker.module.SEEN[0] == ["Object", {}]


NESTED = '''
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

SEEN = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = {"buffer": to_js(b"ab").buffer, "list": [to_js(b"c")]}
        await self.env.JOBS.send(to_js(body, dict_converter=js.Object.fromEntries), contentType="v8")
        return Response("sent")

    async def queue(self, batch, env, ctx):
        body = batch.messages[0].body
        SEEN.extend([body.buffer.constructor.name, body.list[0].constructor.name, body.list[0].to_bytes()])
'''


@pytest.mark.asyncio
async def test_a_v8_body_keeps_its_binary_values_in_an_object_and_an_array(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, NESTED, date="2026-01-01", extra=consumed_queue()))
    assert await (await worker.fetch("/")).text() == "sent"
    assert [d.error for d in await worker.deliver_queues()] == [None]
    assert worker.module.SEEN == ["ArrayBuffer", "Uint8Array", b"c"]
