"""A subrequest whose await was cancelled -- dropped on Pyodide 0.28 (its connection shut, so the
thread sending it fails), left running on 0.26 -- has nobody left to read its outcome; production
says nothing of it, so neither does workers-env: asyncio's ``Task exception was never retrieved``
is not logged once the task sending it is gone -- nor when the event loop's end cancels
workers-env's watch of a subrequest left running just as it fails."""

from __future__ import annotations

import asyncio
import gc
import logging
from pathlib import Path

import pytest
from test_runtime_cancelled_fetch_aborts_the_subrequest_on_pyodide_028 import (
    WORKER,
    slow_origin,
)
from worker_helpers import one_file_worker, reported

from workers_env import load_worker


@pytest.mark.parametrize("call", ["workers", "pyfetch"])
@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])
def test_a_cancelled_fetch_leaves_no_unretrieved_task_error(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                           capsys: pytest.CaptureFixture[str], call: str,
                                                           date: str) -> None:
    async def scenario(folder: Path) -> str:
        worker = load_worker(folder)
        resp = await asyncio.wait_for(worker.fetch(f"/{call}"), 60)  # (10 s: short under load, flake56)
        text = await resp.text()
        for _ in range(20):  # the dropped thread's failure arrives a loop pass or so later
            await asyncio.sleep(0.02)
        return text

    capsys.readouterr()
    with caplog.at_level(logging.ERROR, logger="asyncio"), slow_origin() as url:
        folder = one_file_worker(tmp_path, WORKER.format(url=url), date=date)
        answer = asyncio.run(scenario(folder))
        gc.collect()  # asyncio logs an unretrieved error when the task is collected
    assert answer.startswith('["CancelledError"')
    assert reported(caplog, capsys, "never retrieved") == []


LEFT_RUNNING = """
import asyncio
from js import fetch as js_fetch
from workers import Response, WorkerEntrypoint

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        task = asyncio.ensure_future(js_fetch(URL + "/slow"))
        await js_fetch(URL + "/opened")  # answers once the origin has the request (2 s at most)
        task.cancel()  # js.fetch has no controller to abort: the subrequest goes on
        try:
            await task
            seen = "answered"
        except asyncio.CancelledError:
            seen = "CancelledError"
        return Response(seen)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def _creation(task: asyncio.Task) -> int:
    return int(task.get_name().rpartition("-")[2])


def test_a_subrequest_left_running_whose_loop_ends_as_it_fails_leaves_no_unretrieved_error(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    """``js.fetch`` aborts nothing when its await is cancelled (no era's does): the subrequest goes
    on, workers-env's watch of it (the promise's task) waiting for the thread that sends it, until
    its request ends and drops its connection (workerd cancels a torn-down IoContext's I/O) and the
    thread fails. A test's ``asyncio.run`` that ends just then cancels the watch before it looks
    (seen under load: ``test_a_cancelled_fetch_drops_its_connection_on_pyodide_028``'s 0.26 cases
    left a failed thread's task for a later test's collection to report); the failure is nobody's
    to read, and asyncio logged ``Task exception was never retrieved`` when the task was collected
    (pin68: every test above passed with it left unread). Here the loop's end is driven by hand:
    every task left is cancelled, as ``asyncio.run``'s end does, the moment the thread's failure
    lands."""
    loop = asyncio.new_event_loop()
    ended: list[str] = []

    def loop_ends(sending: asyncio.Task) -> None:  # (asyncio.runners' cancel of every task left)
        ended.append("failed" if not sending.cancelled() else "cancelled")
        for task in asyncio.all_tasks(loop):
            if task is not current:
                task.cancel()

    async def scenario(folder: Path) -> str:
        fetching = asyncio.ensure_future(load_worker(folder).fetch("/"))
        while True:  # the Worker's two subrequests under way: /slow's sending task the first made
            threads = sorted((t for t in asyncio.all_tasks() if t.get_coro().__name__ == "to_thread"), key=_creation)
            if threads:
                threads[0].add_done_callback(loop_ends)
                break
            await asyncio.sleep(0)
        text = await (await asyncio.wait_for(fetching, 60)).text()
        for _ in range(1000):  # the request over: /slow dropped, its thread fails (at once: 10 s at most)
            if ended:
                break
            await asyncio.sleep(0.01)
        for _ in range(5):
            await asyncio.sleep(0)
        return text

    capsys.readouterr()
    with caplog.at_level(logging.ERROR, logger="asyncio"), slow_origin() as url:
        folder = one_file_worker(tmp_path, LEFT_RUNNING.format(url=url), date="2026-05-01")
        try:
            current = loop.create_task(scenario(folder))
            answer = loop.run_until_complete(current)
        finally:
            loop.close()
        gc.collect()  # asyncio logs an unretrieved error when the task is collected
    assert (answer, ended) == ("CancelledError", ["failed"])
    assert reported(caplog, capsys, "never retrieved") == []
