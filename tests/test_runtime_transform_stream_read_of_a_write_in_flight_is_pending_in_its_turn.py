"""A ``TransformStream``'s read of a write in flight settles a promise's reaction later in workerd
(the transform runs then, standard.c++), so what Worker code does in the read's turn still finds
it pending: the reader's ``releaseLock()`` rejects it as released and the chunk waits for the
next reader (its write resolves), the reader's ``cancel()`` leaves it done and fails the write with
``The readable side of this TransformStream is no longer readable.``, the writer's ``abort()``
fails both with the reason, and ``desiredSize`` still counts the write. Checked under wrangler dev
(tools/wrangler/jsapi_differential.py). workers-env settled the read at once with the chunk, so
each of these found it resolved. A read awaited at once gets its chunk as before."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

async def got(promise):
    try:
        result = await promise
    except Exception as exc:
        return str(exc)
    return "done" if result is None or getattr(result, "done", False) else list(result.value.to_py())

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        then = request.url.rsplit("/", 1)[1]
        stream = TransformStream.new()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        await writer.ready  # the stream's start has settled: the write is in flight
        write = writer.write(Uint8Array.new([7]))
        read = reader.read()
        out = []
        if then == "release":
            reader.releaseLock()
        elif then == "cancel":
            reader.cancel(Error.new("enough"))
        elif then == "abort":
            writer.abort(Error.new("why"))
        elif then == "size":
            out.append(writer.desiredSize)
        out += [await got(read), await got(write)]
        if then == "release":
            out.append(await got(stream.readable.getReader().read()))
        if then == "size":
            out.append(writer.desiredSize)
        return Response.json(out)
"""


@pytest.mark.parametrize(("then", "expected"), [
    ("release", ["TypeError: This ReadableStream reader has been released.", "done", [7]]),
    ("cancel", ["done", "TypeError: The readable side of this TransformStream is no longer readable."]),
    ("abort", ["Error: why", "Error: why"]),
    ("size", [0, [7], "done", 1]),
    ("nothing", [[7], "done"]),
])
def test_what_meets_a_read_of_a_write_in_flight_in_its_turn(tmp_path, then, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{then}") == expected
