"""A binding given a ``ReadableStream`` that is still being written (a ``TransformStream``'s
readable fed by a task, a pipe's destination) reads it to its end before the call runs, as the
JavaScript binding consumes its stream: KV's ``put`` stores every byte, and a supplied binding
gets the whole body. Both raised a bare ``RuntimeError: the stream is still being written``
(found running LogLens, batch s19, whose R2 ``put`` gets a ``FixedLengthStream``'s readable)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """
import asyncio
from js import TransformStream, TextEncoder
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def produce():
            for part in ("stre", "amed"):
                await asyncio.sleep(0.005)
                await writer.write(TextEncoder.new().encode(part))
            await writer.close()

        asyncio.ensure_future(produce())
        await getattr(self.env, request.url.rsplit("/", 1)[1]).put("k", stream.readable)
        return Response(await self.env.KV.get("k") if request.url.endswith("KV") else "sent")
"""


class Bucket:
    JS_METHODS = ("put",)

    def __init__(self):
        self.objects = {}

    async def put(self, key, value, options=None):
        self.objects[key] = b"".join(value.take())


@pytest.mark.asyncio
async def test_kv_put_and_a_supplied_binding_read_the_stream_to_its_end(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, extra='[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    bucket = Bucket()
    worker = load_worker(folder, env=load_env(folder, bindings={"BUCKET": bucket}))
    assert await (await worker.fetch("/KV")).text() == "streamed"
    assert await (await worker.fetch("/BUCKET")).text() == "sent"
    assert bucket.objects == {"k": b"streamed"}
