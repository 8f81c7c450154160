"""A JavaScript ``TransformStream`` passes its chunks on as they are: a read gives the very
``Uint8Array`` (its offset and buffer), ``ArrayBuffer`` or ``DataView`` written -- so a pipe from an
internal stream hands on each read's view of its 4 KiB buffer (checked under wrangler dev,
tools/wrangler/jsapi_differential.py). workers-env gave a new ``Uint8Array`` of the bytes."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import ArrayBuffer, DataView, Response as JsResponse, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        buffer = ArrayBuffer.new(8)
        out = []
        for chunk in (Uint8Array.new(buffer, 2, 3), buffer, DataView.new(buffer, 1, 2)):
            stream = TransformStream.new()
            writer, reader = stream.writable.getWriter(), stream.readable.getReader()
            asyncio.ensure_future(writer.write(chunk))
            value = (await reader.read()).value
            name = value.constructor.name
            out.append([name, value.byteLength] if name == "ArrayBuffer" else
                       [name, value.byteOffset, value.byteLength, value.buffer.byteLength])
        piped = TransformStream.new()
        asyncio.ensure_future(JsResponse.new("abc").body.pipeTo(piped.writable))
        value = (await piped.readable.getReader().read()).value
        out.append([value.byteOffset, value.byteLength, value.buffer.byteLength])
        return Response.json(out)
"""


@pytest.mark.asyncio
async def test_a_read_gives_the_chunk_written_itself(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/")).json() == [
        ["Uint8Array", 2, 3, 8], ["ArrayBuffer", 8], ["DataView", 1, 2, 8], [0, 3, 4096]]
