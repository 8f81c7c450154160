"""A read of workerd's internal streams -- a body made from a string or bytes, a ``Request``'s
body, ``Blob.stream()``, an ``IdentityTransformStream``'s or ``FixedLengthStream``'s readable,
a branch of their ``tee()`` -- gives a ``Uint8Array`` at offset 0 of a 4096-byte ``ArrayBuffer``
of its own: workerd allocates that buffer for each default read and gives a view of what the
read put in it (internal.c++ ``ReadableStreamInternalController::read``,
``DEFAULT_AUTO_ALLOCATE_CHUNK_SIZE``; checked under wrangler dev,
tools/wrangler/jsapi_differential.py). workers-env gave the chunk's bytes in a buffer of their
own length."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import Blob, FixedLengthStream, IdentityTransformStream, Request as JsRequest, Response as JsResponse
from js import TextEncoder
from workers import Response, WorkerEntrypoint

def shape(value):
    return [value.byteOffset, value.byteLength, value.buffer.byteLength, bytes(value.to_bytes()).decode()]

async def written(kind):
    stream = IdentityTransformStream.new() if kind == "identity" else FixedLengthStream.new(3)
    writer = stream.writable.getWriter()
    asyncio.ensure_future(writer.write(TextEncoder.new().encode("abc")))
    asyncio.ensure_future(writer.close())
    return stream.readable

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        what = request.url.rsplit("/", 1)[1]
        if what == "string":
            stream = JsResponse.new("abc").body
        elif what == "bytes":
            stream = JsResponse.new(TextEncoder.new().encode("abc")).body
        elif what == "request":
            stream = JsRequest.new("https://e.com", method="POST", body="abc").body
        elif what == "blob":
            stream = Blob.new(["abc"]).stream()
        elif what == "tee":
            stream = (await written("identity")).tee()[0]
        else:
            stream = await written(what)
        reader = stream.getReader()
        first, second = await reader.read(), await reader.read()
        return Response.json([shape(first.value), second.done])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("what", ["string", "bytes", "request", "blob", "identity", "fixed", "tee"])
async def test_each_read_is_a_view_at_the_start_of_a_4096_byte_buffer(tmp_path, what):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(f"/{what}")).json() == [[0, 3, 4096, "abc"], True]
