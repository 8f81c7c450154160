"""A handler makes a loop (``asyncio.new_event_loop()``), starts a task on it (``new.create_task``)
and waits for that task with the same loop's ``run_until_complete``: measured in real Pyodide under
Node with JSPI (audit31, a fresh Pyodide each, as tools/pyodide/new_loop_probe.mjs runs its
scenarios), 0.28.2 and 314.0.6 return its value (5), 0.26.0a4 hands the task back unawaited (a
``PyodideTask``); the task is the new loop's in all three. Only a task of *another* loop, still
pending, is 0.28's ``Cannot enter into task`` (test_runtime_new_loop_run_until_complete_of_a_first_loop_task_is_the_eras.py):
a loop's own task, or one already done, is not."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def co():
        await asyncio.sleep(0.01)
        return 5


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            old = asyncio.get_running_loop()
            new = asyncio.new_event_loop()
            t = new.create_task(co())
            try:
                x = new.run_until_complete(t)
            except RuntimeError as error:
                x = f"RuntimeError: {error}"
            asyncio._set_running_loop(old)
            got = [type(x).__name__, x if isinstance(x, (int, str)) else x is t, t.get_loop() is new]
            await asyncio.sleep(0.05)  # (0.26: the task runs on; awaiting it here is asyncio's "different loop")
            return Response.json(got)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "wanted"), [("2025-09-01", ["PyodideTask", True, True]),
                                              ("2025-10-01", ["int", 5, True]), ("2026-09-08", ["int", 5, True])])
async def test_a_new_loops_own_task_waited_on_it_settles(tmp_path, date, wanted):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == wanted
