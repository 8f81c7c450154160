"""A ``TransformStream`` whose readable side is canceled while its writer's writes are in flight.

A reader's ``cancel()`` while writes wait for a read: each waiting write rejects with ``TypeError:
The readable side of this TransformStream is no longer readable.`` and so does the writer's
``ready`` read once they have -- while ``closed`` and the next write get the cancel's reason and
``desiredSize`` is ``null``. With no write waiting, ``ready`` stays resolved. Measured under
wrangler dev 4.164.0 with a JavaScript twin (hangup51: a reader's ``cancel()``, with no reason and
with ``"gone"``, 0, 1 and 2 writes waiting); workers-env had ``ready`` resolve in every case. It is
what a writer that never pauses meets when its response's client hangs up
(tools/wrangler/client_leaves_probe.py).

The ``ready`` read in the cancel's turn is resolved -- the cancel errors the writable and resolves
the ``ready`` it had -- and only once that write has failed is ``ready`` a new promise, rejected
with that error; with room under the highWaterMark the ``ready`` read before the cancel is the one
read after it. Writes made before the stream's start settled resolve and leave ``ready`` resolved.
workerd's rule (standard.c++ ``TransformStreamDefaultController::cancel`` ->
``WritableStreamJsController::doError`` resolves the ready promise; the failing write's
``finishInFlightWrite`` -> ``startErroring`` -> ``maybeRejectReadyPromise`` replaces it), measured
under wrangler dev 4.164.0 with a JavaScript twin (tools/wrangler/transform_ready_cancel_probe.py:
writes 1-4, highWaterMark 1 and 3, the cancel in the writes' turn or 20 ms later); workers-env had
the ``ready`` read at the cancel reject (jsapi_differential's case of two writes and a cancel in
one turn)."""

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


async def reader_cancel(reason, waiting):
    stream = TransformStream.new()
    writer, reader = stream.writable.getWriter(), stream.readable.getReader()
    writes = [asyncio.ensure_future(writer.write(Uint8Array.new(3))) for _ in range(int(waiting))]
    await asyncio.sleep(0.02)
    canceling = asyncio.ensure_future(reader.cancel() if reason == "none" else reader.cancel(reason))
    seen = [await settle(write) for write in writes]
    await asyncio.sleep(0.02)
    seen += [await settle(writer.ready), await settle(writer.closed), str(writer.desiredSize),
             await settle(writer.write(Uint8Array.new(1))), await settle(canceling)]
    return seen


async def readable_cancel(mark, writes, started):
    strategy = to_js({"highWaterMark": int(mark)}, dict_converter=Object.fromEntries)
    stream = TransformStream.new(None, strategy)
    writer = stream.writable.getWriter()
    before = writer.ready
    if int(started):
        await before
    made = [writer.write(Uint8Array.new(1)) for _ in range(int(writes))]
    ahead = writer.ready
    stream.readable.cancel(Error.new("boom"))
    at_cancel = writer.ready
    seen = [await settle(at_cancel), at_cancel is ahead]
    seen += [await settle(write) for write in made]
    await asyncio.sleep(0.02)
    after = writer.ready
    return [*seen, after is at_cancel, await settle(after), await settle(writer.closed)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        case, *parts = request.url.split("/")[3:]
        return Response.json(await {"reader": reader_cancel, "readable": readable_cancel}[case](*parts))
"""

GONE = "TypeError: The readable side of this TransformStream is no longer readable."


@pytest.mark.parametrize(("reason", "error"), [("none", "Error: undefined"), ("gone", "Error: gone")])
@pytest.mark.parametrize("waiting", [0, 1, 2])
def test_ready_rejects_as_the_write_in_flight(tmp_path, reason, error, waiting):
    ready = f"rejects {GONE}" if waiting else "resolves"
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/reader/{reason}/{waiting}") == [
        *[f"rejects {GONE}"] * waiting, ready, f"rejects {error}", "jsnull", f"rejects {error}", "resolves"]


REJECTED = f"rejects {GONE}"


@pytest.mark.parametrize(("mark", "writes", "started", "answer"), [
    # back-pressure replaced ``ready`` at the first write; the cancel resolves it
    (1, 2, 1, ["resolves", True, REJECTED, REJECTED, False, REJECTED, "rejects Error: boom"]),
    (1, 1, 1, ["resolves", True, REJECTED, False, REJECTED, "rejects Error: boom"]),
    # room left: the ``ready`` of before the writes, resolved, until the write in flight fails
    (3, 2, 1, ["resolves", True, REJECTED, REJECTED, False, REJECTED, "rejects Error: boom"]),
    # nothing in flight: resolved all along
    (1, 0, 1, ["resolves", True, True, "resolves", "rejects Error: boom"]),
    # the start not settled: the writes resolve and ``ready`` with them
    (1, 2, 0, ["resolves", True, "resolves", "resolves", True, "resolves", "rejects Error: boom"]),
])
def test_ready_at_the_cancel_resolves_until_the_write_in_flight_fails(tmp_path, mark, writes, started, answer):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/readable/{mark}/{writes}/{started}") == answer
