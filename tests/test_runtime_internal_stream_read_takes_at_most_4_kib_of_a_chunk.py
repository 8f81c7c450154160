"""A read of workerd's internal streams takes at most its buffer's 4096 bytes, and of one chunk
only: a body made from a buffer is one chunk, read 4 KiB at a time (streams/common.c++
``MemoryInputStream``); a write to an ``IdentityTransformStream`` bigger than that reaches its
reads in pieces, the write resolving only when the read of its last piece takes it
(identity-transform-stream.c++ ``readHelper``/``writeHelper``), and a read never joins two
writes; a ``tee()`` branch of such a stream is read the same way (checked under wrangler dev,
tools/wrangler/jsapi_differential.py). workers-env gave each read one write's chunk whole."""

from __future__ import annotations

import pytest
from worker_helpers import SETTLE, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, Response as JsResponse
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

async def sizes(reader):
    out, data = [], b""
    while not (result := await reader.read()).done:
        out.append(result.value.byteLength)
        data += bytes(result.value.to_bytes())
    return out, data


def pattern(n):
    return bytes(i % 251 for i in range(n))

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        what = request.url.rsplit("/", 1)[1]
        if what == "body":
            out, data = await sizes(JsResponse.new(to_js(pattern(10000))).body.getReader())
            return Response.json([out, data == pattern(10000)])
        if what == "big-body":  # a MiB: 256 reads
            out, data = await sizes(JsResponse.new("x" * (1 << 20)).body.getReader())
            return Response.json([len(out), set(out) == {4096}, len(data)])
        stream = IdentityTransformStream.new()
        writer, out = stream.writable.getWriter(), []
        if what == "one-write":
            reader = stream.readable.getReader()
            write = asyncio.ensure_future(writer.write(to_js(pattern(10000))))
            for _ in range(3):
                value = (await reader.read()).value
                await settle()
                out.append([value.byteLength, write.done()])
        elif what == "two-writes":
            reader = stream.readable.getReader()
            first = asyncio.ensure_future(writer.write(to_js(pattern(3000))))
            second = asyncio.ensure_future(writer.write(to_js(pattern(3000))))
            for _ in range(2):
                value = (await reader.read()).value
                await settle()
                out.append([value.byteLength, first.done(), second.done()])
        elif what == "read-waiting":  # a read waiting when the write comes takes its first 4 KiB
            reader = stream.readable.getReader()
            read = asyncio.ensure_future(reader.read())
            await settle()
            write = asyncio.ensure_future(writer.write(to_js(pattern(5000))))
            out.append([(await read).value.byteLength, write.done()])
            value = (await reader.read()).value
            await settle()
            out.append([value.byteLength, write.done()])
        elif what == "tee":
            asyncio.ensure_future(writer.write(to_js(pattern(10000))))
            asyncio.ensure_future(writer.close())
            out, data = await sizes(stream.readable.tee()[1].getReader())
            out = [out, data == pattern(10000)]
        return Response.json(out)
""" + SETTLE


@pytest.mark.asyncio
@pytest.mark.parametrize(("what", "expected"), [
    ("body", [[4096, 4096, 1808], True]),
    ("big-body", [256, True, 1 << 20]),
    ("one-write", [[4096, False], [4096, False], [1808, True]]),
    ("two-writes", [[3000, True, False], [3000, True, True]]),
    ("read-waiting", [[4096, False], [904, True]]),
    ("tee", [[4096, 4096, 1808], True]),
])
async def test_reads_take_4_kib_of_a_chunk_at_most(tmp_path, what, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(f"/{what}")).json() == expected
