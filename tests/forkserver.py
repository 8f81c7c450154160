"""``python -m MODULE ...`` started for a test by forking a process that already imported what
every ``workers-env dev`` start imports (interpreter, site, asyncio, uvicorn, the CLI and runtime
modules: ~0.4 s of CPU of each ~0.55 s start; the suite starts ~200 of them).

The forked process is the command as a user runs it in all a test can see: its own pid, its
own output pipes on fds 1 and 2, the test's environment and working folder, ``sys.argv``,
``sys.path[0]`` and ``__main__`` as ``python -m`` sets them, Python's default signal handling,
the interpreter's own exit (atexit, finalization, an uncaught exception's traceback and status).
It is not the test's child but the fork server's, which reaps it and sends its wait status back:
:class:`Forked` is the ``subprocess.Popen`` a test holds (pid, pipes, poll/wait/signals).

:func:`popen` and :func:`run` fork only where nothing the interpreter reads once at start-up
differs from this process's (``PYTHON*`` variables but ``PYTHONUNBUFFERED``, for which there is a
server with it set and one without; the locale's): anything else is a full process. One more is
forked: a ``PYTHONPATH`` given where this process has none (the tests' ``PYTHONPATH=<checkout>``),
when its entries are absolute and none of them holds a module the server imported from elsewhere
(there, a real start would import that one) or a ``sitecustomize`` (which ``site`` runs at start): the forked start puts the entries on ``sys.path``
where the interpreter puts them, after ``sys.path[0]``, as ``site`` makes them (absolute, each once).
``WORKERS_ENV_TEST_FORK=0`` turns forking off for a run (every start a full process).

:func:`shell` starts a server with other start-up settings, for a shell's commands (shims on its
``PATH`` running tests/forkshim.py ask it for their ``python -m`` starts); :func:`popen` and
:func:`run` fork from it too a start asking for exactly its settings.

Run as a script (``python forkserver.py FD``) it is the server, on the socket ``FD``.
"""

from __future__ import annotations

import array
import atexit
import io
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

#: what a dev start imports whatever the project (dev.py's own imports and its ``_run``'s; then
#: each binding kind's assembly module, which ``load_env`` imports for any config, the bindings
#: table, the console and time zone ``run`` sets up, what uvicorn imports as it serves (not anyio: a forked
#: ``python -m pytest`` would find its pytest plugin imported already and warn that it cannot rewrite it), ``localhost``'s
#: IDNA codec) and KV's state, as most starts: imported once by the server, not by each forked
#: start (~10 ms of CPU of each ~0.12 s forked start: benchmarks/dev_start.py, devstart68). None of
#: them imports numpy, which a start imports only for Vectorize or AI, nor ``packaging``, which it
#: imports only for a requirement with more than a name (``workers-py>=1.9``): the test of this in
#: test_forkserver_starts_what_python_m_starts.py fails on one a plain start does not import.
PREIMPORTED = (
    "workers_env.cli", "workers_env.cli.dev", "workers_env._env", "workers_env.cli.devreload",
    "workers_env.cli.devsession", "workers_env.config", "workers_env.runtime.loader", "workers_env.runtime.server",
    "workers_env.vectorize.definitions", "workers_env._statebeside",
    "workers_env.vectorize.assembly", "workers_env.ai.assembly", "workers_env.d1.assembly", "workers_env.kv.assembly",
    "workers_env.kv.persistent", "workers_env.assets.assembly", "workers_env.queues.assembly",
    "workers_env.ratelimit.assembly", "workers_env.cli.devtable", "workers_env.runtime.devconsole",
    "workers_env.runtime.timezone", "zoneinfo", "uvicorn.lifespan.on", "uvicorn.loops.asyncio",
    "encodings.idna",
)
#: what the interpreter reads from its environment once, at start-up: a start asking for other
#: values than the server's is a real process
_STARTUP = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE")


#: what ``site`` imports from ``sys.path`` as the interpreter starts
_AT_START = ("sitecustomize", "usercustomize")


def _startup_environment(environ: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in environ.items()
            if (name.startswith("PYTHON") and name != "PYTHONUNBUFFERED") or name in _STARTUP}


def startup_settings() -> dict[str, str]:
    """This process's start-up settings but ``PYTHONPATH`` (the locale's variables, ``PYTHON*``
    but ``PYTHONUNBUFFERED``): what an environment a test makes from scratch (``PATH`` and
    ``PYTHONPATH`` alone, say) takes over for its ``python -m`` starts to be forked -- without
    them, each is a full start with the interpreter's defaults."""
    return {name: value for name, value in _startup_environment(dict(os.environ)).items() if name != "PYTHONPATH"}


class Forked:
    """A ``subprocess.Popen`` of a start the fork server made: ``pid``, ``args``, ``stdout`` and
    ``stderr`` (text, as ``Popen(text=True)`` reads them, where piped), ``returncode`` and
    ``poll``/``wait``/``communicate``/``send_signal``/``terminate``/``kill``."""

    def __init__(self, args: list[str], pid: int, status: socket.socket, stdout: Any, stderr: Any):
        self.args, self.pid, self._status = args, pid, status
        self.stdout, self.stderr, self.stdin = stdout, stderr, None
        self.returncode: int | None = None
        self._lock = threading.Lock()

    def _collect(self, timeout: float | None) -> int | None:
        with self._lock:
            if self.returncode is None:
                ready, _, _ = select.select([self._status], [], [], timeout)
                if not ready:
                    return None
                data = _recv_exactly(self._status, 4, f"the fork server ended before process {self.pid} did")
                self._status.close()
                self.returncode = os.waitstatus_to_exitcode(int.from_bytes(data, "little"))
            return self.returncode

    def poll(self) -> int | None:
        return self._collect(0)

    def wait(self, timeout: float | None = None) -> int:
        code = self._collect(timeout)
        if code is None:
            raise subprocess.TimeoutExpired(self.args, timeout or 0.0)
        return code

    def communicate(self, input: Any = None, timeout: float | None = None) -> tuple[Any, Any]:
        assert input is None, "a forked start reads no input"
        results: dict[str, Any] = {}
        readers = [threading.Thread(target=lambda name=name, pipe=pipe: results.__setitem__(name, pipe.read()), daemon=True)
                   for name, pipe in (("out", self.stdout), ("err", self.stderr)) if pipe is not None]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout)
            if reader.is_alive() and timeout is not None:
                raise subprocess.TimeoutExpired(self.args, timeout)
        self.wait(timeout)
        for pipe in (self.stdout, self.stderr):
            if pipe is not None:
                pipe.close()
        return results.get("out"), results.get("err")

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def __enter__(self) -> Forked:
        return self

    def __exit__(self, *exc: object) -> None:
        for pipe in (self.stdout, self.stderr):
            if pipe is not None:
                pipe.close()
        self.wait()


class _Client:
    """This process's fork server for starts with (``unbuffered``) or without ``PYTHONUNBUFFERED``
    (one of each at most a test process, started at its first use)."""

    def __init__(self, unbuffered: bool, given: dict[str, str] | None = None, more: tuple[str, ...] = ()) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        if given is not None:  # (a shell's server: started as its commands start, see shell())
            environ = dict(given)
        else:
            environ = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
            if unbuffered:
                environ["PYTHONUNBUFFERED"] = "1"
        self.startup, self.unbuffered = _startup_environment(environ), unbuffered
        # its output: a pipe, as the starts' (their sys.stdout and sys.stderr are its), read only
        # when it fails (a traceback fits the pipe's buffer)
        said, says = os.pipe()
        self.said = os.fdopen(said, "rb")
        self.process = subprocess.Popen([sys.executable, __file__, str(theirs.fileno()), *more], pass_fds=[theirs.fileno()],
                                        stdin=subprocess.DEVNULL, stdout=says, stderr=says, env=environ, cwd="/")
        theirs.close()
        os.close(says)
        self.sock = ours
        self.lock = threading.Lock()
        if self.sock.recv(1) != b"R":
            self.process.wait()
            raise RuntimeError("the fork server (tests/forkserver.py) did not start; WORKERS_ENV_TEST_FORK=0 "
                               f"starts each process in full:\n{self.said.read().decode(errors='replace')}")
        size = int.from_bytes(_recv_exactly(self.sock, 4), "little")
        #: each top-level module the server imported -> where from (its file, a package's folder)
        self.places: dict[str, str] = json.loads(_recv_exactly(self.sock, size))

    def takes(self, pythonpath: str) -> bool:
        """Whether a start given ``PYTHONPATH=pythonpath`` (the server has none) imports what the
        server imported from where it did: each entry absolute, a folder or missing, and the first
        entry holding a module (a file, a package's folder) of a name the server imported holds
        that very one."""
        found: set[str] = set()
        for entry in pythonpath.split(os.pathsep):
            if not os.path.isabs(entry) or (os.path.exists(entry) and not os.path.isdir(entry)):
                return False  # (a relative entry is the start's folder's; a zip archive)
            for item in sorted(os.listdir(entry)) if os.path.isdir(entry) else ():
                full = os.path.join(entry, item)
                if os.path.isdir(full):
                    if not any(os.path.exists(os.path.join(full, f"__init__{ext}")) for ext in (".py", ".pyc")):
                        continue  # (a namespace portion: a regular module elsewhere wins over it)
                    name = item
                elif item.endswith((".py", ".pyc", ".so")):
                    name = item.partition(".")[0]
                else:
                    continue
                if name in _AT_START:
                    return False  # (site imports it as the interpreter starts: the server did not)
                if name not in found:
                    found.add(name)
                    if name in self.places and self.places[name] != full:
                        return False
        return True

    def relay(self, listener: socket.socket) -> None:
        """Pass each start a shim (tests/forkshim.py) asks for on ``listener`` to the server, with
        the shim's connection as the start's reply socket (its pid, then its wait status) and the
        shim's fds 1 and 2 as the start's (the shim's message: its folder, the number of its
        arguments, the arguments, its environment's ``NAME=value``; NUL-separated)."""
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return  # (closed at this process's end)
            fds: list[int] = []
            try:
                head, fds = _recv_with_fds(conn, 4)
                body, more = _recv_with_fds(conn, int.from_bytes(head, "little")) if len(head) == 4 else (b"", [])
                fds.extend(more)
                cwd, count, *rest = body.decode("utf-8", "surrogateescape").split("\0")
                args, names = rest[: int(count)], rest[int(count):]
                assert len(fds) == 2 and args[0] == "-m", "a shim sends its fds 1 and 2 and a `python -m` start"
                environ = dict(name.split("=", 1) for name in names)
                if _startup_environment(environ) != self.startup or bool(environ.get("PYTHONUNBUFFERED")) != self.unbuffered:
                    conn.sendall((0).to_bytes(4, "little"))  # (other start-up settings: the shim starts it in full)
                    continue
                request = json.dumps({"args": [sys.executable, *args], "cwd": cwd, "env": environ}).encode()
                with self.lock:
                    self.sock.sendmsg([len(request).to_bytes(4, "little"), request],
                                      [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [conn.fileno(), *fds]))])
            finally:
                conn.close()
                for fd in fds:
                    os.close(fd)

    def stop(self) -> None:
        self.sock.close()
        self.process.wait()
        self.said.close()

    def start(self, args: list[str], cwd: Any, environ: dict[str, str], stdout: int, stderr: int) -> Forked:
        """``args`` forked in folder ``cwd`` (None: this process's) with ``environ``."""
        args, cwd = list(args), os.path.abspath(cwd if cwd is not None else os.getcwd())
        status_ours, status_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        out_read, out_write = os.pipe()
        if stderr == subprocess.STDOUT:
            err_read, err_write = None, os.dup(out_write)
        else:
            err_read, err_write = os.pipe()
        request = json.dumps({"args": args, "cwd": cwd, "env": environ}).encode()
        fds = [status_theirs.fileno(), out_write, err_write]
        try:
            with self.lock:
                self.sock.sendmsg([len(request).to_bytes(4, "little"), request],
                                  [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
                pid = int.from_bytes(_recv_exactly(status_ours, 4), "little")
        finally:
            status_theirs.close()
            os.close(out_write)
            os.close(err_write)
        stdout_file = io.TextIOWrapper(io.open(out_read, "rb", -1)) if stdout == subprocess.PIPE else None
        if stdout != subprocess.PIPE:
            os.close(out_read)
        stderr_file = io.TextIOWrapper(io.open(err_read, "rb", -1)) if err_read is not None else None
        return Forked(args, pid, status_ours, stdout_file, stderr_file)


def _recv_exactly(sock: socket.socket, size: int, gone: str = "the fork server ended") -> bytes:
    """``size`` bytes from ``sock``; RuntimeError(``gone``) at its end before them."""
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise RuntimeError(gone)
        data += chunk
    return data


_clients: dict[bool, _Client] = {}
_clients_lock = threading.Lock()
#: a shell's fork server by its start-up settings -> it, its shims' socket
_shells: dict[tuple[tuple[str, str], ...], tuple[_Client, socket.socket]] = {}


@atexit.register
def _stop() -> None:
    """A fork server ends when its socket closes (a test process's end)."""
    for client in _clients.values():
        client.stop()
    for client, listener in _shells.values():
        listener.close()
        if client not in _clients.values():
            client.stop()


def module_folder(folder: Any, name: str, text: str) -> Path:
    """``folder`` (made if missing) holding module ``name`` of ``text``: a ``python -m name`` start
    with it as the working folder is forked (a ``python -c`` start never is), a process of its own
    all the same."""
    place = Path(folder)
    place.mkdir(exist_ok=True)
    (place / f"{name}.py").write_text(text)
    return place


def socket_place(folder: Any) -> str:
    """Where a shell's socket is made: in ``folder``, or in a short temporary folder (removed as
    the process ends) where that path would not fit a socket's (104 bytes on macOS, 108 on Linux)."""
    place = os.path.join(os.fspath(folder), "forkserver.sock")
    if len(os.fsencode(place)) > 100:
        short = tempfile.mkdtemp(prefix="fs")
        atexit.register(shutil.rmtree, short, True)
        place = os.path.join(short, "s")
    return place


def shell(environ: dict[str, str], folder: Any, more: tuple[str, ...] = ()) -> str:
    """The socket (made in folder ``folder``) on which a shell's ``python -m`` starts are forked
    from a fork server started with ``environ`` (one a test process for each start-up settings:
    ``PYTHON*``, the locale): a command on the shell's ``PATH`` is a shim execing
    ``python -I -S tests/forkshim.py SOCKET ARGS...`` (see it) with ``environ``'s start-up settings
    -- any other ``python`` start there is a full one. ``more``: modules the server imports besides
    :data:`PREIMPORTED` (what the shell's commands all import first: ``pytest`` for ``python -m
    pytest``, which imports it before anything else). A shell with this process's start-up settings
    and nothing more is served by the server :func:`popen` forks from."""
    startup, unbuffered = _startup_environment(environ), bool(environ.get("PYTHONUNBUFFERED"))
    key = (*sorted(startup.items()), ("", ",".join(more)), ("PYTHONUNBUFFERED", str(unbuffered)))
    with _clients_lock:
        if key not in _shells or _shells[key][0].process.poll() is not None:
            if not more and startup == _startup_environment(dict(os.environ)):
                if unbuffered not in _clients or _clients[unbuffered].process.poll() is not None:
                    _clients[unbuffered] = _Client(unbuffered)
                client = _clients[unbuffered]
            else:
                client = _Client(unbuffered, environ, more)
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(socket_place(folder))
            listener.listen(16)
            threading.Thread(target=client.relay, args=(listener,), daemon=True).start()
            _shells[key] = (client, listener)
        return str(_shells[key][1].getsockname())


def _client_for(args: Any, environ: dict[str, str], text: bool, stdout: Any, stderr: Any, rest: dict[str, Any]
                ) -> _Client | None:
    """The fork server to start ``args`` with ``environ``, or None where only a full process
    starts it as asked: piped text output, ``python -m``, the interpreter's start-up settings
    this process's own (``PYTHONUNBUFFERED`` either way) or a running :func:`shell` server's."""
    if not (text and not rest and stdout == subprocess.PIPE and stderr in (subprocess.PIPE, subprocess.STDOUT)
            and isinstance(args, list) and len(args) > 2 and args[:2] == [sys.executable, "-m"]
            and os.environ.get("WORKERS_ENV_TEST_FORK", "1") != "0" and sys.platform == "linux"):
        return None
    startup, ours = _startup_environment(environ), _startup_environment(dict(os.environ))
    with _clients_lock:  # (a shell's server, started with these very settings)
        for shells, _ in _shells.values():
            if (shells.startup, shells.unbuffered) == (startup, bool(environ.get("PYTHONUNBUFFERED"))) \
                    and shells.process.poll() is None:
                return shells
    added = startup.pop("PYTHONPATH") if "PYTHONPATH" in startup and "PYTHONPATH" not in ours else None
    if startup != ours:
        return None
    unbuffered = bool(environ.get("PYTHONUNBUFFERED"))
    with _clients_lock:
        client = _clients.get(unbuffered)
        if client is None or client.process.poll() is not None:
            client = _clients[unbuffered] = _Client(unbuffered)
    return client if client.startup == startup and (added is None or client.takes(added)) else None


def popen(args: list[str], *, cwd: Any = None, env: dict[str, str] | None = None, stdout: Any = None,
          stderr: Any = None, text: bool = False, **rest: Any) -> subprocess.Popen[str] | Forked:
    """``subprocess.Popen(args, cwd=cwd, env=env, stdout=stdout, stderr=stderr, text=text, **rest)``,
    forked from a fork server where that starts the same process (see the module's note)."""
    environ = dict(os.environ if env is None else env)
    client = _client_for(args, environ, text, stdout, stderr, rest)
    if client is None:
        return subprocess.Popen(args, cwd=cwd, env=env, stdout=stdout, stderr=stderr, text=text, **rest)
    return client.start(args, cwd, environ, stdout, stderr)


def run(args: list[str], *, cwd: Any = None, env: dict[str, str] | None = None, capture_output: bool = False,
        stdout: Any = None, stderr: Any = None, text: bool = False, timeout: float | None = None,
        check: bool = False, **rest: Any) -> subprocess.CompletedProcess[str]:
    """``subprocess.run(...)`` of the same arguments, forked where :func:`popen` forks (a forked
    start past ``timeout`` is killed, as ``subprocess.run`` kills its child)."""
    if capture_output:
        stdout = stderr = subprocess.PIPE
    environ = dict(os.environ if env is None else env)
    client = _client_for(args, environ, text, stdout, stderr, rest)
    if client is None:
        return subprocess.run(args, cwd=cwd, env=env, stdout=stdout, stderr=stderr, text=text, timeout=timeout,
                              check=check, **rest)
    proc = client.start(args, cwd, environ, stdout, stderr)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    done = subprocess.CompletedProcess(args, proc.wait(), out, err)
    if check:
        done.check_returncode()
    return done


# --- the server --------------------------------------------------------------------------------

def _serve(fd: int, more: list[str]) -> dict[str, Any] | None:
    """Take requests on socket ``fd`` until it closes (None), forking a start for each: in the
    forked process, the request it is to run."""
    for name in (*PREIMPORTED, *more):
        __import__(name)
    import gc
    gc.collect()
    gc.freeze()  # (the forked starts' collections leave the server's pages shared)
    assert threading.active_count() == 1, "the fork server forks only as a one-thread process"
    control = socket.socket(fileno=fd)
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    waiting: dict[int, socket.socket] = {}
    places = {}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if "." in name or (file is None and not hasattr(module, "__path__")):
            continue  # (a built-in or frozen module: found before any sys.path entry)
        places[name] = "" if file is None else os.path.dirname(file) if hasattr(module, "__path__") else file
    told = json.dumps(places).encode()
    control.sendall(b"R" + len(told).to_bytes(4, "little") + told)
    while True:
        ready, _, _ = select.select([control.fileno(), wake_read], [], [])
        if wake_read in ready:
            os.read(wake_read, 512)
            while waiting:
                pid, status = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
                reply = waiting.pop(pid, None)
                if reply is not None:
                    try:
                        reply.sendall(status.to_bytes(4, "little"))
                    except OSError:
                        pass  # (the test let go of it)
                    reply.close()
        if control.fileno() in ready:
            message, fds = _recv_with_fds(control, 4)
            if len(message) < 4:
                return None
            size = int.from_bytes(message[:4], "little")
            request, more = _recv_with_fds(control, size)
            fds.extend(more)
            if len(request) < size:
                return None
            reply_fd, out_fd, err_fd = fds
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                for sock in (control, *waiting.values()):
                    sock.close()
                os.close(wake_read)
                os.close(wake_write)
                os.close(reply_fd)
                os.dup2(out_fd, 1)
                os.dup2(err_fd, 2)
                os.close(out_fd)
                os.close(err_fd)
                return json.loads(request)
            os.close(out_fd)
            os.close(err_fd)
            reply = socket.socket(fileno=reply_fd)
            reply.sendall(pid.to_bytes(4, "little"))
            waiting[pid] = reply


def _recv_with_fds(sock: socket.socket, size: int) -> tuple[bytes, list[int]]:
    """``size`` bytes from ``sock`` (fewer at its end) and the descriptors sent with them."""
    data, fds = b"", list[int]()
    while len(data) < size:
        chunk, ancillary, _flags, _addr = sock.recvmsg(size - len(data), socket.CMSG_SPACE(3 * 4))
        if not chunk:
            break
        data += chunk
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.extend(array.array("i", payload[: len(payload) - len(payload) % 4]))
    return data, fds


def _excepthook_from(here: str) -> Any:
    """Python's own hook, of a traceback without the frames of file ``here``: a start's uncaught
    exception prints from runpy's frames on, as under ``python -m``. (Nothing of this module's
    globals: the interpreter takes ``__file__`` out of them before it calls the hook.)"""
    hook = sys.__excepthook__

    def excepthook(kind: type[BaseException], value: BaseException, traceback: Any) -> None:
        while traceback is not None and traceback.tb_frame.f_code.co_filename == here:
            traceback = traceback.tb_next
        hook(kind, value.with_traceback(traceback), traceback)  # (it prints the exception's own)

    return excepthook


def _run(request: dict[str, Any]) -> None:
    """In the forked process: become ``python -m MODULE ARGS`` run in the request's folder
    with its environment (what ``-m`` sets: ``sys.argv``, ``sys.path[0]``, a fresh ``__main__``)."""
    import runpy
    import types

    given = request["env"].get("PYTHONPATH") if "PYTHONPATH" not in os.environ else None
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.path[0] = os.getcwd()
    if given is not None:  # (the interpreter's place for them; site makes them absolute, each once)
        entries, seen = [], set()
        for entry in (*map(os.path.abspath, given.split(os.pathsep)), *sys.path[1:]):
            if os.path.normcase(entry) not in seen:
                seen.add(os.path.normcase(entry))
                entries.append(entry)
        sys.path[1:] = entries
    sys.path_importer_cache.pop(os.path.dirname(os.path.abspath(__file__)), None)
    sys.argv = ["-m", *request["args"][3:]]
    sys.modules["__main__"] = types.ModuleType("__main__")
    sys.excepthook = _excepthook_from(__file__)
    runpy._run_module_as_main(request["args"][2], alter_argv=True)  # type: ignore[attr-defined]


if __name__ == "__main__":
    _request = _serve(int(sys.argv[1]), sys.argv[2:])
    if _request is not None:
        _run(_request)
