"""An event loop stopped right after Worker code queued a ``Promise.new(...)`` reaction (a
JavaScript microtask, drained from the front of the loop's ready queue) and then closed is
collected, as any closed loop: the queue of reactions per loop held its loop strongly, so a
loop closed before its drain ran stayed alive for the rest of the process."""

from __future__ import annotations

import asyncio
import gc
import weakref

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import contextvars

import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        settled = js.Promise.new(lambda resolve, reject: resolve(1))
        # stopped outside Worker code (an empty context): Worker code's loop.stop() is WebLoop's
        loop.call_soon(lambda: (settled.then(lambda value: value), contextvars.Context().run(loop.stop)))
        await loop.create_future()  # never settled: the loop is stopped instead
        return Response("unreachable")
"""


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the fetch left pending, closed
def test_a_loop_closed_with_reactions_queued_is_collected(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    loop = asyncio.new_event_loop()
    with pytest.raises(RuntimeError, match="Event loop stopped before Future completed"):
        loop.run_until_complete(worker.fetch("/"))
    loop.close()
    ref = weakref.ref(loop)
    del loop
    gc.collect()
    assert ref() is None
