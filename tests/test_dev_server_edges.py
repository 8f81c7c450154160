"""The dev server's edges, as workerd's HTTP server (KJ) and Cloudflare's edge have them:
"Ready on" only once the port is bound, a clear error for a taken or impossible port,
501 for methods workerd does not know, 413 over the request body limit, 408 and a closed
connection for clients that send no headers, idle keep-alive connections closed."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import forkserver
import pytest
from cli_helpers import run_main
from runtime_stderr_lines import never_serving
from test_dev_server import exchange, make_project, request, split_answer

import workers_env
from workers_env.runtime import load_worker
from workers_env.runtime.server import HEADER_TIMEOUT, BackgroundServer
from workers_env.runtime.workerapp import KNOWN_METHODS, MAX_BODY_BYTES

TIMEOUT = 10


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1])}
    env.pop("CLOUDFLARE_ENV", None)
    return env


#: the line make_project's Vectorize binding gets at start (test_cli_dev_says_it_runs_vectorize_locally)
VECTORIZE_NOTE = ('workers-env dev: env.VEC (index "idx") runs locally, on the local state: wrangler dev has no local '
                  'Vectorize (it warns "Vectorize Index bindings do not support local development" there, and refuses '
                  'remote = false), workers-env emulates the index offline; deployed, the index of that name in your '
                  'account answers\n')


def port_project(root: Path) -> Path:
    """:func:`make_project` without its Vectorize binding, for the dev processes that only bind a
    port: such a start imports no numpy (~0.2 s of CPU of each; see
    test_numpy_is_imported_only_for_vectorize_or_ai) and says no :data:`VECTORIZE_NOTE`."""
    project = make_project(root)
    config = project / "wrangler.toml"
    config.write_text(config.read_text().replace('[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n', ""))
    assert "vectorize" not in config.read_text()
    return project


# -- ports -------------------------------------------------------------------------------------------
def test_a_taken_port_is_a_clear_error_and_ready_is_never_printed(tmp_path: Path) -> None:
    project = port_project(tmp_path / "app")
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = forkserver.run(
            [sys.executable, "-m", "workers_env", "dev", str(project), "--ip", "127.0.0.1", "--port", str(port)],
            capture_output=True, text=True, env=_env(), timeout=60,
        )
    assert done.returncode == 1
    assert "Ready on" not in done.stdout
    assert "Traceback" not in done.stderr
    assert done.stderr == (  # wrangler dev 4.164.0's error (measured), then ours
        f"✘ [ERROR] Address already in use (127.0.0.1:{port}). Please check that you are not already running a server "
        "on this address or specify a different port with --port.\n\n\n"
        f"(workers-env: cannot listen on 127.0.0.1:{port}: is another `workers-env dev` or `wrangler dev` running? "
        "Stop it or choose another port with --port)\n"
    )


@pytest.mark.parametrize(("ip", "wranglers", "reason"), [
    # an address no interface here has (TEST-NET-1): the kernel's EADDRNOTAVAIL, Node's text with no
    # port for a --port given (wrangler dev 4.164.0 with --port 0, 8787 or 9000: measured, review64)
    ("192.0.2.1", "listen EADDRNOTAVAIL: address not available 192.0.2.1",
     "no interface here has that address; check --ip"),
    # no host name at all (wrangler dev 4.164.0: `getaddrinfo ENOTFOUND a..b`, exit 1); it was
    # Python's UnicodeError from the IDNA codec, a traceback
    ("a..b", "getaddrinfo ENOTFOUND a..b", "unknown address 'a..b' (not a valid host name); check --ip"),
])
def test_an_address_that_cannot_be_listened_on_is_a_clear_error(tmp_path: Path, ip: str, wranglers: str,
                                                                 reason: str) -> None:
    project = port_project(tmp_path / "app")
    done = forkserver.run(
        [sys.executable, "-m", "workers_env", "dev", str(project), "--ip", ip, "--port", "0"],
        capture_output=True, text=True, env=_env(), timeout=60,
    )
    assert done.returncode == 1
    assert "Ready on" not in done.stdout
    assert done.stderr == (f"✘ [ERROR] {wranglers}\n\n\n"
                           f"(workers-env: cannot listen on {ip}:0: {reason})\n")


def test_without_port_an_address_that_cannot_be_listened_on_names_8787(tmp_path: Path) -> None:
    """wrangler dev probes its default port first, and Node's error names it (measured, review64)."""
    done = forkserver.run([sys.executable, "-m", "workers_env", "dev", str(port_project(tmp_path / "app")),
                           "--ip", "192.0.2.1"], capture_output=True, text=True, env=_env(), timeout=60)
    assert done.returncode == 1
    assert done.stderr.endswith("✘ [ERROR] listen EADDRNOTAVAIL: address not available 192.0.2.1:8787\n\n\n"
                                "(workers-env: cannot listen on 192.0.2.1:8787: no interface here has that address; "
                                "check --ip)\n")


_CI_VARIABLES = ("BUILD_ID", "BUILD_NUMBER", "CI", "CI_APP_ID", "CI_BUILD_ID", "CI_BUILD_NUMBER", "CI_NAME",
                 "CONTINUOUS_INTEGRATION", "RUN_ID")


#: what the dev process runs before dev (``python -m port_stand_ins``, :class:`_Ports`) that stands ports 8787-8798 in for ports of the test's own,
#: so that what other processes on the machine hold there (other tests' dev servers, side by side
#: under pytest-xdist, or another suite's) changes nothing: a port the test holds is one of its own
#: listening sockets (the kernel's EADDRINUSE), "EACCES" a bind refused as a security policy
#: refuses it, a free one a bind on port 0 that reads back as the port asked for; each bind's
#: port asked for is written to a file, one a line
_STAND_INS = """import errno, json, os, socket, weakref
_PORTS = {int(k): v for k, v in json.loads(os.environ["WORKERS_ENV_TEST_PORTS"]).items()}
_LOG = os.environ["WORKERS_ENV_TEST_BINDS"]
_bind, _name, _asked = socket.socket.bind, socket.socket.getsockname, weakref.WeakKeyDictionary()
def _standing_in(self, address):
    if isinstance(address, tuple) and self.family == socket.AF_INET:
        with open(_LOG, "a") as log:
            log.write(f"{address[1]}\\n")
        if address[1] in _PORTS:
            real = _PORTS[address[1]]
            if real == "EACCES":
                raise PermissionError(errno.EACCES, "Permission denied")
            _bind(self, (address[0], real))
            if real == 0:
                _asked[self] = address[1]
            return None
    return _bind(self, address)
def _named(self):
    name = _name(self)
    return (name[0], _asked[self]) if self in _asked and isinstance(name, tuple) else name
socket.socket.bind, socket.socket.getsockname = _standing_in, _named
"""


class _Ports:
    """Ports 8787-8798 for one dev process, the ``held`` ones taken: what its environment needs."""

    def __init__(self, site: Path, held: range = range(0), refused: tuple[int, ...] = ()):
        site.mkdir(exist_ok=True)
        # (run before dev, as ``python -m workers_env`` runs it: a start the fork server forks)
        (site / "port_stand_ins.py").write_text(_STAND_INS + "import runpy\n"
                                                "runpy.run_module('workers_env', run_name='__main__', alter_sys=True)\n")
        self.site, self.log = site, site / "binds.txt"
        self.log.write_text("")
        self.holders: list[socket.socket] = []
        ports: dict[int, int | str] = {}
        for port in range(8787, 8799):
            if port in refused:
                ports[port] = "EACCES"
            elif port in held:
                holder = socket.socket()
                holder.bind(("127.0.0.1", 0))
                holder.listen()
                self.holders.append(holder)
                ports[port] = holder.getsockname()[1]
            else:
                ports[port] = 0
        self.ports = ports

    def env(self, env: dict[str, str]) -> dict[str, str]:
        return {**env, "WORKERS_ENV_TEST_PORTS": json.dumps(self.ports), "WORKERS_ENV_TEST_BINDS": str(self.log)}

    def dev(self, *args: str) -> list[str]:
        """``python -m workers_env dev ARGS`` with the ports stood in (run in folder :attr:`site`)."""
        return [sys.executable, "-m", "port_stand_ins", "dev", *args]

    def binds(self) -> list[int]:
        """The ports the dev process asked to bind, in its order."""
        return [int(line) for line in self.log.read_text().split()]

    def close(self) -> None:
        for holder in self.holders:
            holder.close()


def _dev_port(project: Path, ports: _Ports, env: dict[str, str]) -> tuple[int | None, str]:
    """The port ``workers-env dev`` says it is ready on (None: it never is), and its stderr."""
    command = ports.dev(str(project), "--ip", "127.0.0.1")
    proc = forkserver.popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=ports.site)
    port = None
    try:
        for line in proc.stdout or []:
            if "Ready on" in line:
                assert line.startswith("[wrangler:info] Ready on http://127.0.0.1:")
                port = int(line.rsplit(":", 1)[1])
                break
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=60)
    return port, err


#: (environment added, ports held, ports refused with EACCES, the binds tried in order: 0 any port)
_PROBES = [
    ({}, range(0), (), [8787]),  # nothing held: 8787
    ({}, range(8787, 8789), (), [8787, 8788, 8789]),  # 8787 and 8788 held: 8789
    ({"CI": "false"}, range(8787, 8789), (), [8787, 8788, 8789]),
    ({}, range(0), (8787,), [8787, 8788]),  # 8787 refused with EACCES: 8788
    *(({name: "1"}, range(8787, 8788), (), [8787, 0]) for name in _CI_VARIABLES),  # 8787, then any
    ({}, range(8787, 8797), (), [*range(8787, 8798)]),  # ten held: the eleventh, 8797
    ({}, range(8787, 8798), (), [*range(8787, 8798), 0]),  # all eleven held: any port (8798 not tried)
]


def _probed_as_wrangler(where: object, port: int | None, tried: list[int], binds: list[int]) -> None:
    assert tried == binds, (where, tried)
    assert port == binds[-1] or binds[-1] == 0 and port not in range(8787, 8799), (where, port)


@pytest.mark.parametrize(("added", "held", "refused", "binds"), _PROBES)
def test_a_taken_8787_gives_way_to_the_next_free_port_as_wranglers_get_port(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, added: dict[str, str], held: range,
        refused: tuple[int, ...], binds: list[int]) -> None:
    """wrangler dev 4.164.0's getPort (memoizeGetPort): 8787 when free, else the first free one
    of 8788 to 8797, silently (measured: ``Ready on http://localhost:8788``), then on any free port
    (not 8798); a port it may not bind (EACCES) passed over as a taken one (get-port's
    ``['EADDRINUSE', 'EACCES']``); under CI (ci-info's isCI: any of its generic variables;
    ``CI=false`` says no) it tries 8787 alone. Each case asks dev's probe in this process, with
    :data:`_STAND_INS` run here (test_dev_runs_its_port_probe_on_its_own_environment runs the
    dev process itself)."""
    from workers_env.cli import dev

    ports = _Ports(tmp_path / "site", held, refused)
    for name in _CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**ports.env({}), **added}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(socket.socket, "bind", socket.socket.bind)  # restored after the test
    monkeypatch.setattr(socket.socket, "getsockname", socket.socket.getsockname)
    exec(_STAND_INS, {})
    try:
        sockets = dev._listen("127.0.0.1", None)
    finally:
        ports.close()
    port = sockets[0].getsockname()[1]
    for sock in sockets:
        sock.close()
    _probed_as_wrangler((added, held, refused), port, ports.binds(), binds)


@pytest.mark.parametrize("case", [1, 3, 4])  # two held, EACCES, under CI ("BUILD_ID")
def test_dev_runs_its_port_probe_on_its_own_environment(tmp_path: Path, case: int) -> None:
    """The same probe, through a ``workers-env dev`` process (:data:`_STAND_INS` run in it before
    dev): the port it is ready on, nothing said of the ports passed over."""
    added, held, refused, binds = _PROBES[case]
    quiet = {k: v for k, v in _env().items() if k not in _CI_VARIABLES}
    ports = _Ports(tmp_path / "site", held, refused)
    try:
        port, err = _dev_port(port_project(tmp_path / "app"), ports, ports.env({**quiet, **added}))
    finally:
        ports.close()
    assert port is not None and "Address already in use" not in err, (added, err)
    _probed_as_wrangler((added, held, refused), port, ports.binds(), binds)


def test_a_taken_8787_given_with_port_is_the_error(tmp_path: Path) -> None:
    ports = _Ports(tmp_path / "site", range(8787, 8788))
    try:
        done = forkserver.run(ports.dev(str(port_project(tmp_path / "app")), "--ip", "127.0.0.1", "--port", "8787"),
                              capture_output=True, text=True, env=ports.env(_env()), cwd=ports.site, timeout=60)
    finally:
        ports.close()
    assert done.returncode == 1 and "Address already in use (127.0.0.1:8787)" in done.stderr
    assert ports.binds() == [8787]


def test_a_privileged_port_without_the_privilege_is_a_clear_error(tmp_path: Path) -> None:
    """A port below the kernel's ip_unprivileged_port_start (1024) needs CAP_NET_BIND_SERVICE:
    root is run without it (setpriv drops it from the bounding set), anyone else lacks it."""
    project = port_project(tmp_path / "app")
    start = int(Path("/proc/sys/net/ipv4/ip_unprivileged_port_start").read_text())
    assert start > 80, "this kernel lets anyone listen on port 80"
    drop = ["setpriv", "--bounding-set", "-net_bind_service"] if os.geteuid() == 0 else []
    done = subprocess.run(
        [*drop, sys.executable, "-m", "workers_env", "dev", str(project), "--ip", "127.0.0.1", "--port", "80"],
        capture_output=True, text=True, env=_env(), timeout=60,
    )
    assert done.returncode == 1
    assert "Ready on" not in done.stdout
    assert done.stderr == ('✘ [ERROR] Socket "entry": bind(): Permission denied (os error 13)\n\n\n'
                                            "(workers-env: cannot listen on 127.0.0.1:80: ports below 1024 need "
                                            "privileges; use --port 8787)\n")


@pytest.mark.parametrize(("files", "shown", "where"), [
    ({"src/entry.py": "def f(:\n    pass\n"}, "SyntaxError", 'src/entry.py", line 1'),
    ({"src/entry.py": "import helper\n", "src/helper.py": "def boom():\n    raise RuntimeError('no key')\nboom()\n"},
     "RuntimeError: no key", 'src/helper.py", line 2, in boom'),
    ({"src/entry.py": "import sys\nsys.exit(3)\n"}, "SystemExit: 3", 'src/entry.py", line 2'),
])
def test_a_worker_that_fails_to_load_shows_its_own_frames_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str],
                                                               files: dict[str, str], shown: str, where: str) -> None:
    """As Python prints it, minus workers-env's and importlib's frames; exit 1, never Ready. Run
    in-process, as cli_helpers runs a command (``__main__`` is ``sys.exit(main())``): the load is the
    point, not the process; a dev that went on to serve fails at its bind instead."""
    never_serving(monkeypatch)
    project = make_project(tmp_path / "app")
    for name, text in files.items():
        (project / name).write_text(text)
    done = run_main(capsys, "dev", str(project), "--ip", "127.0.0.1", "--port", "0")
    assert done.returncode == 1 and "Ready on" not in done.stdout
    assert done.stderr.startswith(VECTORIZE_NOTE + "workers-env dev: the Worker failed to load:\n")
    assert shown in done.stderr and where in done.stderr
    assert "importlib" not in done.stderr and "workers_env" not in done.stderr.replace("workers-env dev", "")


def test_port_0_serves_on_a_free_port_and_ready_names_it(tmp_path: Path) -> None:
    project = port_project(tmp_path / "app")
    proc = forkserver.popen(
        [sys.executable, "-m", "workers_env", "dev", str(project), "--ip", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )
    try:
        assert proc.stdout is not None
        loaded = proc.stdout.readline()
        while not loaded.startswith("Loaded ") and loaded:  # after the Worker's bindings table
            loaded = proc.stdout.readline()
        assert loaded.startswith("Loaded dev-test")
        ready = proc.stdout.readline().strip()
        assert ready.startswith("[wrangler:info] Ready on http://127.0.0.1:")
        port = int(ready.rsplit(":", 1)[1])
        assert port != 0
        # printed only once the server accepts: the very next request is served
        assert request(f"http://127.0.0.1:{port}/nowhere")[0] == 404
    finally:
        proc.terminate()
        proc.communicate(timeout=TIMEOUT)


# -- methods ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("method", [b"FOO", b"get"])
def test_a_method_workerd_does_not_know_gets_its_501(tmp_path: Path, method: bytes) -> None:
    with BackgroundServer(load_worker(make_project(tmp_path))) as server:
        raw = exchange(server.port, method + b" /echo HTTP/1.1\r\nHost: x\r\n\r\n")
        status, headers, body = split_answer(raw)
        assert status == "HTTP/1.1 501 Not Implemented"
        assert (headers["connection"], headers["content-type"]) == ("close", "text/plain")
        assert body == b"ERROR: Unrecognized request method."
        assert request(server.url + "/echo", method="PUT", body=b"still serving")[2] == b"still serving"


def test_every_method_workerd_knows_reaches_the_worker(tmp_path: Path) -> None:
    assert {"GET", "POST", "PURGE", "PROPFIND", "UNSUBSCRIBE"} <= KNOWN_METHODS
    with BackgroundServer(load_worker(make_project(tmp_path))) as server:
        for method in ("GET", "DELETE", "OPTIONS", "PATCH"):
            assert request(server.url + "/echo", method=method)[1]["x-method"] == method
        # PURGE reaches the worker; the SDK's `request.method` (HTTPMethod[...]) has no PURGE,
        # so reading it raises in production too: the worker's error, a 500
        assert request(server.url + "/echo", method="PURGE")[0] == 500


# -- request body limit -----------------------------------------------------------------------------
def test_the_body_limit_is_cloudflares_100_mb() -> None:
    assert MAX_BODY_BYTES == 100 * 1024 * 1024


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_bodies_over_the_limit_get_413_and_at_the_limit_pass(tmp_path: Path, chunked: bool,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    limit = 4096
    caplog.set_level(logging.WARNING)
    with BackgroundServer(load_worker(make_project(tmp_path)), max_body_bytes=limit) as server:
        def post(size: int) -> bytes:
            payload = b"x" * size
            if chunked:
                framed = b"Transfer-Encoding: chunked\r\n\r\n" + b"%x\r\n" % size + payload + b"\r\n0\r\n\r\n"
            else:
                framed = b"Content-Length: %d\r\n\r\n" % size + payload
            return exchange(server.port, b"POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + framed)

        status, headers, body = split_answer(post(limit + 1))
        assert status == "HTTP/1.1 413 Request Entity Too Large"
        assert headers["connection"] == "close" and headers["content-type"] == "text/html"
        assert b"<title>413 Request Entity Too Large</title>" in body and b"cloudflare" in body
        assert "Refused POST /echo: the request body is over 4096 bytes" in caplog.messages
        status, _, body = split_answer(post(limit))
        assert status == "HTTP/1.1 201 Created" and body == b"x" * limit


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(tmp_path: Path) -> None:
    with BackgroundServer(load_worker(make_project(tmp_path)), max_body_bytes=1000) as server:
        # only the headers go out; the 413 comes back without waiting for a byte of the body
        raw = exchange(server.port, b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n")
        assert raw.startswith(b"HTTP/1.1 413 Request Entity Too Large\r\n")


# -- idle connections ---------------------------------------------------------------------------------
def test_header_timeout_is_kjs_15_seconds() -> None:
    assert HEADER_TIMEOUT == 15.0


def test_connections_that_send_no_headers_get_408_and_are_closed(tmp_path: Path) -> None:
    """A bounded stand-in for 1,000 half-open connections: 20 idle sockets, 0.5 s timeout."""
    with BackgroundServer(load_worker(make_project(tmp_path)), header_timeout=0.5) as server:
        idle = [socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) for _ in range(20)]
        idle[0].sendall(b"GET /echo HTTP/1.1\r\nHo")  # half a request counts the same
        started = time.monotonic()
        try:
            for sock in idle:
                raw = b""
                while chunk := sock.recv(65536):  # returns b"" once the server closes
                    raw += chunk
                status, headers, body = split_answer(raw)
                assert status == "HTTP/1.1 408 Request Timeout" and headers["connection"] == "close"
                assert body == b"ERROR: Your client took too long to send HTTP headers."
        finally:
            for sock in idle:
                sock.close()
        assert time.monotonic() - started < 5
        # a prompt client is not affected
        assert request(server.url + "/echo", method="PUT", body=b"ok")[2] == b"ok"


def test_an_idle_keep_alive_connection_is_closed_without_a_word(tmp_path: Path) -> None:
    with BackgroundServer(load_worker(make_project(tmp_path)), header_timeout=5, keep_alive_timeout=0.3) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
            sock.sendall(b"GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
            started = time.monotonic()
            raw = b""
            while chunk := sock.recv(65536):
                raw += chunk
            assert time.monotonic() - started < 3
        assert raw.startswith(b"HTTP/1.1 404 ") and raw.endswith(b"not found")  # nothing after the response
