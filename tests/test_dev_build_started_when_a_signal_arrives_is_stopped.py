"""A stop signal (Ctrl+C, SIGTERM) that reaches ``workers-env dev`` while its ``build.command``
is being started -- the child already running, ``Popen`` not yet returned -- still stops that
build: the signal is held until the build is known, then raised. Before, it was raised inside
``Popen``, and the build (with whatever it had started) outlived dev, 1 run in ~12 under load
of ``test_dev_server_stops_on_a_signal_before_it_serves``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workers_env.cli import dev
from workers_env.cli.devstop import Stopped, stoppable

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:  # no /proc (macOS): only the kill above can tell
        return True
    return state != "Z"  # a zombie has ended


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_while_the_build_starts_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          sig: int) -> None:
    pid_file = tmp_path / "sleeper.pid"
    real_popen = subprocess.Popen

    def popen_then_signal(*args: object, **kwargs: object) -> subprocess.Popen[str]:
        proc = real_popen(*args, **kwargs)  # type: ignore[call-overload]
        deadline = time.monotonic() + 20
        while not pid_file.exists() or not pid_file.read_text().strip():
            assert time.monotonic() < deadline, "the build never started its process"
            time.sleep(0.02)
        os.kill(os.getpid(), sig)
        for _ in range(100):  # Python runs the handler at the loop's next check: still inside "Popen"
            pass
        return proc

    monkeypatch.setattr(dev.subprocess, "Popen", popen_then_signal)
    running: list[subprocess.Popen[str]] = []
    build = {"command": f"sleep 30 & echo $! > {pid_file}; wait"}
    with stoppable(), pytest.raises(Stopped) as stopped:
        dev._custom_build(build, tmp_path, running)
    assert stopped.value.status == 128 + sig
    sleeper = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _alive(sleeper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(sleeper), "the build's process outlived dev"
