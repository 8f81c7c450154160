"""``ctx.constructor`` is workerd's ``ExecutionContext``, a class Worker code cannot make: calling
it is ``TypeError: Illegal constructor``, its ``name`` ``ExecutionContext`` and ``String()`` of it
``function ExecutionContext() { [native code] }`` -- as a JavaScript Worker read the same under
``wrangler dev`` 4.164.0 (``ctx.constructor()`` and ``new ctx.constructor()`` both threw that)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import json
from js import Response, String
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = self.ctx.constructor
        try:
            made()
            called = "made"
        except Exception as error:
            called = str(error)
        return Response.new(json.dumps([called, made.name, String(made)]))
"""


def test_calling_ctx_constructor_is_workerds_illegal_constructor(tmp_path: Path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-08-01"))

    async def answer() -> object:
        return await (await worker.fetch("/")).json()

    assert asyncio.run(answer()) == ["TypeError: Illegal constructor", "ExecutionContext",
                                     "function ExecutionContext() { [native code] }"]
