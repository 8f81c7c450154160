"""The line a second signal gives while ``workers-env dev`` closes the bindings' state ("stopped
again while closing the bindings' state: ... left untidied") counts the state of a replaced
Worker's env still open -- one a reload replaced while a request of that Worker was in flight,
closed only at the stop -- though neither the first Worker nor the one serving last has any (the
config's D1 binding added, then removed): that env's D1 database is the state left untidied
(audit35: a check of the first and the serving env only, as ef2e181c's might have been, went
unnoticed).

The hang is put in by replacing ``Env.close`` before the CLI runs: a ``python -m`` start of a
module doing so, forked from the tests' fork server (tests/forkserver.py: Python's own signal
handling and exit, as a full start has them)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from dev_reload_helpers import python_project

import forkserver

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

RUN = """import sys, time
import workers_env._env as _env
original = _env.Env.close
def close(self):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_name != "_close_envs":
        frame = frame.f_back
    if frame is None:  # (a replaced Worker's env closed as the reload's requests end: as it is)
        return original(self)
    print("closing", flush=True)  # dev's closing at the stop: hangs
    time.sleep(60)
_env.Env.close = close
from workers_env.cli import main
sys.exit(main(sys.argv[1:]))
"""
ENTRY = ("import asyncio\nfrom workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n        print('in flight', flush=True)\n        await asyncio.sleep(30)\n        return Response('late')\n")
D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "hits"\ndatabase_id = "00000000-0000-0000-0000-000000000001"\n'


def test_a_replaced_workers_state_is_counted(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY)
    config = project / "wrangler.toml"
    first = config.read_text()
    environ = {**os.environ, "PYTHONUNBUFFERED": "1", "WORKERS_ENV_DEV_POLL_INTERVAL": "0.05"}
    environ.pop("CLOUDFLARE_ENV", None)
    runner = forkserver.module_folder(tmp_path / "runner", "close_hangs", RUN)
    proc = forkserver.popen([sys.executable, "-m", "close_hangs", "dev", str(project), "--ip", "127.0.0.1",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ,
                            cwd=runner)
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if "Ready on" in line:
                url = line.split("Ready on ", 1)[1].split()[0]
                break
        config.write_text(first + D1)  # the second Worker: a D1 database
        _reloaded(proc)
        # a request of the second Worker, in flight through the next reload (its env is kept until it ends)
        threading.Thread(target=lambda: _get(url + "/slow"), daemon=True).start()
        for line in proc.stdout:
            if "in flight" in line:
                break
        config.write_text(first)  # the third: no D1 again
        _reloaded(proc)
        proc.send_signal(signal.SIGINT)
        for line in proc.stdout:
            if line == "closing\n":
                break
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130
    assert "workers-env dev: stopped again while closing the bindings' state" in err, err


def _reloaded(proc: subprocess.Popen[str] | forkserver.Forked) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if "Local server updated and ready" in line:
            return


def _get(url: str) -> None:
    try:
        urllib.request.urlopen(url, timeout=30).read()
    except Exception:  # noqa: BLE001 - cut off by the stop
        pass
