"""A signal stopping ``workers-env dev`` that lands in the Worker's own code running inside a
step a ``run_sync`` drives -- a ``waitUntil`` task's busy loop while the handler waits in
``time.sleep`` (Pyodide's from 0.28 drives the loop as ``run_sync`` does) -- cuts that code off
at once, as it does a busy loop with no ``run_sync`` under it: ``wrangler dev`` 4.164.0 exits at
once whatever the isolate is doing (130/143, tools/wrangler/dev_stop_signal_probe.py). Before,
with a ``run_sync`` driving the loop only that ``run_sync`` was cut off, "once its step ends" --
a step the busy loop never ends -- so dev stayed deaf for ever (audit32: a ``workers-env dev``
of this Worker still ran 30 s after SIGTERM). The signal is made to land there by a profile
hook calling the server's own handler's cut-off (runtime/stopcutoff.py); the busy loop is
bounded, so that a test without the cut-off ends."""

from __future__ import annotations

import asyncio
import sys
from types import FrameType
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.stopcutoff import cut_off_worker_code

ENTRY = """
import asyncio, time
from workers import Response, WorkerEntrypoint

TICKS = []


def tick():  # the busy loop's own code: the signal lands in it
    TICKS.append(1)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async def busy():
            await asyncio.sleep(0)
            while len(TICKS) < 2000:  # (bounded, so that a test without the cut-off ends)
                tick()

        self.ctx.waitUntil(asyncio.ensure_future(busy()))
        time.sleep(0.2)  # drives the loop (run_sync): busy's step runs inside it
        return Response("late")
"""


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_worker(one_file_worker(tmp_path_factory.mktemp("busy"), ENTRY, date="2026-05-01") / "wrangler.toml")


def test_a_signal_in_a_busy_wait_until_under_a_sleeping_handler_cuts_it_off(worker: Any) -> None:
    ticks = worker.module.TICKS
    ticks.clear()
    landed: list[int] = []

    def signal_lands(frame: FrameType, event: str, arg: Any) -> None:
        if not landed and event == "call" and frame.f_code.co_name == "tick" and len(ticks) == 10:
            landed.append(len(ticks))
            cut_off_worker_code(frame)  # what the dev server's stop signal handler does there

    async def run() -> Any:
        sys.setprofile(signal_lands)
        try:
            return await worker.fetch("/")
        finally:
            sys.setprofile(None)

    with pytest.raises(asyncio.CancelledError):  # the handler's time.sleep cut off after the busy step
        asyncio.run(run())
    assert landed == [10]
    assert len(ticks) == 10  # the busy loop ended where the signal landed (before: all 2000)
