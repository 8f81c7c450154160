"""A subrequest the Worker stopped awaiting -- on Pyodide 0.26, whose ``pyfetch`` has no abort
controller, a cancelled ``workers.fetch`` or ``js.fetch`` goes on -- lives no longer than the
request that made it: once its response is sent and its ``waitUntil`` work done, workerd tears
the request's IoContext down and cancels its I/O, so the origin sees the connection close (and
the thread sending it here ends then, not at its 30 s timeout)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from worker_helpers import RequestedBinding, one_file_worker, serving, silent_origin

from workers_env import load_env, load_worker

WORKER = """
import asyncio
import js
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        sent = asyncio.ensure_future({call})
        await self.env.ORIGIN.requested()  # the origin has the subrequest
        sent.cancel()  # on 0.26 the subrequest goes on; on 0.28 pyfetch aborts it
        await asyncio.sleep(0.05)
        return Response.json("answered")

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("call", ["fetch(URL)", "js.fetch(URL)"])
@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_subrequest_still_running_is_dropped_when_its_request_ends(tmp_path: Path, call: str, date: str) -> None:
    requested, closed = threading.Event(), threading.Event()
    silent = silent_origin(requested, closed)  # never answers; reads until the client closes

    async def scenario() -> tuple[object, bool]:
        resp = await worker.fetch("/")
        answer = await resp.json()  # the response is out: the request ends
        # while the loop still runs (asyncio.run's end would wait for the thread sending it)
        return answer, await asyncio.to_thread(closed.wait, 10)

    with serving(silent) as url:
        root = one_file_worker(tmp_path, WORKER.format(url=url, call=call), date=date)
        worker = load_worker(env=load_env(root, bindings={"ORIGIN": RequestedBinding(requested)}))
        answer, dropped = asyncio.run(scenario())
        assert (answer, requested.is_set()) == ("answered", True)
        assert dropped, "the origin's connection was still open after the request ended"
