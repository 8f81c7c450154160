"""A ``ReadableStream`` already read from is refused as a ``Response``/``Request`` body.

``async for chunk in stream: break`` (Pyodide calls no ``return()``, so the stream stays locked)
or a reader's ``read()`` disturbs the stream; workerd then refuses it as a body whether locked
or not: ``TypeError: This ReadableStream is disturbed (has already been read from), and cannot be
used as a body.`` (http.c++ ``ExtractedBody``'s constructor). A ``TransformStream``'s readable so
read was taken as the body here, read on from where the loop stopped (a binding's buffered stream
said "locked" instead). An unread stream still makes a body."""

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
        ts = js.TransformStream.new()
        writer = ts.writable.getWriter()
        writer.write(js.Uint8Array.new([65]))
        async for chunk in ts.readable:
            break
        out["async for, break"] = [ts.readable.locked, attempt(lambda: js.Response.new(ts.readable)),
                                   attempt(lambda: Response(ts.readable)),
                                   attempt(lambda: js.Request.new("https://e.com/", {"method": "POST", "body": ts.readable}))]
        ts = js.TransformStream.new()
        writer = ts.writable.getWriter()
        writer.write(js.Uint8Array.new([65]))
        reader = ts.readable.getReader()
        await reader.read()
        reader.releaseLock()
        out["read, released"] = attempt(lambda: js.Response.new(ts.readable))
        ts = js.TransformStream.new()
        out["unread"] = attempt(lambda: js.Response.new(ts.readable))
        return Response.json(out)
"""

DISTURBED = "TypeError: This ReadableStream is disturbed (has already been read from), and cannot be used as a body."


def test_a_stream_read_from_is_refused_as_a_body_locked_or_not(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    assert json_answer(folder, "/") == {
        "async for, break": [True, DISTURBED, DISTURBED, DISTURBED],
        "read, released": DISTURBED,
        "unread": "made",
    }
