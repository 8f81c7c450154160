"""The context a ``PyodideTask``'s done callback runs in, per the Worker's Pyodide (real Pyodide
0.26.0a4 and 0.28.2 under Node): 0.26's ``PyodideTask`` keeps asyncio's ``add_done_callback``,
so the callback runs in a copy of the context it was added in; 0.28's overrides it and passes
``context=None`` on, so the callback runs in a copy of the context that schedules it -- the
task's own, as it finishes. A ``ContextVar`` the task sets after the callback was added is seen
on 0.28 and not on 0.26."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import contextvars
import json

from workers import Response, WorkerEntrypoint

var = contextvars.ContextVar("var", default="unset")


async def sets_it():
    await asyncio.sleep(0)
    var.set("inside-task")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []
        var.set("at-add")
        task = asyncio.create_task(sets_it())
        task.add_done_callback(lambda _: seen.append(var.get()))
        await task
        await asyncio.sleep(0)
        return Response(json.dumps([type(task).__name__, seen]))

    on_fetch = fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "seen"), [("2025-06-01", "at-add"), ("2026-05-01", "inside-task")])
async def test_done_callback_runs_in_the_context_each_pyodide_gives_it(tmp_path, date, seen):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert json.loads(await (await worker.fetch("/")).text()) == ["PyodideTask", [seen]]
