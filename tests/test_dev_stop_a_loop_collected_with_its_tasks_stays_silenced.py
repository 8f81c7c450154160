"""After ``workers-env dev``'s stop signal the loop reports none of the Worker's tasks (pending56),
also when the loop itself is collected in the same garbage-collection pass as its tasks still
waiting: CPython clears weak references before it runs any finalizer, so the silence mark, kept in
a weak set of loops, was gone when those tasks' finalizers reported ``Task was destroyed but it is
pending!`` and a ``task:`` line for each (the three tasks here, in the 0.26 and 0.28 eras alike; main);
wrangler dev prints nothing after its stop. The mark is the loop's own attribute now
(runtime/unhandled.py). The signal lands in the server's code (``cut_off_worker_code``), the loop
is closed and dropped, and one collection takes it with its tasks."""

from __future__ import annotations

import asyncio
import gc
import sys
import weakref
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.stopcutoff import cut_off_worker_code

ENTRY = """
import asyncio
from workers import Response, WorkerEntrypoint


async def waits():
    await asyncio.get_running_loop().create_future()  # for good: nothing settles it


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for _ in range(3):
            asyncio.ensure_future(waits())
        await asyncio.sleep(0)
        return Response("answered")
"""


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
def test_a_silenced_loop_collected_with_its_waiting_tasks_prints_nothing(tmp_path: Any, date: str,
                                                                          capfd: pytest.CaptureFixture[str]) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date) / "wrangler.toml")

    async def run() -> None:
        assert (await worker.fetch("/")).status == 200
        await asyncio.sleep(0)
        cut_off_worker_code(sys._getframe())  # the stop signal lands in the server's code

    def serve() -> tuple[weakref.ref[asyncio.AbstractEventLoop], int]:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(run())
        finally:
            loop.close()
        return weakref.ref(loop), len(asyncio.all_tasks(loop))

    gc.collect()  # (what earlier tests left goes now: only this test's loop is collected below)
    capfd.readouterr()
    gone, waiting = serve()
    gc.collect()
    out, err = capfd.readouterr()
    assert waiting == 3 and gone() is None  # the loop and its three waiting tasks, collected together
    assert "Task was destroyed" not in out + err and "task:" not in out + err, (out, err)
