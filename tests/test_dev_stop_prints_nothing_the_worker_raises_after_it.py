"""Nothing the Worker's code raises between ``workers-env dev``'s stop signal and the server's end
is printed, as wrangler dev 4.164.0 prints nothing after its stop (its isolate ends:
tools/wrangler/dev_stop_signal_probe.py). pending56 silenced the loop's reports at the signal
(runtime/stopcutoff.py), but a task of the Worker's failing in that window still printed
``Unhandled exception in event loop`` and its traceback on the Pyodide 0.28 and 314 eras (their
report as the task ends: runtime/unhandled.py ``reported_at_end``), and a ``waitUntil`` task, a
timer or the request failing there printed dev's ``✘ [ERROR] Uncaught ...`` blocks, a loop
callback asyncio's ``Exception in callback`` (silence56: under ``workers-env dev``, Worker code
raising once it saw the mark, 30 of 42 stops printed so, 0 of 45 now; the request's own failure
takes the ``waitUntil``'s path, dev's log handler, so is not driven here). The signal lands in the
server's code while the Worker's code waits on a future the test then settles: what the server's
handler does is called there."""

from __future__ import annotations

import asyncio
import gc
import sys
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.devconsole import wranglers_output
from workers_env.runtime.stopcutoff import cut_off_worker_code

ENTRY = """
import asyncio
from js import setTimeout
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

GATE = []  # the future the Worker's code waits on, which the test settles
RAISED = []  # what raised


async def opened():
    await GATE[0]


def boom(kind):
    RAISED.append(kind)
    raise ValueError(kind + " after the stop")


async def fails(kind):
    await opened()
    boom(kind)


async def later(kind):
    await opened()
    ran = asyncio.get_running_loop().create_future()

    def fire():
        ran.set_result(None)
        boom(kind)
    if kind == "timer":
        setTimeout(create_proxy(fire), 0)
    else:
        asyncio.get_running_loop().call_soon(fire)
    await ran


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit("/", 1)[1]
        if kind == "task":
            asyncio.ensure_future(fails(kind))
        elif kind == "waitUntil":
            self.ctx.waitUntil(fails(kind))
        else:
            self.ctx.waitUntil(later(kind))
        return Response("ok")
"""

#: the compatibility dates of Pyodide 0.26, 0.28 and 314
ERAS = ("2025-09-01", "2025-11-02", "2026-10-01")


@pytest.fixture(scope="module", params=ERAS)
def worker(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_worker(one_file_worker(tmp_path_factory.mktemp("late"), ENTRY, date=request.param) / "wrangler.toml")


def _printed(worker: Any, kind: str, stop: bool, capfd: pytest.CaptureFixture[str],
             caplog: pytest.LogCaptureFixture) -> str:
    """What comes out (asyncio's log included) once the Worker's code raises, the stop signal
    having landed before (``stop``)."""
    module = worker.module

    async def run() -> None:
        module.GATE[:] = [asyncio.get_running_loop().create_future()]
        module.RAISED.clear()
        answer = asyncio.ensure_future(worker.fetch(f"http://x/{kind}"))
        for _ in range(5):
            await asyncio.sleep(0)
        if stop:
            cut_off_worker_code(sys._getframe())  # the signal lands in the server's code
        module.GATE[0].set_result(None)
        await answer
        gc.collect()  # (a task's failure nobody retrieved is reported so on 0.26)

    gc.collect()
    capfd.readouterr()
    caplog.clear()
    with wranglers_output():
        asyncio.run(run())
    assert module.RAISED == [kind]
    out, err = capfd.readouterr()
    return out + err + caplog.text


KINDS = ("task", "waitUntil", "timer", "callback")


@pytest.mark.parametrize("kind", KINDS)
def test_the_worker_code_failing_after_the_stop_signal_prints_nothing(
        worker: Any, kind: str, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    assert _printed(worker, kind, True, capfd, caplog) == ""


@pytest.mark.parametrize("kind", KINDS)
def test_before_the_signal_the_same_failure_is_reported(
        worker: Any, kind: str, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    printed = _printed(worker, kind, False, capfd, caplog)
    if kind == "callback" and worker.era.date < "2025-09-29":  # (Pyodide 0.26's loop prints no traceback
        # for a failing callback: its two lines, test_runtime_worker_loop_callback_failures_print_as_pyodides_webloop.py)
        assert printed.startswith("Exception in callback later.<locals>.fire() at ")
    else:
        assert f"{kind} after the stop" in printed
