"""The Worker's own code cannot start a process, as in Pyodide.

Pyodide's ``subprocess`` refuses every ``Popen`` (``OSError: [Errno 138] emscripten does not
support processes.``) and ``os.fork`` is Emscripten's ``OSError: [Errno 52] Function not
implemented`` (measured in Pyodide 0.26.0a4, 0.28.2 and 314.0.6). Under CPython both would start
a real process; here Worker code gets those errors (with the host's error numbers), while the
test's own processes, and a library's, start as usual.
"""

from __future__ import annotations

import errno
import subprocess
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    import subprocess
    import multiprocessing
    from workers import Response, WorkerEntrypoint

    def attempt(what):
        try:
            return f"ok {what()!r}"
        except OSError as exc:
            return f"{type(exc).__name__} {exc.errno} {exc.strerror}"

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            op = request.url.split("/", 3)[3]
            return Response(attempt({
                "run": lambda: subprocess.run(["true"]).returncode,
                "check-output": lambda: subprocess.check_output(["echo", "hi"]),
                "popen": lambda: os.popen("echo hi").read(),
                "fork": lambda: os.fork(),
                "process": lambda: multiprocessing.get_context("fork").Process(target=print).start(),
            }[op]))
"""


@pytest.fixture
def worker(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY))


@pytest.mark.asyncio
@pytest.mark.parametrize("op", ["run", "check-output", "popen"])
async def test_subprocess_is_emscriptens_refusal(worker, op):
    text = await (await worker.fetch(f"/{op}")).text()
    assert text == f"OSError {errno.ENOTSUP} emscripten does not support processes."


@pytest.mark.asyncio
@pytest.mark.parametrize("op", ["fork", "process"])
async def test_fork_is_not_implemented(worker, op):
    text = await (await worker.fetch(f"/{op}")).text()
    assert text == f"OSError {errno.ENOSYS} Function not implemented"


@pytest.mark.asyncio
async def test_the_tests_own_processes_start(worker):
    await worker.fetch("/run")
    done = subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True, check=True)
    assert done.stdout == "42\n"  # outside Worker code, untouched
    # a test's call made through worker.call runs the test's function, not the Worker's code
    assert await worker.call(lambda: subprocess.run(["true"]).returncode) == 0
