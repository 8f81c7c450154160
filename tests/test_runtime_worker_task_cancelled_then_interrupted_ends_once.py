"""A task the Worker started that cancels itself (``asyncio.current_task().cancel()``) and then
raises ``KeyboardInterrupt``/``SystemExit`` in the same step ends with that exception, as
Pyodide's ``Task.__step`` settles it, and is logged once as an uncaught error; its
cancellation, asked for while the step ran, finds it done. Once, the pending cancellation was
passed on to the future the runtime leaves the ended task waiting on, which woke the task
again: asyncio logged ``Exception in callback ... _step(): already done``."""

from __future__ import annotations

import asyncio
import logging

import pytest
from worker_helpers import SETTLE, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint


async def boom(kind):
    await asyncio.sleep(0)
    asyncio.current_task().cancel()
    raise {"interrupt": KeyboardInterrupt, "exit": SystemExit}[kind]("after cancelling itself")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        task = asyncio.create_task(boom(urlparse(request.url).path.strip("/")))
        await settle()
        return Response(f"{task.done()} {task.cancelled()} {task.exception()!r}")
""" + SETTLE


@pytest.mark.parametrize(("kind", "name"), [("interrupt", "KeyboardInterrupt"), ("exit", "SystemExit")])
def test_a_task_cancelled_then_interrupted_in_one_step_ends_with_the_exception(tmp_path, caplog, kind, name):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario() -> str:
        return await (await worker.fetch("/" + kind)).text()

    with caplog.at_level(logging.ERROR):
        answer = asyncio.run(scenario())
    assert answer == f'True False {name}(\'after cancelling itself\')'
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert messages == ["Uncaught exception in a task the Worker started"]
