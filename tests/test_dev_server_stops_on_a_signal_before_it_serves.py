"""SIGTERM and Ctrl+C stop ``workers-env dev`` while it starts -- its ``build.command`` running,
the Worker's module importing -- as they stop it once it serves: at once, with wrangler
4.164.0's status (143, 130: its launcher's ``128 + signal``, measured), nothing printed, and
the build stopped with every process it started (wrangler: "a build must never outlive dev").
Before, SIGTERM ended the process by its default action with the build left running, and
Ctrl+C printed the CLI's ``Interrupted.``, the build again left running when the signal was
sent to dev alone (``kill -INT``, a supervisor)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dev_reload_helpers import TIMEOUT, answering, python_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _start(project: Path) -> subprocess.Popen[str]:
    environ = {**os.environ, "PYTHONUNBUFFERED": "1"}
    environ.pop("CLOUDFLARE_ENV", None)
    return subprocess.Popen([sys.executable, "-m", "workers_env", "dev", str(project), "--ip", "127.0.0.1",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ,
                            cwd=project, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_file(path: Path) -> None:
    deadline = time.monotonic() + TIMEOUT  # (dev's start: 20 s is not long at a load of 30-40)
    while not path.exists() or not path.read_text().strip():
        assert time.monotonic() < deadline, f"{path} never written"
        time.sleep(0.05)


def _stopped_at_once(proc: subprocess.Popen[str], sig: int, status: int) -> str:
    """Send ``sig``; dev must exit with ``status`` long before the build's or the import's 600 s
    sleep would end, nothing on stderr. Its stdout. (Within 30 s: 5 s, against a 30 s sleep,
    is not long for an exit at a load of 30-40 -- flake56.)"""
    started = time.monotonic()
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == status, (out, err)
    assert time.monotonic() - started < 30
    assert err == ""
    return out


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs: a zombie (ended, its status not yet collected by init, which
    adopts it once the build's shell is gone too) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    if not Path("/proc/self/stat").exists():  # no /proc (macOS): only the kill above can tell
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:  # collected meanwhile
        return False


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_a_signal_during_the_first_build_stops_the_build_and_dev(tmp_path: Path, sig: int, status: int) -> None:
    pid_file = tmp_path / "build.pid"
    project = python_project(tmp_path / "app", answering("hi"),
                             config_extra=f'[build]\ncommand = "sleep 600 & echo $! > {pid_file}; wait"\n')
    proc = _start(project)
    _wait_for_file(pid_file)
    _stopped_at_once(proc, sig, status)
    sleeper = int(pid_file.read_text())
    deadline = time.monotonic() + 20
    while _alive(sleeper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(sleeper), "the build's process outlived dev"


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_a_signal_while_the_worker_imports_stops_dev_without_a_traceback(tmp_path: Path, sig: int,
                                                                          status: int) -> None:
    marker = tmp_path / "importing"
    entry = f"import pathlib, time\npathlib.Path({str(marker)!r}).write_text('yes')\ntime.sleep(600)\n" + answering("hi")
    project = python_project(tmp_path / "app", entry)
    proc = _start(project)
    _wait_for_file(marker)
    out = _stopped_at_once(proc, sig, status)
    assert "Ready on" not in out
