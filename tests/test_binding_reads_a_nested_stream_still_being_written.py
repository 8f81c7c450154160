"""A stream still being written that sits inside a binding call's argument (an options
object, a list) is waited for as a top-level one is, when the method is async; a synchronous
method, which cannot wait, gets a ``NotEmulatedError`` saying to hand it to an async method or
read it first (awaiting the writer first would hang: a write waits for a read). Both reached a
bare ``RuntimeError: the stream is still being written``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """
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


class Bucket:
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
    folder = one_file_worker(tmp_path, ENTRY)
    bucket = Bucket()
    worker = load_worker(folder, env=load_env(folder, bindings={"BUCKET": bucket}))
    assert await (await worker.fetch(f"/{how}")).text() == "sent"
    assert bucket.objects == {"k": b"nested"}


@pytest.mark.asyncio
async def test_a_synchronous_method_says_what_to_do(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    worker = load_worker(folder, env=load_env(folder, bindings={"BUCKET": Bucket()}))
    text = await (await worker.fetch("/sync")).text()
    assert text.startswith("NotEmulatedError: a ReadableStream still being written")
    assert "an async binding method, which reads it as it is written" in text and "BUCKET.peek()" in text
