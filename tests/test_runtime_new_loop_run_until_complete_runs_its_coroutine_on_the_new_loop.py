"""The coroutine a Worker's new loop (``asyncio.new_event_loop()``) waits for in
``run_until_complete`` from Pyodide 0.28 (``run_sync``, which workerd's ``enableRunUntilComplete``
gives it) runs on that loop: ``asyncio.get_running_loop()`` in it is the new loop, after a timer
too (real Pyodide 0.28.2 and 314.0.6 under Node with JSPI: ``True``; 0.26.0a4 schedules the
coroutine and returns its task -- ``tools/pyodide/pyodide_cases.py``, nested-event-loops, audit30);
a binding call's promise and a coroutine awaiting one settle there as well. audit30: a mutant
that judged the awaitable's loop without looking through the new loop to the Worker's
(``runsync.base_loop``) passed every test: it ran the coroutine on a helper thread's own loop,
where the tests' coroutines, which only slept, gave the same results."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.KV.put("k", "v")
            new = asyncio.new_event_loop()

            async def on():
                await asyncio.sleep(0.01)
                return asyncio.get_running_loop() is new

            async def read():
                return await self.env.KV.get("k")

            got = [new.run_until_complete(on()), new.run_until_complete(self.env.KV.get("k")),
                   new.run_until_complete(read())]
            return Response.json([each if isinstance(each, (bool, str)) else type(each).__name__ for each in got])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "expected"), [
    ("2025-09-01", ["PyodideTask", "PyodideFuture", "PyodideTask"]),
    ("2025-10-01", [True, "v", "v"]),
    ("2026-09-08", [True, "v", "v"]),
])
async def test_the_coroutine_runs_on_the_new_loop(tmp_path, date, expected):
    kv = '[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=kv))
    assert await (await worker.fetch("/")).json() == expected
