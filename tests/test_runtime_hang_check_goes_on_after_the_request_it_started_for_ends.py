"""The hung-request check of a loop is no request's timer: each run is scheduled in a context of
its own, so the end of the request whose wait first started it -- which cancels that request's
asyncio timers (runtime/timers.py) -- cancels no run of it. Once, the check's next run was
scheduled from its own callback, in the context of the request that had left a write pending:
with that request over it was cancelled as set, no check ran again on the loop, and the next
request's hung write waited forever (a timer/hang test run hung)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
from js import IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = IdentityTransformStream.new().writable.getWriter()
        writer.write(Uint8Array.new(1))  # not awaited, never read: pending after the request
        if request.url.endswith("/hung"):
            await writer.write(Uint8Array.new(1))
        return Response("answered")
"""


@pytest.mark.asyncio
async def test_a_hung_write_is_found_right_after_a_request_that_left_a_write_pending(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    for _ in range(4):
        assert await (await worker.fetch("/")).text() == "answered"
        with pytest.raises(JsException, match="had hung"):
            await asyncio.wait_for(worker.fetch("/hung"), 10)
