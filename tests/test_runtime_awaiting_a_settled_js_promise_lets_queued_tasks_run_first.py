"""Awaiting a JS promise that is settled already (``js.Promise.new(lambda r, j: r(1))``, a rejected
one too) suspends the handler as Pyodide's ``JsProxy.__await__`` does: its outcome reaches the
awaiting task through ``then()``, a microtask after the task's step, so a task created before
the ``await`` runs first (0.26.0a4, 0.28.2, 314.0.6: ``tools/pyodide`` group
``promise-order-mixed``). Found by review76: the await went straight on, the task after it."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import js
from workers import Response, WorkerEntrypoint

MAKERS = {
    "settled": lambda: js.Promise.new(lambda resolve, reject: resolve(1)),
    "rejected": lambda: js.Promise.new(lambda resolve, reject: reject(js.Error.new("x"))),
    "called": lambda: js.Promise.resolve(1),
}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = {}
        for name, make in MAKERS.items():
            out = seen[name] = []

            async def task(out=out):
                out.append("task")
            asyncio.create_task(task())
            try:
                out.append(await make())
            except Exception as e:
                out.append(type(e).__name__)
            await asyncio.sleep(0)
        return Response.json(seen)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
async def test_a_task_created_before_the_await_runs_first(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == {
        "settled": ["task", 1], "rejected": ["task", "JsException"], "called": ["task", 1]}
