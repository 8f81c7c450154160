"""A ``FixedLengthStream`` counts its bytes per read, and a read takes at most 4 KiB of a write
(identity-transform-stream.c++ ``tryReadInternal``): a 10000-byte write to a 5000-byte stream
gives its first 4096 bytes to the first read; the second read's piece goes past the length, so
that read fails with ``Attempt to write too many bytes ...`` and the stream is canceled with it
-- which fails the write, part of it still unread, as well as the writer's ``close()``. A
4097-byte write to a 10000-byte stream is read as 4096 and 1 bytes, its write resolving at the
second read, and the reader meets ``did not see all expected bytes`` at the end (checked under
wrangler dev, tools/wrangler/jsapi_differential.py). workers-env gave the first read the whole
chunk, or failed it and resolved the write."""

from __future__ import annotations

import pytest
from worker_helpers import SETTLE, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import FixedLengthStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

async def outcome(awaitable):
    try:
        result = await awaitable
    except Exception as exc:
        return str(exc)
    if result is None:
        return "ok"
    return "done" if result.done else result.value.byteLength

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        length, size = (int(n) for n in request.url.rsplit("/", 2)[1:])
        stream = FixedLengthStream.new(length)
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        write = asyncio.ensure_future(writer.write(to_js(bytes(size))))
        close = asyncio.ensure_future(writer.close())
        out = []
        for _ in range(3):
            out.append(await outcome(reader.read()))
            await settle()
            out.append(write.done() and await outcome(write))
        out.append(await outcome(close))
        return Response.json(out)
""" + SETTLE

TOO_MANY = "TypeError: Attempt to write too many bytes through a FixedLengthStream."
TOO_FEW = "TypeError: FixedLengthStream did not see all expected bytes before close()."


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "expected"), [
    ("/5000/10000", [4096, False, TOO_MANY, TOO_MANY, TOO_MANY, TOO_MANY, TOO_MANY]),
    ("/10000/4097", [4096, False, 1, "ok", TOO_FEW, "ok", "ok"]),
])
async def test_a_piece_past_the_length_fails_the_read_and_the_write(tmp_path, path, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(path)).json() == expected
