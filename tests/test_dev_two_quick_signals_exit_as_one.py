"""Two quick Ctrl+C's (or SIGTERMs) end ``workers-env dev`` as one does: exit 130 (143), nothing
printed -- wrangler dev 4.164.0's launcher status for a stop by that signal.

After the first, dev put Python's own handlers back as it left: a second signal meanwhile met
``KeyboardInterrupt`` past the CLI's handling (a traceback, or its ``Interrupted.``), or arrived
once the interpreter's finalization had reset its handlers to ``SIG_DFL`` and ended the process
by the signal itself (exit -2). Measured (leftovers50, a loop of 30 with gaps of 0-50 ms between
the two): CPython 3.14.10 27 of 30 runs -2, 3.11.7 11 of 12; now 30 of 30 exit 130 on 3.14.10."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer, python_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ENTRY = """from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("x")
"""


@pytest.mark.parametrize(("sig", "status", "gap"), [
    (signal.SIGINT, 130, 0.005), (signal.SIGINT, 130, 0.03), (signal.SIGTERM, 143, 0.02),
], ids=["ctrl-c-5ms", "ctrl-c-30ms", "sigterm-20ms"])
def test_a_second_signal_soon_after_the_first_changes_nothing(tmp_path: Path, sig: int, status: int, gap: float) -> None:
    with DevServer(python_project(tmp_path / "app", ENTRY)) as dev:
        dev.wait_for("Ready on")
        mark = len(dev.lines)
        dev.proc.send_signal(sig)
        time.sleep(gap)
        if dev.proc.poll() is None:
            dev.proc.send_signal(sig)
        code = dev.proc.wait(20)
        dev._reader.join(20)
        said = dev.lines[mark:]
    assert (code, said) == (status, [])
