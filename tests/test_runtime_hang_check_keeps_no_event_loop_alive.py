"""The hang check's state for an event loop (runtime/stalls.py) lives and dies with that loop: a
test process runs many loops one after the other (pytest-asyncio makes one a test, asyncio.run
one a call), and each must be collected once it is closed, also when it was closed with a
stream write still pending. The check's state was kept in a module-level dict keyed weakly by
the loop, but its timer handle and its waits' futures held the loop: every loop that ever had
a stream wait stayed alive for the rest of the process."""

from __future__ import annotations

import asyncio
import gc
import weakref

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
from js import IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = IdentityTransformStream.new().writable.getWriter()
        writer.write(Uint8Array.new(1))  # not awaited, never read: pending for good
        if request.url.endswith("/hung"):
            await writer.write(Uint8Array.new(1))
        return Response("answered")
"""


async def requests(worker, loops: list[weakref.ref[asyncio.AbstractEventLoop]]) -> None:
    loops.append(weakref.ref(asyncio.get_running_loop()))
    assert await (await worker.fetch("/")).text() == "answered"
    with pytest.raises(JsException, match="had hung"):
        await worker.fetch("/hung")


def test_loops_run_one_after_another_are_collected(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    loops: list[weakref.ref[asyncio.AbstractEventLoop]] = []
    for _ in range(4):
        asyncio.run(requests(worker, loops))
    gc.collect()
    assert [ref() for ref in loops] == [None] * 4


def test_a_loop_closed_with_writes_still_pending_is_collected(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    loops: list[weakref.ref[asyncio.AbstractEventLoop]] = []
    for _ in range(4):
        loop = asyncio.new_event_loop()  # closed without cancelling its tasks, as an older pytest-asyncio does
        loop.run_until_complete(requests(worker, loops))
        loop.close()
    del loop
    gc.collect()
    assert [ref() for ref in loops] == [None] * 4
