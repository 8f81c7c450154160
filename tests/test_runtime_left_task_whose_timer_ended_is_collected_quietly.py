"""A task a request left running (``asyncio.create_task`` in a handler, neither awaited nor
handed to ``waitUntil``) whose sleep the request's end cancels waits for good; dropped by the
Worker, it is collected without asyncio's ``Task was destroyed but it is pending!`` in the log.
In production its sleep is a JavaScript ``setTimeout`` of the request's IoContext: the timer
never fires and what it holds (the task) is let go, if ever, by JavaScript's collector long after
the request, not when Python's runs. A task left waiting on a Python future nobody settles is
no timer's, and is collected with asyncio's error, as Pyodide's loop prints it: on the Worker's
console, as Pyodide's stderr (leftovers50; ``test_runtime_a_pending_task_collected_prints_as_pyodide.py``).
Before, every such dropped task of a request logged the error whenever the collector ran."""

from __future__ import annotations

import asyncio
import gc
import logging

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/sleeping":  # its sleep begun while the request runs: cancelled at its end
            async def later():
                await asyncio.sleep(0.05)
            asyncio.ensure_future(later())
            await asyncio.sleep(0)
        elif path == "/sleeping-after-the-end":  # its sleep set once the request is over: cancelled as set
            async def later():
                for _ in range(20):
                    await asyncio.sleep(0)
                await asyncio.sleep(0.05)
            asyncio.ensure_future(later())
        elif path == "/waiting":  # on a future nobody settles: no timer of the request's
            async def later():
                await asyncio.get_running_loop().create_future()
            asyncio.ensure_future(later())
            await asyncio.sleep(0)
        return Response("answered")
"""


def destroyed_pending(tmp_path, caplog, capsys, path: str) -> list[str]:
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario() -> str:
        answer = await (await worker.fetch(path)).text()
        await asyncio.sleep(0.3)  # six times the sleep's delay
        gc.collect()
        await asyncio.sleep(0)
        return answer

    capsys.readouterr()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        assert asyncio.run(scenario()) == "answered"
        gc.collect()
    logged = [r.getMessage() for r in caplog.records if "destroyed but it is pending" in r.getMessage()]
    assert logged == []  # (the Worker's: printed as its console's lines, not through asyncio's logger)
    return [line for line in capsys.readouterr().err.split("\n") if "destroyed but it is pending" in line]


def test_a_left_task_whose_sleep_ended_with_the_request_is_collected_quietly(tmp_path, caplog, capsys):
    assert destroyed_pending(tmp_path, caplog, capsys, "/sleeping") == []


def test_a_left_task_whose_sleep_set_after_the_end_was_cancelled_is_collected_quietly(tmp_path, caplog, capsys):
    assert destroyed_pending(tmp_path, caplog, capsys, "/sleeping-after-the-end") == []


def test_a_left_task_waiting_on_a_future_nobody_settles_is_still_reported(tmp_path, caplog, capsys):
    assert len(destroyed_pending(tmp_path, caplog, capsys, "/waiting")) == 1
