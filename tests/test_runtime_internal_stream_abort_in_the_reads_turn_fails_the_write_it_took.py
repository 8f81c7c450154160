"""workerd resolves a write to an ``IdentityTransformStream`` or ``FixedLengthStream`` an I/O
turn after a read took its chunk (the read's ``awaitIo``), so the writer's ``abort(reason)`` in
the read's turn fails that write with the reason while the read still gets the chunk; an abort
once the read has settled leaves the write resolved (checked under wrangler dev,
tools/wrangler/jsapi_differential.py; ``internal_writable_stream_abort_clears_queue``, from
2024-09-02). workers-env resolved the write at the read."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Error, FixedLengthStream, IdentityTransformStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

async def outcome(awaitable):
    try:
        result = await awaitable
    except Exception as exc:
        return str(exc)
    return "ok" if result is None else bytes(result.value.to_bytes()).hex()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, when = request.url.rsplit("/", 2)[1:]
        stream = IdentityTransformStream.new() if kind == "identity" else FixedLengthStream.new(1)
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        write = writer.write(to_js(b"\\x01"))
        read = reader.read()
        if when == "later":
            await read
        aborted = writer.abort(Error.new("why"))
        return Response.json([await outcome(read), await outcome(write), await outcome(aborted)])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["identity", "fixed"])
@pytest.mark.parametrize(("when", "expected"), [("same-turn", ["01", "Error: why", "ok"]), ("later", ["01", "ok", "ok"])])
async def test_an_abort_in_the_reads_turn_fails_the_write_it_took(tmp_path, kind, when, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(f"/{kind}/{when}")).json() == expected
