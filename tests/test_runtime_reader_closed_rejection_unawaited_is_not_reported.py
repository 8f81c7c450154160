"""A reader's ``closed`` that nobody awaits rejects silently when the reader is released.

workerd marks a reader's ``closed`` promise as handled when it locks the stream (internal.c++
``lockReader``: ``prp.promise.markAsHandled(js)``), so ``releaseLock()`` rejecting it with
``This ReadableStream reader has been released.`` reports nothing when no code awaits it. Here
(4d94c93 for a body's reader, 255ad1d for the others) merely reading ``reader.closed`` and then
releasing the reader logged asyncio's "PyodideFuture exception was never retrieved" with a
traceback. Awaiting it still gives the TypeError."""

from __future__ import annotations

from worker_helpers import OUTCOME, never_retrieved_after, one_file_worker

ENTRY = OUTCOME + """
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for stream in (js.Response.new("abc").body, request.js_object.body, js.TransformStream.new().readable):
            reader = stream.getReader()
            reader.closed  # touched, never awaited
            reader.releaseLock()
        reader = js.Response.new("abc").body.getReader()
        closed = reader.closed
        reader.releaseLock()
        return Response(await outcome(closed))
"""


def test_an_unawaited_closed_rejected_by_release_lock_is_not_reported(tmp_path, caplog, capsys):
    text, reports = never_retrieved_after(one_file_worker(tmp_path, ENTRY), caplog, capsys, method="POST", body="x")
    assert text == "TypeError: This ReadableStream reader has been released."
    assert reports == []
