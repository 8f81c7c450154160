"""A ``TransformStream`` whose readable side is canceled while a write is in flight: the writer's
``ready`` read then (in the cancel's turn) is resolved -- the cancel errors the writable and
resolves the ``ready`` it had -- and only once that write has failed (``TypeError: The readable
side of this TransformStream is no longer readable.``) is ``ready`` a new promise, rejected with
that error; with room under the highWaterMark the ``ready`` read before the cancel is the one read
after it. Writes made before the stream's start settled resolve and leave ``ready`` resolved.
workerd's rule (standard.c++ ``TransformStreamDefaultController::cancel`` ->
``WritableStreamJsController::doError`` resolves the ready promise; the failing write's
``finishInFlightWrite`` -> ``startErroring`` -> ``maybeRejectReadyPromise`` replaces it), measured
under wrangler dev 4.164.0 with a JavaScript twin (writes 1-4, highWaterMark 1 and 3, the cancel in
the writes' turn or 20 ms later); workers-env had the ``ready`` read at the cancel reject
(jsapi_differential's case of two writes and a cancel in one turn)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, Object, TransformStream, Uint8Array
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


async def settle(promise):
    try:
        await promise
        return "resolves"
    except Exception as exc:
        return f"rejects {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        mark, writes, started = (int(part) for part in request.url.rsplit("/", 3)[1:])
        strategy = to_js({"highWaterMark": mark}, dict_converter=Object.fromEntries)
        stream = TransformStream.new(None, strategy)
        writer = stream.writable.getWriter()
        before = writer.ready
        if started:
            await before
        made = [writer.write(Uint8Array.new(1)) for _ in range(writes)]
        ahead = writer.ready
        stream.readable.cancel(Error.new("boom"))
        at_cancel = writer.ready
        seen = [await settle(at_cancel), at_cancel is ahead]
        seen += [await settle(write) for write in made]
        await asyncio.sleep(0.02)
        after = writer.ready
        return Response.json([*seen, after is at_cancel, await settle(after), await settle(writer.closed)])
"""

GONE = "rejects TypeError: The readable side of this TransformStream is no longer readable."


@pytest.mark.parametrize(("mark", "writes", "started", "answer"), [
    # back-pressure replaced ``ready`` at the first write; the cancel resolves it
    (1, 2, 1, ["resolves", True, GONE, GONE, False, GONE, "rejects Error: boom"]),
    (1, 1, 1, ["resolves", True, GONE, False, GONE, "rejects Error: boom"]),
    # room left: the ``ready`` of before the writes, resolved, until the write in flight fails
    (3, 2, 1, ["resolves", True, GONE, GONE, False, GONE, "rejects Error: boom"]),
    # nothing in flight: resolved all along
    (1, 0, 1, ["resolves", True, True, "resolves", "rejects Error: boom"]),
    # the start not settled: the writes resolve and ``ready`` with them
    (1, 2, 0, ["resolves", True, "resolves", "resolves", True, "resolves", "rejects Error: boom"]),
])
def test_ready_at_the_cancel_resolves_until_the_write_in_flight_fails(tmp_path, mark, writes, started, answer):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{mark}/{writes}/{started}") == answer
