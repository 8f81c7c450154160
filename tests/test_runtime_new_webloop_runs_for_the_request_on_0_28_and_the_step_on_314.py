"""How long a loop a handler made (``asyncio.new_event_loop()``) stays the running loop is the
era's (measured under Node with JSPI): on Pyodide 0.26.0a4 and 0.28.2 for good (the thread's one
running loop), so after ``await asyncio.sleep(0)`` it is still running and the next wait fails with
the different-loop RuntimeError -- workers-env keeps it for the rest of that request's code; on
314.0.6 ``WebLoop._install_running_loop`` gives the spot back to the loop dispatching the next
handle, so after the step the first loop runs again and the waits go on. The new loop's
``run_until_complete(coro)`` is the era's: 0.28 and 314 wait for it (``run_sync``), 0.26
schedules it and returns the task. A later request runs on in every era."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def five():
        await asyncio.sleep(0.01)
        return 5


    async def waited(awaitable):
        try:
            return await awaitable
        except RuntimeError as error:
            return "different loop" if "attached to a different loop" in str(error) else str(error)


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/later"):
                return Response.json([await waited(asyncio.sleep(0.01, "ran on")), await waited(five())])
            new = asyncio.new_event_loop()
            ran = new.run_until_complete(five())
            got = [ran if isinstance(ran, int) else type(ran).__name__]
            await asyncio.sleep(0)
            got += [asyncio.get_running_loop() is new, await waited(asyncio.sleep(0.01, "ran on"))]
            return Response.json(got)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "expected"), [
    ("2025-09-01", ["PyodideTask", True, "different loop"]),
    ("2025-10-01", [5, True, "different loop"]),
    ("2026-09-08", [5, False, "ran on"]),
])
async def test_the_new_loop_runs_as_long_as_the_era_keeps_it(tmp_path, date, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == expected
    assert await (await worker.fetch("/later")).json() == ["ran on", 5]
