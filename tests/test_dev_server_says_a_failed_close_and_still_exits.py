"""When closing the bindings' state fails as ``workers-env dev`` stops (a disk gone, say), dev
says so in one line and still exits with wrangler's status for the signal (143 for SIGTERM);
when the closing hangs, a second signal ends it, said too. Before, the failure escaped as a
traceback with status 1, and a second Ctrl+C printed the CLI's ``Interrupted.``.

The failure is put in by replacing ``Env.close`` before the CLI runs: no real store fails to
close on demand. That start is ``python -m`` of a module doing so, forked from the tests' fork
server (tests/forkserver.py: Python's own signal handling and exit, as a full start has them)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dev_reload_helpers import answering, python_project

import forkserver

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

RUN = """import sys, time
import workers_env._env as _env
def close(self):
    print("closing", flush=True)
    {body}
_env.Env.close = close
from workers_env.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run(project: Path, body: str, signals: list[int]) -> tuple[int, str, str]:
    environ = {**os.environ, "PYTHONUNBUFFERED": "1"}
    environ.pop("CLOUDFLARE_ENV", None)
    runner = forkserver.module_folder(project.parent / "runner", "close_fails", RUN.format(body=body))
    proc = forkserver.popen([sys.executable, "-m", "close_fails", "dev", str(project), "--ip", "127.0.0.1",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ,
                            cwd=runner)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "Ready on" in line:
            break
    for sig in signals[:-1]:  # each but the last once dev is closing
        proc.send_signal(sig)
        for line in proc.stdout:
            if line == "closing\n":
                break
    proc.send_signal(signals[-1])
    out, err = proc.communicate(timeout=20)
    return proc.returncode, out, err


def test_a_close_that_raises_is_said_and_dev_exits_with_the_signals_status(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("hi"))
    code, _, err = _run(project, 'raise OSError(5, "Input/output error")', [signal.SIGTERM])
    assert code == 143
    assert err == "workers-env dev: closing the bindings' state failed: OSError: [Errno 5] Input/output error\n"


D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "hits"\ndatabase_id = "00000000-0000-0000-0000-000000000001"\n'


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["sigterm", "ctrl-c"])
def test_a_second_signal_ends_a_close_that_hangs(tmp_path: Path, sig: int, status: int) -> None:
    project = python_project(tmp_path / "app", answering("hi"), config_extra=D1)
    started = time.monotonic()
    code, _, err = _run(project, "time.sleep(60)", [sig, sig])
    assert code == status
    assert time.monotonic() - started < 20
    assert err.startswith("workers-env dev: stopped again while closing the bindings' state"), err


def test_a_second_signal_says_nothing_where_no_state_is_held(tmp_path: Path) -> None:
    """A config with no D1, KV or Vectorize state leaves nothing untidied: the second signal ends
    the (here hanging) close and changes nothing else -- no line, as two quick Ctrl+C's are one
    (test_dev_two_quick_signals_exit_as_one, which the matrix saw print the line under load)."""
    project = python_project(tmp_path / "app", answering("hi"))
    code, _, err = _run(project, "time.sleep(60)", [signal.SIGINT, signal.SIGINT])
    assert (code, err) == (130, "")
    assert "Traceback" not in err and "Interrupted." not in err


def test_a_second_signal_says_nothing_where_a_binding_factory_made_no_worker(tmp_path: Path) -> None:
    """A ``[tool.workers-env.bindings]`` factory answering a plain object holds no state either:
    dev registered a closer for any factory's binding, so the second signal said the state was
    left untidied (review90; ef2e181c meant only factories that load a Worker)."""
    project = python_project(tmp_path / "app", answering("hi"), files={"review90_fakes.py": "def make():\n    return object()\n"})
    with (project / "pyproject.toml").open("a") as pyproject:
        pyproject.write('\n[tool.workers-env.bindings]\nFAKE = "review90_fakes:make"\n')
    code, _, err = _run(project, "time.sleep(60)", [signal.SIGINT, signal.SIGINT])
    assert (code, err) == (130, "")
