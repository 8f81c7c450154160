"""A stream reader's ``read()`` and ``cancel()`` and a stream's ``cancel()`` begin at the call,
awaited or not, as a JavaScript method's work does (and as a writer's ``write``/``close``/``abort``
already did here): a read nobody awaits still takes the next chunk, so the write resolves; a
cancel nobody awaits still cancels (the stream is disturbed, a write waiting fails). Here they
were coroutines that did nothing until awaited."""

from __future__ import annotations

from worker_helpers import ATTEMPT, STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, IdentityTransformStream, Response as JsResponse, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
""" + ATTEMPT + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, make in (("TransformStream", TransformStream.new), ("IdentityTransformStream", IdentityTransformStream.new)):
            stream = make()
            writer, reader = stream.writable.getWriter(), stream.readable.getReader()
            reader.read()  # not awaited: it waits for the next chunk all the same
            written = writer.write(Uint8Array.new([1]))
            stream = make()
            writer = stream.writable.getWriter()
            waiting = writer.write(Uint8Array.new([1]))
            stream.readable.cancel(Error.new("gone"))  # not awaited
            body = attempt(lambda: JsResponse.new(stream.readable))
            reader = make().readable.getReader()
            reader.cancel(Error.new("gone"))  # not awaited
            out[name] = [await state(written), await state(waiting), body, await state(reader.closed)]
        return Response.json(out)
"""

DISTURBED = "TypeError: This ReadableStream is disturbed (has already been read from), and cannot be used as a body."


def test_reads_and_cancels_begin_at_the_call(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == {
        # (a TransformStream's write made in the turn that made it resolves at the cancel, as in workerd)
        "TransformStream": ["resolved", "resolved", DISTURBED, "resolved"],
        "IdentityTransformStream": ["resolved", "Error: gone", DISTURBED, "resolved"],
    }
