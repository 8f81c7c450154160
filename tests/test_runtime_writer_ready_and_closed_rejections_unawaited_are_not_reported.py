"""A writer's ``ready`` and ``closed`` that nobody awaits reject silently when the stream errors.

workerd marks both promises as handled when the writer locks the stream (internal.c++ and
standard.c++: ``closedPrp.promise.markAsHandled(js)``, ``readyPrp.promise.markAsHandled(js)``),
so an ``abort()`` rejecting them reports nothing when no code awaits them. Here merely reading
``writer.ready``/``writer.closed`` before and after an abort logged asyncio's "PyodideFuture
exception was never retrieved" with a traceback. Awaiting them still gives the abort's reason."""

from __future__ import annotations

from worker_helpers import OUTCOME, never_retrieved_after, one_file_worker

ENTRY = OUTCOME + """
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for make in (js.TransformStream.new, js.IdentityTransformStream.new):
            writer = make().writable.getWriter()
            writer.ready, writer.closed  # touched, never awaited
            await writer.abort("why")
            writer.ready, writer.closed
        writer = js.TransformStream.new().writable.getWriter()
        await writer.abort("why")
        return Response(await outcome(writer.closed))
"""


def test_unawaited_ready_and_closed_rejected_by_an_abort_are_not_reported(tmp_path, caplog, capsys):
    text, reports = never_retrieved_after(one_file_worker(tmp_path, ENTRY), caplog, capsys)
    assert text == "Error: why"  # a string reason, as Python sees it here
    assert reports == []
