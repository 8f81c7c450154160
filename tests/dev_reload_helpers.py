"""``workers-env dev`` run as a user runs it, its output read line by line as it comes, for the
tests of its reloads (``test_dev_server_reloads_*``; the watcher looks every 50 ms here) -- and
for every test that starts a server on a free port: :func:`listening_on_a_free_port`."""

from __future__ import annotations

import contextlib
import io
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import forkserver
from worker_helpers import typical_pyproject

#: seconds a line (or an answer) may take: only a broken server waits that long, a loaded
#: machine's start of one can take 20 (load ~20 on 2 cores)
TIMEOUT = 60
RELOADING = "\u2394 Reloading local server..."
READY = "\u2394 Local server updated and ready"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dev_start_output(project: Path, *args: str, environ: dict[str, str] | None = None) -> str:
    """What ``python -m workers_env dev *args --port 0 --ip 127.0.0.1`` run in ``project`` prints
    up to its ``[wrangler:info] Ready on`` line (or its end; at most 30 s), the server stopped
    after. ``environ`` defaults to this process's environment without ``CLOUDFLARE_*``."""
    if environ is None:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("CLOUDFLARE_")}
    proc = forkserver.popen([sys.executable, "-m", "workers_env", "dev", *args, "--port", "0", "--ip", "127.0.0.1"],
                                cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**environ, "PYTHONUNBUFFERED": "1"})
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = proc.stdout.readline() if proc.stdout else ""
            lines.append(line)
            if not line or line.startswith("[wrangler:info] Ready on"):
                break
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
    return "".join(lines)


class _WouldServe(Exception):
    """Raised where ``workers-env dev`` would listen: it got through everything before serving."""


def _dev_in_process(project: Path, args: tuple[str, ...], monkeypatch: Any, *, bind: Any = None, serve: Any = None,
                    cloudflare_env: str | None = None) -> tuple[str, int]:
    """``workers-env dev *args --port 0 --ip 127.0.0.1`` run in ``project`` through ``cli.main`` in
    this process (cli_helpers' route: ``__main__`` is ``sys.exit(main())``), the server's ``bind``
    or ``serve`` replaced: what it printed (stdout and stderr in one stream, in order) and its
    status. ``CLOUDFLARE_*`` as :class:`DevServer` leaves them (only ``cloudflare_env``); devtable's
    once-a-process connection note unsaid, as in a fresh process."""
    from workers_env.cli import devtable, main
    from workers_env.runtime import server

    if bind is not None:
        monkeypatch.setattr(server, "bind", bind)
    if serve is not None:
        monkeypatch.setattr(server, "serve", serve)
    monkeypatch.setattr(devtable, "_explained", False)
    monkeypatch.chdir(project)
    for name in [name for name in os.environ if name.startswith("CLOUDFLARE_")]:
        monkeypatch.delenv(name)
    if cloudflare_env is not None:
        monkeypatch.setenv("CLOUDFLARE_ENV", cloudflare_env)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        try:
            status = main(["dev", *args, "--port", "0", "--ip", "127.0.0.1"])
        except _WouldServe:
            return printed.getvalue(), -1
    return printed.getvalue(), status


def dev_printed_before_serving(project: Path, *args: str, monkeypatch: Any) -> tuple[str, bool]:
    """What ``workers-env dev *args --port 0 --ip 127.0.0.1`` run in ``project`` prints (stdout and
    stderr in one stream, in order, as :func:`dev_start_output` reads them) before it would
    listen, and whether it went on to listen -- run in-process, its bind refused so it stops
    there: its bindings table, warnings, refusals and ``Loaded`` line without a ``workers-env dev``
    process to start (~0.7 s of CPU each). What comes once it listens (``Ready on``, the cron
    warning) needs the process."""
    def bind(*_args: object, **_kwargs: object) -> None:
        raise _WouldServe

    printed, status = _dev_in_process(project, args, monkeypatch, bind=bind)
    return printed, status == -1


def dev_answers(project: Path, *args: str, monkeypatch: Any, paths: tuple[str, ...] = ("/",),
                cloudflare_env: str | None = None) -> tuple[str, list[tuple[int, str]]]:
    """What ``workers-env dev *args`` run in ``project`` prints before it serves, and the status
    and text the Worker dev loaded answers to ``GET`` of each of ``paths`` -- in-process: dev's
    ``serve`` replaced by those requests to the Worker it would serve (the neighbours' route,
    test_dev_session_gives_the_workers_options_to_the_first_worker_alone); dev then closes its
    env as after a stop. For what dev makes of its options and files, not for its HTTP server."""
    import asyncio

    answers: list[tuple[int, str]] = []

    def serve(worker: Any, *, sockets: list[socket.socket], **_kwargs: object) -> None:
        async def ask() -> None:
            for path in paths:
                response = await worker.fetch(path)
                answers.append((response.status, await response.text()))
        try:
            asyncio.run(ask())
        finally:
            for sock in sockets:
                sock.close()

    printed, status = _dev_in_process(project, args, monkeypatch, serve=serve, cloudflare_env=cloudflare_env)
    assert status == 0, printed
    return printed, answers


def dev_streams(project: Path, args: list[str], paths: list[str], environ: dict[str, str] | None = None,
                settle: float = 0.0, until: str = "") -> tuple[str, str]:
    """What ``python -m workers_env dev *args`` run in ``project`` prints on stdout and on stderr
    (``PORT`` for its port, ``(Nms)`` for its times) while it answers ``/`` and then each of
    ``paths`` (an error status too), waiting ``settle`` seconds after -- or, given ``until``, as
    long as its stdout holds no line with that text (at most :data:`TIMEOUT` seconds: what comes
    later is what a test waiting longer reads); ``environ`` defaults to this process's environment
    without ``CLOUDFLARE_*`` and ``WRANGLER_*``. Spoken to only once it listens itself
    (:func:`listening_on_a_free_port`)."""
    if environ is None:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDFLARE_", "WRANGLER_"))}
    proc, port = listening_on_a_free_port(
        lambda port: [sys.executable, "-m", "workers_env", "dev", "--ip", "127.0.0.1", "--port", str(port), *args],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**environ, "PYTHONUNBUFFERED": "1"})
    streams: dict[str, list[str]] = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda pipe=pipe, lines=lines: lines.extend(pipe), daemon=True)
               for pipe, lines in ((proc.stdout, streams["out"]), (proc.stderr, streams["err"]))]
    for reader in readers:
        reader.start()
    try:  # (at some levels it prints no Ready line)
        for path in ["/", *paths]:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=TIMEOUT).close()
            except urllib.error.HTTPError as failed:
                failed.close()
                if path == "/":
                    raise
        time.sleep(settle)
        deadline = time.monotonic() + TIMEOUT
        while until and not any(until in line for line in list(streams["out"])) and time.monotonic() < deadline \
                and proc.poll() is None:
            time.sleep(0.02)
    finally:
        proc.terminate()
        proc.wait(timeout=TIMEOUT)
        for reader in readers:
            reader.join(TIMEOUT)
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    mask = (lambda text: re.sub(r"\(\d+ms\)", "(Nms)", text.replace(str(port), "PORT")))
    return mask("".join(streams["out"])), mask("".join(streams["err"]))


def listening_on_a_free_port(command: Callable[[int], list[str]], *, tries: int = 3,
                             **popen: Any) -> tuple[subprocess.Popen[str] | forkserver.Forked, int]:
    """``command(port)`` started (``subprocess.Popen(..., text=True, **popen)``, its output piped)
    on a port :func:`free_port` gave, and the port, once the process itself listens there
    (:func:`listening`): no request of a test reaches another process that took the port between
    the pick and the server's bind. That process makes the server refuse the port (it exits 1,
    ``Address already in use``): it is started again on another, ``tries`` times in all. Any other
    end, or no listening within :data:`TIMEOUT` seconds, is an AssertionError with its output."""
    assert popen.get("stdout") == subprocess.PIPE, "the output is read to tell a taken port"
    for _ in range(tries):
        port = free_port()
        proc = forkserver.popen(command(port), text=True, **popen)
        deadline = time.monotonic() + TIMEOUT
        while proc.poll() is None and time.monotonic() < deadline:
            if listening(proc.pid, port):
                return proc, port
            time.sleep(0.05)
        if proc.poll() is None:
            proc.kill()
        out, err = proc.communicate(timeout=TIMEOUT)
        output = (out or "") + (err or "")
        if proc.returncode != 1 or "Address already in use" not in output:
            raise AssertionError(f"{command(port)} did not listen on port {port} (exit {proc.returncode}):\n{output}")
    raise AssertionError(f"{command(port)}: each of {tries} ports was taken by another process first:\n{output}")


def listening(pid: int, port: int) -> bool:
    """Whether process ``pid`` holds a listening TCP socket on ``port`` (Linux: the kernel's
    listening sockets by their inodes, matched against the process's in ``/proc``; elsewhere, with
    nothing to look at, whether anything accepts there). A port :func:`free_port` gave back can be
    taken by another process before the server binds it -- another suite's server then answers
    there, and a test reading its server's output read nothing (a loaded machine, 1 run in ~10)."""
    if not Path("/proc/net/tcp").exists():
        with contextlib.suppress(OSError), socket.create_connection(("localhost", port), timeout=1):
            return True
        return False
    listeners = _listening_inodes(port)
    if not listeners:
        return False
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:  # gone meanwhile
        return False
    for fd in fds:
        with contextlib.suppress(OSError):  # (one closed meanwhile: the listing's own, say)
            if os.readlink(f"/proc/{pid}/fd/{fd}") in listeners:
                return True
    return False


def _listening_inodes(port: int) -> set[str]:
    """``socket:[INODE]`` of each TCP socket listening on ``port``, IPv4 and IPv6: asked of the
    kernel's sock_diag over netlink (listening sockets alone, ~0.1 ms of CPU), or read from
    ``/proc/net/tcp*`` where netlink cannot be asked -- a read that walks every connection's hash
    bucket, ~5 ms of CPU each (the dev tests polled it every 50 ms: ~0.4 s of CPU a start)."""
    try:
        return _sock_diag_listeners(port)
    except OSError:
        pass
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        with contextlib.suppress(OSError):
            for row in table.read_text().splitlines()[1:]:
                fields = row.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    found.add(f"socket:[{fields[9]}]")
    return found


def _sock_diag_listeners(port: int) -> set[str]:
    """The netlink half of :func:`_listening_inodes` (``NETLINK_SOCK_DIAG``, ``SOCK_DIAG_BY_FAMILY``
    dumps of TCP sockets in state LISTEN: ``struct inet_diag_req_v2`` in, ``inet_diag_msg`` out)."""
    found = set()
    for family in (socket.AF_INET, socket.AF_INET6):
        with socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, 4) as diag:  # 4: NETLINK_SOCK_DIAG
            request = struct.pack("=BBBBI", family, socket.IPPROTO_TCP, 0, 0, 1 << 10) + bytes(48)  # 10: TCP_LISTEN
            diag.sendall(struct.pack("=IHHII", 16 + len(request), 20, 0x301, 1, 0) + request)  # NLM_F_REQUEST|DUMP
            done = False
            while not done:
                data, offset = diag.recv(65536), 0
                if not data:
                    raise OSError("sock_diag ended its dump early")
                while offset + 16 <= len(data) and not done:
                    length, kind = struct.unpack_from("=IH", data, offset)
                    if kind == 2:  # NLMSG_ERROR
                        raise OSError(f"sock_diag refused the dump ({struct.unpack_from('=i', data, offset + 16)[0]})")
                    done = kind == 3  # NLMSG_DONE
                    if not done and struct.unpack_from(">H", data, offset + 20)[0] == port:  # id.idiag_sport
                        found.add(f"socket:[{struct.unpack_from('=I', data, offset + 84)[0]}]")  # idiag_inode
                    offset += (length + 3) & ~3
    return found


class DevServer:
    """``python -m workers_env dev PROJECT`` on a free port (``port``) and ``--ip ip`` (in ``environ``,
    default this process's environment), neither given on the command line with ``given=False``
    (the config's ``[dev]`` names them); ``lines`` is its output so far."""

    def __init__(self, project: Path, *extra: str, cwd: Path | None = None, environ: dict[str, str] | None = None,
                 ip: str = "127.0.0.1", cloudflare_env: str | None = None, port: int | None = None,
                 given: bool = True):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**(os.environ if environ is None else environ), "PYTHONUNBUFFERED": "1",
               "WORKERS_ENV_DEV_POLL_INTERVAL": "0.05"}
        env.pop("CLOUDFLARE_ENV", None)
        if cloudflare_env is not None:  # (the shell's CLOUDFLARE_ENV only where a test sets it)
            env["CLOUDFLARE_ENV"] = cloudflare_env
        self.proc = forkserver.popen(
            [sys.executable, "-m", "workers_env", "dev", str(project),
             *(["--ip", ip, "--port", str(self.port)] if given else []), *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=cwd or project)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, text: str, *, after: int = 0) -> int:
        """The index of the first line from ``after`` on that contains ``text``. The lines are
        looked at once more after the deadline: a sleep that overran it (a loaded machine) must
        not miss a line that came meanwhile."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index in range(after, len(self.lines)):
                if text in self.lines[index]:
                    return index
            if (self.proc.poll() is not None and not self._reader.is_alive()) or time.monotonic() >= deadline:
                break
            time.sleep(0.02)
        raise AssertionError(f"no line with {text!r} after line {after}:\n{self.output}")

    def get(self, path: str = "/") -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=TIMEOUT) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as err:
            with err:  # its response, closed (3.14 warns of one left to the collector)
                return err.code, err.read().decode()

    def edit(self, path: Path, text: str) -> int:
        """Write ``text`` to ``path`` in one step, as an editor saving by rename does, and wait
        for the reload it starts to end (either way); the index of its ``Reloading`` line.
        (``write_text`` truncates first: at a load of 15 the watcher once saw the empty file
        hold still for its 100 ms and reloaded the Worker without the edit's bindings.)"""
        mark = len(self.lines)
        staged = path.with_name(f".{path.name}.edit")
        staged.write_text(text)
        os.replace(staged, path)
        return self.wait_for(RELOADING, after=mark)

    def __enter__(self) -> DevServer:
        try:
            self.wait_for("Ready on")
        except BaseException:
            self.__exit__()  # a server that did not start in time is not left running
            raise
        return self

    def stopped_by(self, sig: int) -> tuple[int, float, list[str]]:
        """Send ``sig`` and wait for the server to exit: its exit status, the seconds that took
        and the lines it printed after the signal."""
        mark = len(self.lines)
        started = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(30)
        took = time.monotonic() - started
        self._reader.join(20)
        return code, took, self.lines[mark:]

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(TIMEOUT)
        self._reader.join(TIMEOUT)
        if self.proc.stdout is not None and not self._reader.is_alive():
            self.proc.stdout.close()  # its pipe, read to the end (3.14 warns of one left to the collector)


def printed_before_request_line(server: DevServer, path: str, text: str) -> list[str]:
    """The lines ``server`` printed from the first holding ``text`` up to the request line of
    ``GET path`` (200), which must come after it."""
    logged = server.wait_for(f"[wrangler:info] GET {path} 200 OK")
    first = server.wait_for(text)
    assert first < logged, server.output
    return server.lines[first:logged]


def python_project(root: Path, entry: str, *, config_extra: str = "", files: dict[str, str] | None = None) -> Path:
    """A Python Worker project: ``src/entry.py`` and a ``wrangler.toml`` (plus ``files``)."""
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(entry)
    (root / "wrangler.toml").write_text('name = "reload"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                        'compatibility_flags = ["python_workers"]\n' + config_extra)
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return typical_pyproject(root)  # the external-SDK era: pywrangler's layout, or the Worker does not start


def answering(text: str) -> str:
    """A Worker whose every answer is ``text``."""
    return ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
            f"    async def fetch(self, request):\n        return Response({text!r})\n")
