"""A JavaScript ``TransformStream`` writer's ``abort()`` while a write is in flight (waiting for a
read) leaves the stream *erroring* until that write is done (standard.c++ ``startErroring``: no
``finishErroring`` while ``inFlightWrite``): with nothing reading, the write, the writes queued
behind it, the abort, a ``close()`` and ``writer.closed`` all stay pending and the reader's
``closed`` too; ``ready`` rejects with the reason at once; a new write rejects with it; a second
``abort()`` waits with the first. A read then fails the write in flight with the reason (the
spec's TransformStreamDefaultSinkWriteAlgorithm finds the writable erroring), the queued ones
follow, the abort resolves, ``closed`` and the read reject with it; a cancel of the readable side
instead fails the write with ``The readable side of this TransformStream is no longer readable.``
and resolves the abort, while the writes queued behind it and a ``close()`` reject with the abort's
reason (``FinishErroring``). The same with a ``close()`` made before the abort, queued behind the
write in flight (the spec's stream is still "writable" then): it waits, then rejects with the
reason; a write after it is ``This ReadableStream is closed.`` (the close queued is looked at
before the erroring state); in the turn that made the stream (before its start settled) the
writes and that close reject with the reason at once; a ``close()`` made after the abort rejects
with the reason when the readable side's cancel ends the erroring (it had the cancel's). Each checked under wrangler dev
(tools/wrangler/jsapi_differential.py). The writes and ``closed`` rejected at once here, and the
abort resolved; with a close queued the abort did nothing, the chunk was read and the close resolved."""

from __future__ import annotations

from worker_helpers import STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        await writer.ready
        first, second = writer.write(Uint8Array.new([1])), writer.write(Uint8Array.new([2]))
        aborted = writer.abort(Error.new("why"))
        closed = writer.closed
        closing = writer.close()
        again = writer.abort(Error.new("again"))
        out["nothing reads"] = [await state(p) for p in (first, second, aborted, closed, closing, again)]
        out["ready, a new write"] = [await state(writer.ready), await state(writer.write(Uint8Array.new([3])))]
        reader = stream.readable.getReader()
        reader_closed = reader.closed
        out["reader closed"] = await state(reader_closed)
        read = reader.read()
        out["after a read"] = [await state(p) for p in (read, first, second, aborted, closed, closing, again,
                                                         reader_closed)]

        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        await writer.ready
        first = writer.write(Uint8Array.new([1]))
        aborted = writer.abort(Error.new("why"))
        canceled = stream.readable.cancel(Error.new("gone"))
        out["after a cancel"] = [await state(p) for p in (first, aborted, canceled)]
        return Response.json(out)
"""

WHY = "Error: why"


def test_an_abort_waits_for_the_write_in_flight_until_a_read_or_a_cancel(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == {
        "nothing reads": ["pending"] * 6,
        "ready, a new write": [WHY, WHY],
        "reader closed": "pending",
        "after a read": [WHY, WHY, WHY, "resolved", WHY, WHY, "resolved", WHY],
        "after a cancel": ["TypeError: The readable side of this TransformStream is no longer readable.",
                           "resolved", "resolved"],
    }


CLOSE_QUEUED = """
import asyncio
from js import Error, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
async def started(stream):
    writer = stream.writable.getWriter()
    await writer.ready
    return writer

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        stream = TransformStream.new()
        writer = await started(stream)
        first = writer.write(Uint8Array.new([1]))
        closing = writer.close()
        aborted = writer.abort(Error.new("why"))
        closed = writer.closed
        out["nothing reads"] = [await state(p) for p in (first, closing, aborted, closed)]
        out["desiredSize, a write"] = [writer.desiredSize, await state(writer.write(Uint8Array.new([2])))]
        read = stream.readable.getReader().read()
        out["after a read"] = [await state(p) for p in (read, first, closing, aborted, closed)]

        stream = TransformStream.new()
        writer = await started(stream)
        first, second = writer.write(Uint8Array.new([1])), writer.write(Uint8Array.new([2]))
        closing = writer.close()
        aborted = writer.abort(Error.new("why"))
        await asyncio.sleep(0.01)
        canceled = stream.readable.cancel(Error.new("gone"))
        out["after a cancel"] = [await state(p) for p in (first, second, closing, aborted, canceled)]

        stream = TransformStream.new()
        writer = await started(stream)
        first = writer.write(Uint8Array.new([1]))
        closing = writer.close()
        aborted = writer.abort(Error.new("why"))
        await asyncio.sleep(0.01)
        canceled = stream.readable.cancel(Error.new("gone"))
        out["close alone behind it, canceled"] = [await state(p) for p in (first, closing, aborted, canceled)]

        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        first = writer.write(Uint8Array.new([1]))
        closing = writer.close()
        aborted = writer.abort(Error.new("why"))
        out["in the turn that made it"] = [await state(p) for p in (first, closing, aborted)] + [writer.desiredSize]

        stream = TransformStream.new()
        writer = await started(stream)
        first = writer.write(Uint8Array.new([1]))
        aborted = writer.abort(Error.new("why"))
        closing = writer.close()
        canceled = stream.readable.cancel(Error.new("gone"))
        out["a close after the abort, canceled at once"] = [await state(p) for p in (first, aborted, closing, canceled)]
        return Response.json(out)
"""

NO_LONGER_READABLE = "TypeError: The readable side of this TransformStream is no longer readable."


def test_an_abort_waits_too_with_a_close_queued_behind_the_write_in_flight(tmp_path):
    assert json_answer(one_file_worker(tmp_path, CLOSE_QUEUED), "/") == {
        "nothing reads": ["pending"] * 4,
        "desiredSize, a write": [0, "TypeError: This ReadableStream is closed."],
        "after a read": [WHY, WHY, WHY, "resolved", WHY],
        "after a cancel": [NO_LONGER_READABLE, WHY, WHY, "resolved", "resolved"],
        "close alone behind it, canceled": [NO_LONGER_READABLE, WHY, "resolved", "resolved"],
        "in the turn that made it": [WHY, WHY, "resolved", None],
        "a close after the abort, canceled at once": [NO_LONGER_READABLE, "resolved", WHY, "resolved"],
    }
