"""A second stop signal that lands while the dev server's event loop finishes -- in its last
callbacks (asyncio's ``_run_until_complete_cb`` for the server's task, then the runner's closing
steps) -- is taken by the server as any signal while it runs: dev stops as on one signal, nothing
printed. flake53: ``test_dev_two_quick_signals_exit_as_one[ctrl-c-5ms]`` once printed asyncio's
``Exception in callback _run_until_complete_cb``: the server gave the signals back to dev's
handler (:func:`workers_env.cli.devstop.stoppable`, which raises ``Stopped``) as its ``serve()``
coroutine ended, on the loop, and a ``Stopped`` raised in a loop callback is caught and logged by
asyncio's ``Handle._run``. The server now holds the signals until its loop has closed. The signal
is injected at that point: each ``_run_until_complete_cb`` raises SIGINT after its own work."""

from __future__ import annotations

import asyncio.base_events
import logging
import signal
import sys

import pytest
from worker_helpers import HELLO, one_file_worker

from workers_env import load_worker
from workers_env.cli.devstop import stoppable
from workers_env.runtime.server import serve

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_a_ctrl_c_in_the_loops_last_callbacks_stops_nothing_more(tmp_path, monkeypatch, caplog):
    worker = load_worker(one_file_worker(tmp_path, HELLO) / "wrangler.toml")
    original = asyncio.base_events._run_until_complete_cb
    injected: list[str] = []

    def then_a_signal(future):
        original(future)  # (the loop is told to stop first: the signal cannot keep it running)
        injected.append("SIGINT")
        signal.raise_signal(signal.SIGINT)  # (Python runs the handler before this returns)

    monkeypatch.setattr(asyncio.base_events, "_run_until_complete_cb", then_a_signal)
    kept = {name: logging.getLogger(name).filters[:] for name in ("asyncio", "uvicorn.error")}
    caplog.set_level(logging.DEBUG, logger="asyncio")
    try:
        with stoppable():
            stopped_by = serve(worker, host="127.0.0.1", port=0, on_ready=lambda: signal.raise_signal(signal.SIGINT))
            handler_after = signal.getsignal(signal.SIGINT)
    finally:  # (the stop's filters, which a dev process keeps to its end)
        for name, filters in kept.items():
            logging.getLogger(name).filters[:] = filters
    assert injected  # (each run_until_complete of the runner: its main task, its closing steps)
    assert stopped_by == signal.SIGINT
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == []
    assert getattr(handler_after, "__qualname__", "") == "stoppable.<locals>.stop"  # (given back once the loop closed)
