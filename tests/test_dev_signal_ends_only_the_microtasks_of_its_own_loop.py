"""A stop signal ends the microtasks of the loop it landed on -- none of them runs again there
(runtime/jspromise.py, flake55) -- and of no other: a Worker running on another event loop of
the same process (another thread's, a later ``asyncio.run``'s) still runs its ``queueMicrotask``
callbacks, a ``waitUntil`` task's included. The check between two jobs of a drain looks the
running loop up among the ended ones (audit32: a mutant ending every loop's once any was ended
survived the tests)."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.stopcutoff import cut_off_worker_code

ENTRY = """
import asyncio
from js import queueMicrotask
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

RAN = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        queueMicrotask(create_proxy(lambda: RAN.append("handler")))

        async def later():
            queueMicrotask(create_proxy(lambda: RAN.append("waitUntil")))
            await asyncio.sleep(0)

        self.ctx.waitUntil(asyncio.ensure_future(later()))
        await asyncio.sleep(0)
        return Response("answered")
"""


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_worker(one_file_worker(tmp_path_factory.mktemp("other"), ENTRY) / "wrangler.toml")


def test_a_signal_on_one_loop_leaves_another_loops_microtasks_running(worker: Any) -> None:
    stopped = asyncio.new_event_loop()  # the loop a stop signal lands on (held: it stays ended)

    async def signal_lands() -> None:
        cut_off_worker_code(sys._getframe())  # the server's handler, called outside the Worker's code

    try:
        stopped.run_until_complete(signal_lands())

        async def run() -> str:
            response = await worker.fetch("/")
            await asyncio.sleep(0.05)  # the waitUntil task's turn
            return await response.text()

        worker.module.RAN.clear()
        assert asyncio.run(run()) == "answered"
        assert worker.module.RAN == ["handler", "waitUntil"]
    finally:
        stopped.close()
