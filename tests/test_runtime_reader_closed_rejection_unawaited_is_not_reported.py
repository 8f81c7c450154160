"""A reader's ``closed`` that nobody awaits rejects silently when the reader is released.

workerd marks a reader's ``closed`` promise as handled when it locks the stream (internal.c++
``lockReader``: ``prp.promise.markAsHandled(js)``), so ``releaseLock()`` rejecting it with
``This ReadableStream reader has been released.`` reports nothing when no code awaits it. Here
(4d94c93 for a body's reader, 255ad1d for the others) merely reading ``reader.closed`` and then
releasing the reader logged asyncio's "PyodideFuture exception was never retrieved" with a
traceback. Awaiting it still gives the TypeError."""

from __future__ import annotations

import asyncio
import gc
import logging

from worker_helpers import OUTCOME, one_file_worker, reported

from workers_env import load_worker

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
    folder = one_file_worker(tmp_path, ENTRY)

    async def scenario():
        worker = load_worker(folder)
        resp = await asyncio.wait_for(worker.fetch("/", method="POST", body="x"), 10)
        text = await resp.text()
        await asyncio.sleep(0.05)
        gc.collect()
        return text

    gc.collect()  # what earlier tests left behind is reported before the watch starts
    capsys.readouterr()
    with caplog.at_level(logging.ERROR):
        assert asyncio.run(scenario()) == "TypeError: This ReadableStream reader has been released."
        gc.collect()
    assert reported(caplog, capsys, "never retrieved") == []
