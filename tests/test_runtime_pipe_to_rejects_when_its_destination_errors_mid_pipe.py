"""``pipeTo`` waiting on a source with nothing to give while its destination errors (a
JavaScript ``TransformStream`` whose readable side is canceled): the source is canceled with
the error on any date, and the pipe -- from ``pipe_to_backward_propagation`` (2026-11-17,
workerd 1.20261117.1) -- rejects with it; before that date, or with
``no_pipe_to_backward_propagation``, it resolves. Measured with wrangler dev 4.164.0 on a JS
Worker doing the same (``["ok","Error: rcancel"]`` at 2026-11-16, ``["Error: rcancel","Error:
rcancel"]`` at 2026-11-17). Before, the pipe waited on the source forever and the source was
never canceled (the request hung)."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import Error, TextEncoder, TransformStream
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        source, target = TransformStream.new(), TransformStream.new()
        writer = source.writable.getWriter()
        writer.write(TextEncoder.new().encode("a"))   # one chunk, then the source waits
        piped = asyncio.ensure_future(outcome(source.readable.pipeTo(target.writable)))
        reader = target.readable.getReader()
        await reader.read()
        await reader.cancel(Error.new("rcancel"))    # errors target.writable at once
        done, _ = await asyncio.wait({piped}, timeout=0.5)
        return Response.json([piped.result() if done else "pending", await outcome(writer.closed)])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "pipe"), [
    ("2026-11-16", (), "resolved"),
    ("2026-11-17", (), "Error: rcancel"),
    ("2026-11-16", ("pipe_to_backward_propagation",), "Error: rcancel"),
    ("2026-11-17", ("no_pipe_to_backward_propagation",), "resolved"),
])
async def test_the_source_is_canceled_and_the_pipe_rejects_from_the_flag(tmp_path, date, flags, pipe):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags))
    response = await worker.fetch("http://example.com/")
    assert await response.json() == [pipe, "Error: rcancel"]
