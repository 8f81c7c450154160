"""A signal stopping ``workers-env dev`` that lands after the Worker queued a microtask and
before the loop began to run it -- in the Worker's own code, in workers-env's making of its
``Response``, as its handler's step ends -- still ends the microtasks: none runs from then on, as
none does in wrangler dev's isolate, which ends with its process (130/143 in 0.06-0.12 s,
tools/wrangler/dev_stop_signal_probe.py). Before, only a drain already under way was cut off
(review75), so a ``queueMicrotask`` callback queueing itself, begun a moment after the signal,
held the loop's thread for ever, and dev never exited: 1 SIGTERM test in a suite run at a load
of 30-40 past its 30 s (flake55; a Worker sending itself SIGTERM after its ``queueMicrotask``:
never, 2 of 2). The signal is made to land there by a profile hook calling the server's own
handler's cut-off (runtime/stopcutoff.py); the spin is bounded, so without the cut-off it ends."""

from __future__ import annotations

import asyncio
from types import FrameType
from typing import Any

import pytest
from worker_helpers import answered_under, one_file_worker

from workers_env import load_worker
from workers_env.runtime.stopcutoff import cut_off_worker_code
from workers_env.runtime.tracebacks import PACKAGE_DIR

ENTRY = """
from js import queueMicrotask
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

RAN = []


def queued():  # the first microtask is queued: the signal lands from here on
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        def again():
            RAN.append(1)
            if len(RAN) < 500:  # (bounded, so that a test without the cut-off ends)
                queueMicrotask(spin)

        spin = create_proxy(again)
        queueMicrotask(spin)
        queued()
        return Response("answered")
"""

#: where the signal lands, and whether the handler's request is cut off there (Worker code only)
LANDINGS = [("the Worker's code", True), ("workers-env's Response", False), ("the handler's step end", False)]


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_worker(one_file_worker(tmp_path_factory.mktemp("spin"), ENTRY) / "wrangler.toml")


@pytest.mark.parametrize(("where", "cut"), LANDINGS)
def test_a_signal_after_a_microtask_was_queued_ends_the_microtasks(worker: Any, where: str, cut: bool) -> None:
    ran = worker.module.RAN
    ran.clear()
    state = {"queued": False, "returned": False}
    landed: list[tuple[str, int]] = []

    def lands(frame: FrameType) -> bool:
        code = frame.f_code
        if where == "the Worker's code":
            return code.co_name == "queued"
        if where == "workers-env's Response":
            return state["queued"] and code.co_filename.startswith(PACKAGE_DIR) and code.co_name == "__init__" \
                and type(frame.f_locals.get("self")).__name__ == "Response"
        return state["returned"]  # the first call once the handler's coroutine returned

    def signal_lands(frame: FrameType, event: str, arg: Any) -> None:
        name = frame.f_code.co_name
        if landed or name == "again":
            return
        if event == "return" and name == "queued":
            state["queued"] = True
        elif event == "return" and name == "fetch" and state["queued"]:
            state["returned"] = True
        elif event == "call" and lands(frame):
            landed.append((name, len(ran)))
            cut_off_worker_code(frame)  # what the dev server's stop signal handler does there

    if cut:
        with pytest.raises(asyncio.CancelledError):
            asyncio.run(answered_under(worker, signal_lands))
    else:
        assert asyncio.run(answered_under(worker, signal_lands)) == "answered"
    assert [count for _, count in landed] == [0]  # it landed with the microtask queued, before it ran
    assert ran == []  # and it never ran (before: 500 times, the bound)
