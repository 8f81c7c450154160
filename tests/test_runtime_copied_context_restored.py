"""Worker code that copies the context and later sets every variable back from the copy (what
asgiref's ``sync_to_async`` does, and so Django's ASGI handler on every request) runs, as in
Pyodide: the copy holds workers-env's own context variables too, whose entry tokens are then
spent, and leaving the Worker's scope must not trip over them."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import contextvars

from workers import Response, WorkerEntrypoint


async def restore_after_a_step():
    context = contextvars.copy_context()
    await asyncio.sleep(0)
    for variable in context:  # asgiref's _restore_context
        variable.set(context.get(variable))
    return 42


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        results = await asyncio.gather(restore_after_a_step(), restore_after_a_step())
        return Response(repr(results + [await restore_after_a_step()]))
'''


@pytest.mark.asyncio
async def test_restoring_a_copied_context_inside_worker_tasks(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-12-01")
    worker = load_worker(tmp_path)
    for _ in range(2):  # twice: the second request starts from what the first left
        assert await (await worker.fetch("/")).text() == "[42, 42, 42]"
