"""When the dev server's loop has closed it gives SIGINT and SIGTERM back to the handlers from
before (``workers-env dev``'s, :func:`workers_env.cli.devstop.stoppable`), both of them even if a
stop signal lands between the two: ``signal.signal`` runs a pending signal's handler first, and
dev's raised ``Stopped`` out of the first, leaving SIGTERM with the stopped server's handler, which
stops nothing -- a SIGTERM while dev then closes the bindings' state would not stop the closing."""

from __future__ import annotations

import logging
import signal
import sys

import pytest
from worker_helpers import HELLO, one_file_worker

from workers_env import load_worker
from workers_env.cli.devstop import Stopped, stoppable
from workers_env.runtime.server import serve

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _devs(handler) -> bool:
    return getattr(handler, "__qualname__", "") == "stoppable.<locals>.stop"


def test_a_signal_between_the_two_give_backs_leaves_neither_to_the_server(tmp_path, monkeypatch):
    worker = load_worker(one_file_worker(tmp_path, HELLO) / "wrangler.toml")
    real = signal.signal
    injected: list[int] = []

    def then_a_signal(sig, handler):
        before = real(sig, handler)
        given_back = getattr(before, "__name__", "") == "handle_exit" and _devs(handler)
        if sig == signal.SIGINT and given_back and not injected:  # SIGINT given back: a second Ctrl+C now
            injected.append(sig)
            signal.raise_signal(signal.SIGINT)  # (dev's handler raises Stopped before this returns)
        return before

    monkeypatch.setattr(signal, "signal", then_a_signal)
    kept = {name: logging.getLogger(name).filters[:] for name in ("asyncio", "uvicorn.error")}
    try:
        with stoppable():
            with pytest.raises(Stopped) as stopped:
                serve(worker, host="127.0.0.1", port=0, on_ready=lambda: signal.raise_signal(signal.SIGINT))
            handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    finally:  # (the stop's filters, which a dev process keeps to its end)
        for name, filters in kept.items():
            logging.getLogger(name).filters[:] = filters
    assert injected and stopped.value.status == 130
    assert all(_devs(handler) for handler in handlers.values()), handlers
