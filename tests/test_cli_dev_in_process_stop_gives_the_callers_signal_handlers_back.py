"""``main(["dev", ...])`` called in a process of the caller's (a script, a test) that ends on a stop
signal gives SIGINT and SIGTERM back to the caller's handlers, as it does after any other end.
Only ``workers-env``'s own process, which exits right after such a stop, leaves them ignored (a
second quick Ctrl+C must not meet Python's handler there: :func:`workers_env.cli.devstop.stoppable`);
a caller left with both ignored could no longer be stopped by them."""

from __future__ import annotations

import signal
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from dev_reload_helpers import _dev_in_process, answering, python_project

from workers_env.cli.devstop import Stopped

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_dev_stopped_by_a_signal_in_process_leaves_the_callers_handlers(tmp_path: Path, monkeypatch: Any,
                                                                         sig: int) -> None:
    project = python_project(tmp_path / "app", answering("hi"))

    def serve(worker: Any, *, sockets: list[socket.socket], **_kwargs: object) -> None:
        for sock in sockets:
            sock.close()
        raise Stopped(sig)

    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    printed, status = _dev_in_process(project, (), monkeypatch, serve=serve)
    after = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for s, handler in before.items():  # (put back whatever happens, for the tests after this one)
        signal.signal(s, handler)
    assert status == 128 + sig, printed
    assert after == before
