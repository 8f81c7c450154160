"""A signal stopping ``workers-env dev`` that cuts off a promise chain (``PyodideFuture.then``
handlers chaining each other) leaves the chain's earlier tasks waiting for good on promises
nobody will settle; a garbage collection between the signal and the server's end collected them,
and asyncio's ``Task was destroyed but it is pending!`` and a ``task:`` line came out for each as
the Worker's ``console.error`` (``✘ [ERROR] ...`` after Ctrl+C), where wrangler dev 4.164.0 exits
at once printing nothing (tools/wrangler/dev_stop_signal_probe.py). The loop was silenced only as
the server ended (runtime/server.py ``serve``), so it took a collection in that window: one loaded
suite run of test_dev_server_cuts_off_code_waiting_in_run_sync_on_a_signal's promise chains
(review86), every stop with a ``gc.collect()`` injected there (pending56). Now the signal's
cut-off silences the loop (runtime/stopcutoff.py). The signal is made to land in the chain's
handler by a profile hook calling what the server's handler does there, and the collection is
forced right after."""

from __future__ import annotations

import asyncio
import gc
import sys
import weakref
from types import FrameType
from typing import Any

import pytest
from worker_helpers import ENDLESS_CHAIN, one_file_worker

from workers_env import load_worker
from workers_env.runtime.stopcutoff import cut_off_worker_code


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_worker(one_file_worker(tmp_path_factory.mktemp("chain"), ENDLESS_CHAIN) / "wrangler.toml")


def test_the_tasks_of_a_chain_cut_off_by_the_signal_are_collected_unreported(worker: Any,
                                                                              capfd: pytest.CaptureFixture[str]) -> None:
    steps = worker.module.STEPS
    steps.clear()
    landed: list[int] = []
    waiting: list[weakref.ref[asyncio.Task[Any]]] = []

    def signal_lands(frame: FrameType, event: str, arg: Any) -> None:
        if not landed and event == "call" and frame.f_code.co_name == "step" and len(steps) == 20:
            sys.setprofile(None)
            landed.append(len(steps))
            waiting.extend(weakref.ref(task) for task in asyncio.all_tasks() if task is not asyncio.current_task())
            cut_off_worker_code(frame)  # what the dev server's stop signal handler does there

    async def run() -> None:
        assert (await worker.fetch("/")).status == 200
        sys.setprofile(signal_lands)
        try:
            for _ in range(200):  # (bounded: the chain runs on without the cut-off)
                await asyncio.sleep(0)
                if landed:
                    break
        finally:
            sys.setprofile(None)
        await asyncio.sleep(0)
        gc.collect()  # as one may come before the server's end

    gc.collect()  # (what earlier tests left goes now: only this test's tasks are collected below)
    capfd.readouterr()
    asyncio.run(run())
    out, err = capfd.readouterr()
    assert landed == [20]
    assert len(waiting) > 5 and all(ref() is None for ref in waiting), len(waiting)  # collected, still waiting
    assert len(steps) == 20  # the chain ended where the signal landed
    assert "Task was destroyed" not in out + err and "task:" not in out + err, (out, err)
