"""A task a handler starts on a loop made at the Worker's top level (``LOOP.create_task(co())``)
runs to its end, its own ``asyncio.sleep`` scheduled on the loop dispatching it: its steps run
with that loop as the running loop (as a ``WebLoop``'s handles do), and scheduling found no other
loop there -- the task ended at its first sleep with workers-env's ``NotEmulatedError`` ("...
schedule it from a handler", which it was; review85). Every era: in Pyodide the loop schedules
on JavaScript's event loop, and the task's value is there once it ran (0.26/0.28: the loop is the
running loop of later requests; 314: a loop of its own, whose task ran all the same)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint

    LOOP = asyncio.new_event_loop()


    async def co(n):
        await asyncio.sleep(0.01)
        await asyncio.sleep(0)
        return n


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            task = LOOP.create_task(co(9))
            future = LOOP.create_future()
            LOOP.call_later(0.01, future.set_result, 4)
            for _ in range(1000):  # until both ended (10 s at most): under heavy load one wait may wake both
                if task.done() and future.done():
                    break
                await asyncio.sleep(0.01)
            return Response.json([task.done() and repr(task.exception()), task.done() and task.result(),
                                  future.done() and future.result()])
"""


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_the_task_runs_to_its_value(tmp_path, date, capfd):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))

    async def ask():
        return await (await worker.fetch("/")).json()

    assert asyncio.run(ask()) == ["None", 9, 4]
    assert "NotEmulatedError" not in capfd.readouterr().err
