"""The Worker's own code cannot start a process, as in Pyodide.

Pyodide's ``subprocess`` refuses every ``Popen`` (``OSError: [Errno 138] emscripten does not
support processes.``) and ``os.fork`` is Emscripten's ``OSError: [Errno 52] Function not
implemented``, ``os.execv`` ``[Errno 45] Exec format error``, ``os.posix_spawn`` is missing and a
``spawn`` or ``forkserver`` ``multiprocessing`` process finds no ``_multiprocessing`` (measured in
Pyodide 0.26.0a4, 0.28.2 and 314.0.6); ``os.system`` runs nothing and returns -1 (Emscripten off
Node). Under CPython each would start a real process; here Worker code gets those answers (with
the host's error numbers), while the test's own processes, and a library's, start as usual.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    import subprocess
    import multiprocessing
    import sys
    from workers import Response, WorkerEntrypoint

    def attempt(what):
        try:
            return f"ok {what()!r}"
        except OSError as exc:
            return f"{type(exc).__name__} {exc.errno} {exc.strerror}"
        except (AttributeError, ImportError) as exc:
            return f"{type(exc).__name__} {exc}"

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            op = request.url.split("/", 3)[3]
            return Response(attempt({
                "run": lambda: subprocess.run(["true"]).returncode,
                "check-output": lambda: subprocess.check_output(["echo", "hi"]),
                "popen": lambda: os.popen("echo hi").read(),
                "fork": lambda: os.fork(),
                "process": lambda: multiprocessing.get_context("fork").Process(target=print).start(),
                "system": lambda: os.system("echo started >&2"),
                "execv": lambda: os.execv(sys.executable, [sys.executable, "-c", "print('replaced')"]),
                "spawn": lambda: multiprocessing.get_context("spawn").Process(target=print).start(),
                "forkserver": lambda: multiprocessing.get_context("forkserver").Process(target=print).start(),
                "posix-spawn": lambda: os.posix_spawn(sys.executable, [sys.executable, "-c", "1"], {}),
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


@pytest.mark.asyncio
async def test_exec_is_an_exec_format_error(worker):
    assert await (await worker.fetch("/execv")).text() == f"OSError {errno.ENOEXEC} Exec format error"


@pytest.mark.asyncio
async def test_os_system_runs_nothing_and_answers_minus_one(worker, capfd):
    assert await (await worker.fetch("/system")).text() == "ok -1"
    assert "started" not in capfd.readouterr().err
    assert os.system("true") == 0  # the test's own, untouched


@pytest.mark.asyncio
@pytest.mark.parametrize("op", ["spawn", "forkserver"])
async def test_a_spawned_process_finds_no_multiprocessing_module(worker, op):
    text = await (await worker.fetch(f"/{op}")).text()
    assert text == "ModuleNotFoundError No module named '_multiprocessing'"


@pytest.mark.asyncio
async def test_posix_spawn_is_missing(worker):
    text = await (await worker.fetch("/posix-spawn")).text()
    assert text == "AttributeError module 'os' has no attribute 'posix_spawn'"
