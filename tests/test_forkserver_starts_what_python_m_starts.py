"""The dev tests' fork server (tests/forkserver.py) starts ``python -m MODULE ARGS`` as the
interpreter does: the same argv, path, folder, environment, ``__main__``, stdio, signal handling,
exit statuses and tracebacks -- a probe module run both ways prints them; the two must agree."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import forkserver

PROBE = r'''
import os, signal, sys, threading
print("argv", sys.argv)
print("path", sys.path)
print("cwd", os.getcwd())
print("env", os.environ.get("PROBE_VALUE"), "CLOUDFLARE_ENV" in os.environ)
print("main", __name__, __file__ == sys.modules["__main__"].__file__, __spec__.name)
print("modules", [name for name in ("forkserver", "dev_reload_helpers", "pytest") if name in sys.modules])
print("signals", [signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE)])
print("wakeup", signal.set_wakeup_fd(-1))
print("threads", threading.active_count(), threading.current_thread() is threading.main_thread())
print("stdio", [(s.isatty(), s.line_buffering, s.write_through, s.encoding, s.errors, s.seekable())
                for s in (sys.stdout, sys.stderr)])
print("stdin", os.path.realpath(f"/proc/self/fd/0") if os.path.exists("/proc/self/fd/0") else None)
print("gc", __import__("gc").isenabled())
print("to stderr", file=sys.stderr)
mode = sys.argv[1]
if mode == "raise":
    raise ValueError("the probe's mistake")
if mode == "exit":
    sys.exit(7)
if mode == "wait":  # (short sleeps: a signal landing between a check and a long sleep's start would wait it out)
    import time
    print("waiting", flush=True)
    for _ in range(1200):
        time.sleep(0.05)
'''


def _start(command: list[str], project: Path, *, fork: bool, stderr: int = subprocess.PIPE,
           unbuffered: bool = True, pythonpath: str | None = None) -> subprocess.Popen[str]:
    environ = {**os.environ, "PYTHONUNBUFFERED": "1" if unbuffered else "", "PROBE_VALUE": "given"}
    environ.pop("CLOUDFLARE_ENV", None)
    if pythonpath is not None:
        environ["PYTHONPATH"] = pythonpath
    start = forkserver.popen if fork else subprocess.Popen
    proc = start(command, cwd=project, env=environ, stdout=subprocess.PIPE, stderr=stderr, text=True)
    # (a PYTHONPATH added to this process's start-up is forked only where this process has none)
    assert isinstance(proc, forkserver.Forked) is (fork and (pythonpath is None or "PYTHONPATH" not in os.environ))
    return proc  # type: ignore[return-value]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "probe.py").write_text(PROBE)
    return tmp_path


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("mode", ["plain", "raise", "exit"])
def test_a_forked_start_prints_and_ends_as_the_interpreter_started_in_full(project: Path, mode: str,
                                                                           unbuffered: bool) -> None:
    command = [sys.executable, "-m", "probe", mode, "second argument"]
    real_proc = _start(command, project, fork=False, unbuffered=unbuffered)
    forked_proc = _start(command, project, fork=True, unbuffered=unbuffered)
    real, forked = real_proc.communicate(timeout=60), forked_proc.communicate(timeout=60)
    assert forked[0] == real[0]
    assert forked[1] == real[1]
    assert "to stderr" in forked[1] and ("ValueError: the probe's mistake" in forked[1]) is (mode == "raise")
    assert forked_proc.returncode == real_proc.returncode == {"plain": 0, "raise": 1, "exit": 7}[mode]


def test_a_forked_start_can_write_both_streams_to_one_pipe(project: Path) -> None:
    command = [sys.executable, "-m", "probe", "raise"]
    real = _start(command, project, fork=False, stderr=subprocess.STDOUT).communicate(timeout=60)[0]
    forked = _start(command, project, fork=True, stderr=subprocess.STDOUT).communicate(timeout=60)[0]
    assert forked == real and "to stderr" in forked and "ValueError" in forked


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_forked_start_ends_on_a_signal_as_the_interpreter_started_in_full(project: Path, sig: int) -> None:
    results = []
    for fork in (False, True):
        proc = _start([sys.executable, "-m", "probe", "wait"], project, fork=fork)
        assert proc.stdout is not None
        while "waiting" not in proc.stdout.readline():
            assert proc.poll() is None
        assert proc.poll() is None
        proc.send_signal(sig)
        started = time.monotonic()
        out, err = proc.communicate(timeout=60)
        assert time.monotonic() - started < 30
        results.append((proc.returncode, err.splitlines()[-1]))
    assert results[0] == results[1]
    assert results[0][0] == -sig


def test_run_gives_what_subprocess_run_gives(project: Path) -> None:
    command = [sys.executable, "-m", "probe", "exit"]
    environ = {**os.environ, "PROBE_VALUE": "given"}
    done = forkserver.run(command, cwd=project, env=environ, capture_output=True, text=True, timeout=60)
    real = subprocess.run(command, cwd=project, env=environ, capture_output=True, text=True, timeout=60)
    assert (done.args, done.returncode, done.stdout, done.stderr) == (real.args, 7, real.stdout, real.stderr)


def test_run_kills_a_forked_start_past_its_timeout(project: Path) -> None:
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        forkserver.run([sys.executable, "-m", "probe", "wait"], cwd=project, capture_output=True, text=True,
                       timeout=1)
    assert time.monotonic() - started < 30


def test_a_forked_start_given_a_pythonpath_has_the_path_of_a_full_start(project: Path, tmp_path: Path) -> None:
    """The tests' ``PYTHONPATH=<checkout>`` (where workers-env imports from already), with a folder
    of a module only it holds, a missing folder and an entry twice: the same ``sys.path``, in the
    same order, and the same modules imported from the same files."""
    checkout = str(Path(forkserver.__file__).resolve().parent.parent)
    helpers = tmp_path / "helpers"
    helpers.mkdir()
    (helpers / "probe_helper.py").write_text("")
    (project / "probe.py").write_text("import probe_helper, workers_env\n"
                                      "print('imported from', workers_env.__file__, probe_helper.__file__)\n" + PROBE)
    pythonpath = os.pathsep.join([checkout, str(helpers), str(tmp_path / "missing"), checkout])
    command = [sys.executable, "-m", "probe", "plain"]
    real = _start(command, project, fork=False, pythonpath=pythonpath).communicate(timeout=60)
    forked = _start(command, project, fork=True, pythonpath=pythonpath).communicate(timeout=60)
    assert forked == real
    assert f"path {[str(project), checkout, str(helpers), str(tmp_path / 'missing')]}"[:-1] in real[0]
    assert f"imported from {checkout}/workers_env/__init__.py {helpers / 'probe_helper.py'}" in real[0]


@pytest.mark.parametrize("shadowing", ["json.py", "asyncio/__init__.py", "workers_env/__init__.py", "sitecustomize.py"])
def test_a_pythonpath_holding_a_module_the_server_imported_from_elsewhere_is_a_full_process(
        project: Path, tmp_path: Path, shadowing: str) -> None:
    """A real start would import that module from the entry (``sitecustomize`` as it starts): only a
    full process does."""
    folder = tmp_path / "shadows"
    (folder / shadowing).parent.mkdir(parents=True, exist_ok=True)
    (folder / shadowing).write_text("")
    environ = {**os.environ, "PYTHONPATH": str(folder)}
    proc = forkserver.popen([sys.executable, "-m", "probe", "plain"], cwd=project, env=environ,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.communicate(timeout=60)
    assert isinstance(proc, subprocess.Popen)


def test_a_start_the_fork_server_cannot_make_is_a_full_process(project: Path) -> None:
    command = [sys.executable, "-m", "probe", "plain"]
    other_interpreter_setting = forkserver.popen(command, cwd=project, env={**os.environ, "PYTHONHASHSEED": "7"},
                                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    bytes_read = forkserver.popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for proc in (other_interpreter_setting, bytes_read):
        assert isinstance(proc, subprocess.Popen)
        proc.communicate(timeout=60)
        assert proc.returncode == 0



@pytest.fixture
def shim(project: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A ``python`` command for a shell (a shim of tests/forkshim.py, ``forkserver.shell``) and the
    environment of a shell finding it (this process's start-up settings: the server the other
    tests here fork from serves it; the README's tests run a shell with settings of its own)."""
    environ = {**os.environ, "PYTHONUNBUFFERED": "1", "PROBE_VALUE": "given"}
    environ.pop("CLOUDFLARE_ENV", None)
    socket_path = forkserver.shell(environ, tmp_path)
    command = project / "python-command"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -I -S "{Path(forkserver.__file__).parent / "forkshim.py"}" '
                       f'"{socket_path}" "$@"\n')
    command.chmod(0o755)
    return command, environ


@pytest.mark.parametrize("mode", ["plain", "raise", "exit"])
def test_a_shells_start_through_the_shim_prints_and_ends_as_the_interpreter_started_in_full(
        project: Path, shim: tuple[Path, dict[str, str]], mode: str) -> None:
    command, environ = shim
    through, real = (subprocess.run([python, "-m", "probe", mode, "second argument"], cwd=project, env=environ,
                                    capture_output=True, text=True, timeout=60) for python in (command, sys.executable))
    assert (through.returncode, through.stdout, through.stderr) == (real.returncode, real.stdout, real.stderr)
    assert real.returncode == {"plain": 0, "raise": 1, "exit": 7}[mode] and "to stderr" in real.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_to_the_shim_ends_the_start_as_the_interpreter_started_in_full(
        project: Path, shim: tuple[Path, dict[str, str]], sig: int) -> None:
    command, environ = shim
    results = []
    for python in (str(command), sys.executable):
        proc = subprocess.Popen([python, "-m", "probe", "wait"], cwd=project, env=environ, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        while "waiting" not in proc.stdout.readline():
            assert proc.poll() is None
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
        results.append((proc.returncode, err.splitlines()[-1]))
    assert results[0] == results[1]
    assert results[0][0] == -sig


def test_a_shells_python_m_start_is_forked_and_its_other_starts_are_not(project: Path,
                                                                          shim: tuple[Path, dict[str, str]]) -> None:
    """Whose child the start is: the fork server's (not the shell's) for ``python -m`` into pipes;
    the shell's for a script, for other start-up settings and for output to a file."""
    command, environ = shim
    (project / "parent.py").write_text("import os\nprint(os.getppid())\n")
    for shell, forked in ((f'"{command}" -m parent', True), (f'"{command}" parent.py', False),
                          (f'PYTHONHASHSEED=7 "{command}" -m parent', False),
                          (f'"{command}" -m parent > out.txt; cat out.txt', False)):
        done = subprocess.run(["bash", "-c", f'echo $$; {shell}; true'], cwd=project, env=environ,
                              capture_output=True, text=True, timeout=60)
        shell_pid, parent = done.stdout.split()
        assert (parent != shell_pid) is forked, (shell, done.stderr)



def test_a_shells_socket_in_a_folder_too_deep_for_a_sockets_path_is_made_in_a_short_one(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    assert forkserver.socket_place(tmp_path) == str(tmp_path / "forkserver.sock")
    place = forkserver.socket_place(deep)
    assert len(place) <= 100 and not place.startswith(str(deep))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(place)  # (the deep folder's own path: "AF_UNIX path too long")



def test_the_server_imports_only_what_a_full_dev_start_of_a_kv_worker_imports(tmp_path: Path) -> None:
    """A forked start finds :data:`forkserver.PREIMPORTED` imported: each must be a module a real
    ``python -m workers_env dev`` start of a plain project (a one-file Worker with a KV binding and
    a ``pyproject.toml`` listing requirements, served until its first request) imports anyway --
    not numpy, say, which only a Vectorize or AI binding imports. (The full process's modules
    written at its exit by a ``sitecustomize`` of the test's.)"""
    from worker_helpers import one_file_worker, read_until

    folder = one_file_worker(tmp_path / "w", "from workers import Response, WorkerEntrypoint\n"
                             "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                             "        return Response('up')\n", extra='[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n')
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(
        "import atexit, os, sys\n"
        "atexit.register(lambda: open(os.environ['MODULES_TO'], 'w').write('\\n'.join(sys.modules)))\n")
    environ = {**os.environ, "PYTHONUNBUFFERED": "1", "WRANGLER_SEND_METRICS": "false",
               "MODULES_TO": str(tmp_path / "modules.txt"),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path / "site"), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", "workers_env", "dev", "--port", "0"], cwd=folder, env=environ,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    seen = ""
    for line in proc.stdout:
        seen += line
        if "Ready on" in line:
            break
    port = int(seen.rpartition(":")[2].split()[0])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        assert read_until(sock, b"up").startswith(b"HTTP/1.1 200")
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    imported = set((tmp_path / "modules.txt").read_text().split("\n"))
    assert "workers_env.kv.assembly" in imported and "numpy" not in imported and "packaging" not in imported
    assert [name for name in forkserver.PREIMPORTED if name not in imported] == []
