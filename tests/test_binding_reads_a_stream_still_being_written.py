"""A binding given a ``ReadableStream`` that is still being written (a ``TransformStream``'s
readable fed by a task, a pipe's destination) reads it to its end before the call runs, as the
JavaScript binding consumes its stream: KV's ``put`` stores every byte, and a supplied binding
gets the whole body. Both raised a bare ``RuntimeError: the stream is still being written``
(found running LogLens, batch s19, whose R2 ``put`` gets a ``FixedLengthStream``'s readable).

Inside an argument (an options object, a list) it is waited for too, when the method is async;
a synchronous method, which cannot wait, gets a ``NotEmulatedError`` saying to hand it to an
async method or read it first (awaiting the writer first would hang: a write waits for a
read). Both reached the same bare ``RuntimeError``."""

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


# a stream inside an argument
NESTED_ENTRY = """
import asyncio
from js import Object, TransformStream, TextEncoder
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def produce():
            for part in ("nes", "ted"):
                await asyncio.sleep(0.005)
                await writer.write(TextEncoder.new().encode(part))
            await writer.close()

        task = asyncio.ensure_future(produce())
        how = request.url.rsplit("/", 1)[1]
        try:
            if how == "options":
                await self.env.BUCKET.put("k", to_js({"body": stream.readable}, dict_converter=Object.fromEntries))
            elif how == "list":
                await self.env.BUCKET.put("k", to_js([stream.readable]))
            else:
                self.env.BUCKET.peek(to_js([stream.readable]))
        except Exception as exc:
            task.cancel()  # its writes wait for a read that will not come
            return Response(f"{type(exc).__name__}: {exc}")
        return Response("sent")
"""


class NestingBucket:
    JS_METHODS = ("put", "peek")

    def __init__(self):
        self.objects = {}

    async def put(self, key, value, options=None):
        body = value["body"] if isinstance(value, dict) else value[0]
        self.objects[key] = body.read()

    def peek(self, value):
        return len(value)


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["options", "list"])
async def test_an_async_method_waits_for_a_nested_stream(tmp_path, how):
    folder = one_file_worker(tmp_path, NESTED_ENTRY)
    bucket = NestingBucket()
    worker = load_worker(folder, env=load_env(folder, bindings={"BUCKET": bucket}))
    assert await (await worker.fetch(f"/{how}")).text() == "sent"
    assert bucket.objects == {"k": b"nested"}


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-10-01"])  # the external SDK's wrapper, the JS binding
async def test_a_synchronous_method_says_what_to_do(tmp_path, date):
    folder = one_file_worker(tmp_path, NESTED_ENTRY, date=date)
    worker = load_worker(folder, env=load_env(folder, bindings={"BUCKET": NestingBucket()}))
    text = await (await worker.fetch("/sync")).text()
    assert text.startswith("NotEmulatedError: a ReadableStream still being written")
    assert "an async binding method, which reads it as it is written" in text
    assert text.endswith("would hang, as nothing reads the stream meanwhile (here given to the synchronous "
                         "BUCKET.peek())")
