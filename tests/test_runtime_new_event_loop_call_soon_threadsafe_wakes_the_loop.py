"""A loop Worker code made (``asyncio.new_event_loop()``: runtime/newloops.py) schedules on the
loop running the Worker; its ``call_soon_threadsafe`` from another thread -- workers-env's own
threads hand a settled promise or a dropped body back that way -- wakes that loop, as asyncio's
does. Pyodide's ``WebLoop.call_soon_threadsafe`` is its ``call_soon`` (one thread there). review83:
it was the base loop's ``call_soon``, which is not thread-safe and does not wake a loop waiting in
its selector: the callback waited for the loop's next timer."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint

    MADE = []


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            MADE.append(asyncio.new_event_loop())
            return Response(type(MADE[0]).__name__)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-10-01", "2026-05-01"])
async def test_a_callback_from_another_thread_runs_at_once(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    resp = await worker.fetch("/")
    assert await resp.text() == "WebLoop"
    made = worker.module.MADE[0]
    called = asyncio.get_running_loop().create_future()

    def later() -> None:
        time.sleep(0.2)  # (the loop waits in its selector by then)
        made.call_soon_threadsafe(called.set_result, time.monotonic())

    thread = threading.Thread(target=later)
    thread.start()
    sent = await asyncio.wait_for(called, 60)
    # (before: the 60 s of wait_for's timer, less the 0.2 s; 5 s and < 1 was short under load, flake56)
    assert time.monotonic() - sent < 30
    thread.join()
