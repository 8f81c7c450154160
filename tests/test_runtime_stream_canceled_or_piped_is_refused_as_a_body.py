"""A ``ReadableStream`` canceled, or piped at all, is disturbed: refused as a body.

workerd marks a stream disturbed at ``cancel()`` (of the stream or of its reader, read from or
not) and at ``pipeTo()`` (the spec's ``ReadableStreamCancel`` and ``ReadableStreamPipeTo``), also
a pipe that met a closed destination with ``preventCancel``; then ``new Response(stream)`` is
``TypeError: This ReadableStream is disturbed ...`` (a wrangler dev probe, for a
``TransformStream``'s readable, an ``IdentityTransformStream``'s and a ``FixedLengthStream``'s).
A ``TransformStream``'s readable or a ``new ReadableStream(source)`` so canceled was taken as an
empty body here, and a pipe's source as the rest of its chunks."""

from __future__ import annotations

from worker_helpers import ATTEMPT, json_answer, one_file_worker

ENTRY = """
import asyncio
import js
from workers import Response, WorkerEntrypoint

""" + ATTEMPT + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, make in (("TransformStream", lambda: js.TransformStream.new()),
                           ("IdentityTransformStream", lambda: js.IdentityTransformStream.new()),
                           ("FixedLengthStream", lambda: js.FixedLengthStream.new(4))):
            ts = make()
            await ts.readable.cancel()
            reader_canceled = make()
            reader = reader_canceled.readable.getReader()
            await reader.cancel()
            reader.releaseLock()
            out[name] = [attempt(lambda: js.Response.new(ts.readable)),
                         attempt(lambda: js.Response.new(reader_canceled.readable))]
        source = js.ReadableStream.new()
        await source.cancel()
        out["ReadableStream"] = attempt(lambda: js.Response.new(source))
        for prevent in (False, True):
            source, closed = js.TransformStream.new(), js.TransformStream.new()
            source.writable.getWriter().write(js.Uint8Array.new([65]))
            closed_writer = closed.writable.getWriter()
            await closed_writer.close()
            closed_writer.releaseLock()
            try:
                await source.readable.pipeTo(closed.writable, preventCancel=prevent)
            except Exception:
                pass
            out[f"piped, preventCancel={prevent}"] = attempt(lambda: js.Response.new(source.readable))
        out["unread"] = attempt(lambda: js.Response.new(js.TransformStream.new().readable))
        return Response.json(out)
"""

DISTURBED = "TypeError: This ReadableStream is disturbed (has already been read from), and cannot be used as a body."


def test_a_canceled_or_piped_stream_is_refused_as_a_body(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    assert json_answer(folder, "/") == {
        "TransformStream": [DISTURBED, DISTURBED],
        "IdentityTransformStream": [DISTURBED, DISTURBED],
        "FixedLengthStream": [DISTURBED, DISTURBED],
        "ReadableStream": DISTURBED,
        "piped, preventCancel=False": DISTURBED,
        "piped, preventCancel=True": DISTURBED,
        "unread": "made",
    }
