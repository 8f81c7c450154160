"""workers-env installed as users install it, under a ``site-packages`` folder: a library the
Worker calls reaches ``loop.run_in_executor`` (an HTTP client's ``loop.getaddrinfo``) and gets
Pyodide's ``WebLoop`` one -- the function run at once on the loop's thread -- while a thread the
library starts itself is refused, as Pyodide refuses it. The walk out from a thread's start (or a
``run_in_executor`` call) passes over installed packages' frames but stops at workers-env's own
-- which, installed, are an installed package's frames too. The suite runs workers-env from its
source tree, where no test saw the difference (audit23's hand mutant T3: the wrapper walked past
like a library's; review73: a library's call now runs inline, where it had asyncio's executor
thread)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from worker_helpers import one_file_worker

import workers_env

LIBRARY = '''
import asyncio
import socket
import threading


def starts():
    try:
        threading.Thread(target=print).start()
    except RuntimeError as exc:
        return str(exc)
    return "started"


async def resolves():
    return len(await asyncio.get_running_loop().getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)) > 0


async def inline():
    return await asyncio.get_running_loop().run_in_executor(None, threading.current_thread) is threading.main_thread()
'''

ENTRY = '''
import threadylib
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"resolves": await threadylib.resolves(), "starts": threadylib.starts(),
                              "inline": await threadylib.inline()})
'''

RUN = '''
import asyncio, sys
import workers_env
from workers_env import load_worker

assert "site-packages" in workers_env.__file__, workers_env.__file__
worker = load_worker(sys.argv[1])


async def main():
    return await (await worker.fetch("/")).text()


print(asyncio.run(main()))
'''


def test_an_installed_workers_env_keeps_asyncios_executor_thread_for_a_library(tmp_path):
    site = tmp_path / "lib" / "site-packages"
    # with its bytecode, as an install has it: each .pyc is checked against its source's mtime and
    # size (kept by the copy), and what it loads is given the copy's file names; compiling the
    # whole package afresh was most of this test's CPU
    shutil.copytree(Path(workers_env.__file__).parent, site / "workers_env")
    (site / "threadylib.py").write_text(LIBRARY)
    root = one_file_worker(tmp_path / "worker", ENTRY)
    path = os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-c", RUN, str(root)], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": path})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"resolves": True, "starts": "can't start new thread",
                                                                     "inline": True}
