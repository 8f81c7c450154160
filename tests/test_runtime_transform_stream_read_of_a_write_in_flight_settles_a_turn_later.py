"""A JavaScript ``TransformStream``'s ``read()`` that finds a write in flight (waiting for a read)
settles a turn later, as in workerd: the read's pull lifts the back-pressure and the transform
then runs as a promise's reaction (standard.c++). So a ``releaseLock()`` made right after the
read, in the same turn, rejects it with ``This ReadableStream reader has been released.`` while
the write still resolves and its chunk waits for the next reader; a reader's ``cancel()`` made
then resolves the read as done and fails the write with ``The readable side of this
TransformStream is no longer readable.``. Checked under wrangler dev
(tools/wrangler/jsapi_differential.py). Since read() begins at the call (not when awaited), it
took the chunk at once here: the read resolved with it and a second reader found nothing."""

from __future__ import annotations

from worker_helpers import STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
def value(result):
    return None if result.done else list(result.value.to_py())

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        await writer.ready
        written, second = writer.write(Uint8Array.new([1])), writer.write(Uint8Array.new([2]))
        reader = stream.readable.getReader()
        read = reader.read()
        reader.releaseLock()
        reader = stream.readable.getReader()
        out["released"] = [await state(read), await state(written), value(await reader.read()),
                           value(await reader.read()), await state(second)]

        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        await writer.ready
        written = writer.write(Uint8Array.new([1]))
        reader = stream.readable.getReader()
        read = reader.read()
        canceled = reader.cancel(Error.new("gone"))
        out["canceled"] = [value(await read), await state(written), await state(canceled)]

        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        await writer.ready
        written = writer.write(Uint8Array.new([1]))
        out["awaited"] = [value(await stream.readable.getReader().read()), await state(written)]
        return Response.json(out)
"""


def test_a_read_of_a_write_in_flight_is_pending_in_its_turn(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == {
        "released": ["TypeError: This ReadableStream reader has been released.", "resolved", [1], [2], "resolved"],
        "canceled": [None, "TypeError: The readable side of this TransformStream is no longer readable.", "resolved"],
        "awaited": [[1], "resolved"],
    }
