"""After SIGTERM or Ctrl+C, once dev has closed what it opened, the ``workers-env`` process ends
at once, as ``wrangler dev`` 4.164.0 does (0.07 s, measured), rather than through the
interpreter's finalization, which tore down every module's objects: 0.2-1 s for a hello-world
Worker (left50; the stop itself took under 15 ms), and as long as the slowest ``__del__`` of
what the Worker left alive -- production's isolate runs no Python finalizer when it goes. What
Python's exit does first still happens: ``atexit`` handlers run, stdout and stderr are flushed."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer, python_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ENTRY = """import atexit
import time

from workers import Response, WorkerEntrypoint


class Slow:
    def __del__(self):  # run by the interpreter's finalization, were there one
        time.sleep(30)


KEPT = Slow()
atexit.register(print, "atexit ran", flush=False)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("hello")
"""


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_a_stopped_dev_exits_at_once_after_its_atexit_handlers(tmp_path: Path, sig: int, status: int) -> None:
    project = python_project(tmp_path / "app", ENTRY)
    with DevServer(project) as dev:
        assert dev.get() == (200, "hello")
        dev.wait_for("GET / 200 OK")
        dev.proc.send_signal(sig)
        started = time.monotonic()
        code = dev.proc.wait(25)
        took = time.monotonic() - started
        dev._reader.join(20)
    assert code == status
    assert took < 10, took  # the __del__'s 30 s not waited for (~0.02 s measured)
    assert "atexit ran" in dev.lines
