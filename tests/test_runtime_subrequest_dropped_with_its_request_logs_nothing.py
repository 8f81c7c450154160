"""A subrequest never awaited -- a fire-and-forget ``fetch`` left to a task, without
``waitUntil`` -- that is still under way when its request ends is dropped then, and says
nothing: workerd never settles the promise of a torn-down IoContext's fetch, so no error reaches
anyone; here the task awaiting it ends cancelled, without asyncio's ``exception was never
retrieved`` and its traceback in the log."""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from pathlib import Path

import pytest
from worker_helpers import RequestedBinding, one_file_worker, reported, serving, silent_origin

from workers_env import load_env, load_worker

WORKER = """
import asyncio
import js
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        asyncio.ensure_future({call}(URL))  # never awaited
        await self.env.ORIGIN.requested()  # the subrequest is under way when the request ends
        return Response("answered")

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("call", ["fetch", "js.fetch"])
@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_subrequest_dropped_with_its_request_logs_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                            capsys: pytest.CaptureFixture[str], call: str,
                                                            date: str) -> None:
    requested, closed = threading.Event(), threading.Event()
    silent = silent_origin(requested, closed)  # never answers; reads until the client closes

    async def scenario() -> tuple[str, bool]:
        resp = await worker.fetch("/")
        answer = await resp.text()  # the response is out: the request ends
        dropped = await asyncio.to_thread(closed.wait, 60)  # at once when idle; the bound is not the point
        for _ in range(50):  # the watch of the subrequest sees its thread done
            await asyncio.sleep(0.02)
        gc.collect()  # the task left, done: asyncio would log its unretrieved error now
        return answer, dropped

    with serving(silent) as url:
        root = one_file_worker(tmp_path, WORKER.format(url=url, call=call), date=date)
        worker = load_worker(env=load_env(root, bindings={"ORIGIN": RequestedBinding(requested)}))
        capsys.readouterr()
        with caplog.at_level(logging.ERROR):
            answer, dropped = asyncio.run(scenario())
    assert (answer, dropped) == ("answered", True)
    assert reported(caplog, capsys, "never retrieved") == []
