"""A signal stopping ``workers-env dev`` that lands in workers-env's own code on the Worker's way
into a wait -- ``time.sleep``'s look at the running loop and at the Pyodide version,
``run_sync``'s at its awaitable, the task it makes of it -- still cuts that wait off, as it cuts
off one under way (review73): a ``run_sync`` begun once the signal came ends at once, and so does
Pyodide 0.26's blocking ``time.sleep``. Before, nothing there was the Worker's code nor a wait, so
nothing was cut off, and the wait begun a moment later held the stop for its whole length: dev
exited 20 s after a SIGTERM landing so with a 0.26 ``time.sleep(20)``, and with 0.28's never (the
stopped server ended the request, and with it the sleep's timer). Under load the test of a
handler's ``time.sleep(60)`` once waited past its 30 s so (flake53). The signal is made to land
there by a profile hook, which does what the dev server's handler does."""

from __future__ import annotations

import asyncio
import time
from types import FrameType
from typing import Any

import pytest
from worker_helpers import answered_under, one_file_worker

from workers_env import load_worker
from workers_env.runtime.runsync import cut_off_drivers, cut_off_here
from workers_env.runtime.threadpool import worker_code_blocks

ENTRY = """
import time

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        time.sleep(60)
        return Response("late")
"""

#: where workers-env's code runs between the Worker's ``time.sleep`` and the wait (0.28: the loop
#: driven by run_sync; 0.26: the blocking sleep), by Pyodide version
WAYS_IN = [("2026-05-01", name) for name in ("_worker_code_on_a_running_loop", "pyodide_028", "run_sync", "_drivable",
                                             "ensure_future", "factory")] \
    + [("2025-09-01", name) for name in ("_worker_code_on_a_running_loop", "pyodide_028")]


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The Worker of each date, loaded once."""
    return {date: load_worker(one_file_worker(tmp_path_factory.mktemp(date), ENTRY, date=date) / "wrangler.toml")
            for date in dict(WAYS_IN)}


@pytest.mark.parametrize(("date", "where"), WAYS_IN)
def test_a_signal_on_the_way_into_a_wait_cuts_it_off(workers: dict[str, Any], date: str, where: str) -> None:
    worker = workers[date]
    landed: list[tuple[bool, bool]] = []

    def signal_lands(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code.co_name == where and not landed:
            drivers = cut_off_drivers(frame)  # what the server's handler does (runtime/server.py's handle_exit)
            here = not drivers and worker_code_blocks(frame)
            landed.append((drivers, here))
            if here:
                cut_off_here()

    started = time.monotonic()
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(answered_under(worker, signal_lands))
    assert landed == [(False, False)]  # nothing there to cut off as the signal came
    assert time.monotonic() - started < 30  # the 60 s sleep never began (a 5 s one, < 4: short under load, flake56)
