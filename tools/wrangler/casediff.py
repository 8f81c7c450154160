"""What the case differentials of this folder share (``jsapi_differential.py``,
``webcrypto_differential.py``, ``fetch_url_differential.py``, ``fetch_redirect_differential.py``):
run the cases in a JavaScript Worker under ``wrangler dev`` and in a Python Worker under
workers-env, a local origin for their fetches, and report the answers side by side. Not
collected by pytest."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def dying_with_this_tool() -> Callable[[], None]:
    """A ``preexec_fn`` for a server started in a session of its own (``start_new_session``, so
    that :func:`stop_group` ends it with its children): the kernel sends it SIGTERM when this
    tool's process ends, however it ends (Linux's ``PR_SET_PDEATHSIG``). Without it a tool killed
    from outside -- SIGKILL, or a signal to the tool's process group, which the new session is
    out of -- left its server running (a ``workers-env dev`` of dev_log_level_differential, session 49)."""
    parent = os.getpid()

    def arm() -> None:
        if sys.platform.startswith("linux"):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
            if os.getppid() != parent:  # the tool ended before the call took effect
                os.kill(os.getpid(), signal.SIGTERM)
    return arm


def stop_group(proc: subprocess.Popen[Any], seconds: float = 15) -> None:
    """End ``proc``'s process group (a server started with ``start_new_session``): SIGTERM, then
    SIGKILL after ``seconds``."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=seconds)
    except ProcessLookupError:  # it had exited already
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def ending_on_signals() -> None:
    """SIGTERM and SIGHUP end this tool as Ctrl+C does, by an exception, so that its ``finally``
    blocks stop the servers it started (by default either signal ends Python at once)."""
    def end(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, end)


#: what a JavaScript twin of such a Worker may begin with: ``tick()`` (20 ms) and ``text(e)``
JS_HELPERS = '''
const tick = () => new Promise((r) => setTimeout(r, 20));
const text = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${String(e)}`);
'''

#: the end of a JavaScript twin whose ``CASES`` are async functions by name (and which defines
#: ``text(e)``): a POST of a list of names answers each case's value, or ``"threw " + text(e)``
JS_RUN_CASES = '''export default {
  async fetch(request) {
    if (request.method !== "POST") return new Response("ready");
    const out = [];
    for (const name of await request.json()) {
      try { out.push(await CASES[name]()); } catch (e) { out.push("threw " + text(e)); }
    }
    return Response.json(out);
  },
};
'''


#: what a Python twin of such a Worker shares (after its imports of ``Object``, ``JsException``,
#: ``to_js``): ``obj(**fields)``, a JavaScript object of its keyword arguments, and ``text(e)``
PY_HELPERS = '''

def obj(**fields):
    return to_js(fields, dict_converter=Object.fromEntries)


def text(e):
    return f"{e.name}: {e.message}" if isinstance(e, JsException) else f"{type(e).__name__}: {e}"
'''

#: the end of a Python twin whose ``CASES`` are coroutine functions by name, as :data:`JS_RUN_CASES`
PY_RUN_CASES = '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for name in json.loads(await request.text()):
            try:
                out.append(await CASES[name]())
            except Exception as e:
                out.append("threw " + text(e))
        return Response(json.dumps(out))
'''


def report_cases(names: list[str], theirs: list[Any], ours: list[Any], apart: dict[str, str] | None = None) -> int:
    """Print each case's two answers side by side (``apart``: cases whose twins cannot say the
    same thing, and why) and the count; 0 when every other case agrees, else 1."""
    apart = apart or {}
    width = max(map(len, names), default=0) + 2
    same = 0
    for name, a, b in zip(names, theirs, ours):
        agree = json.dumps(a) == json.dumps(b)
        same += agree
        mark = "same" if agree else ("apart: " + apart[name]) if name in apart else "DIFFERENT"
        print(f"{name:{width}}{mark}\n  workerd:     {json.dumps(a)}\n  workers-env: {json.dumps(b)}")
    print(f"{same} / {len(names)} the same")
    return 0 if all(json.dumps(a) == json.dumps(b) or n in apart for n, a, b in zip(names, theirs, ours)) else 1


def raw_get_json(port: int, path: str, timeout: float = 30) -> Any:
    """The JSON body of ``GET path`` from ``127.0.0.1:port``, over a raw socket closed after it."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".encode())
        got = b""
        while piece := sock.recv(65536):
            got += piece
    return json.loads(got.partition(b"\r\n\r\n")[2])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrangler_version(directory: str) -> str:
    """The version of the wrangler installed in ``directory`` (``install.sh``'s
    ``WORKERS_ENV_WRANGLER_DIR``), from its ``package.json``, for a tool's report to name the
    wrangler it ran rather than a fixed one."""
    return json.loads((Path(directory) / "node_modules" / "wrangler" / "package.json").read_text())["version"]


@dataclass
class DevSession:
    """A running ``wrangler dev``: its URL, the app folder it serves (edit ``src/index.js`` to
    reload it) and the file its output goes to."""

    url: str
    app: Path
    log: Path

    def post(self, calls: list[Any], path: str = "") -> Any:
        """POST ``calls`` as JSON to ``path`` and return the JSON answer."""
        request = urllib.request.Request(self.url + path, data=json.dumps(calls).encode(), method="POST",
                                         headers={"content-type": "application/json"})
        with urllib.request.urlopen(request, timeout=300) as r:
            return json.loads(r.read())

    def wait_ready(self, proc: subprocess.Popen[bytes] | None = None, seconds: float = 120) -> None:
        """Wait until a GET answers ``ready``."""
        deadline = time.monotonic() + seconds
        while True:
            if proc is not None and proc.poll() is not None:
                raise SystemExit("the dev server exited:\n" + self.log.read_text())
            try:
                with urllib.request.urlopen(self.url, timeout=5) as r:
                    if r.read() == b"ready":
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"the dev server did not answer in {seconds:g} s:\n" + self.log.read_text())
            time.sleep(0.5)


@contextlib.contextmanager
def wrangler_dev(worker_js: str, name: str, compatibility_date: str, compatibility_flags: tuple[str, ...] = (),
                 extra_config: str = "", *, wait: bool = True) -> Iterator[DevSession]:
    """``worker_js`` served by ``wrangler dev`` (local workerd) for the ``with`` block; the Worker
    answers ``ready`` to a GET once it is up (``wait=False``: not waited for, for a config
    wrangler refuses). ``extra_config`` is appended to its ``wrangler.toml``. The Worker is
    served with ``no_bundle = true``, as wrangler serves every Python Worker
    (``applyPythonConfig``): without the ``checked-fetch`` wrapper of ``fetch`` and the dev
    middleware (request body drain, Miniflare's JSON error) wrangler's bundler adds, none of which
    a Python Worker (or production) has."""
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as folder:
        tmp = Path(folder)
        app = tmp / "app"
        (app / "src").mkdir(parents=True)
        (app / "src" / "index.js").write_text(worker_js)
        (app / "wrangler.toml").write_text(f'name = "{name}"\nmain = "src/index.js"\n'
                                            f'compatibility_date = "{compatibility_date}"\n'
                                            f"compatibility_flags = {json.dumps(list(compatibility_flags))}\n"
                                            + ("" if "no_bundle" in extra_config else "no_bundle = true\n")
                                            + extra_config)
        port, inspector = _free_port(), _free_port()
        log = (tmp / "wrangler.log").open("w")
        proc = subprocess.Popen([str(HERE / "wrangler"), "dev", "--ip", "127.0.0.1", "--port", str(port),
                                 "--inspector-port", str(inspector), "--show-interactive-dev-session=false"],
                                cwd=app, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=dying_with_this_tool(),
                                env={**os.environ, "XDG_CONFIG_HOME": str(tmp / "config")})
        session = DevSession(f"http://127.0.0.1:{port}/", app, tmp / "wrangler.log")
        try:
            if wait:
                session.wait_ready(proc)
            yield session
        finally:
            stop_group(proc)  # (it may have exited already: not installed, a bad config, ...)
            log.close()


def python_worker_folder(root: Path, source: str, compatibility_date: str, name: str = "w") -> Path:
    """``root`` holding the Python Worker ``source`` (dedented) as ``src/entry.py`` and a
    ``wrangler.toml`` naming it, dated ``compatibility_date``, with the ``python_workers`` flag."""
    (root / "src").mkdir()
    (root / "src" / "entry.py").write_text(textwrap.dedent(source))
    (root / "wrangler.toml").write_text(f'name = "{name}"\nmain = "src/entry.py"\ncompatibility_date = '
                                        f'"{compatibility_date}"\ncompatibility_flags = ["python_workers"]\n')
    return root


@contextlib.contextmanager
def workers_env_dev(source: str, name: str, compatibility_date: str, pyproject: str = "") -> Iterator[DevSession]:
    """The Python Worker ``source`` (dedented; it answers ``ready`` to a GET of ``/``) served by
    ``workers-env dev`` of the tree on ``PYTHONPATH`` (made absolute: the server runs in its own
    folder) for the ``with`` block, as :func:`wrangler_dev` serves a JavaScript twin;
    ``pyproject``: its ``pyproject.toml``, if any."""
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as folder:
        app = python_worker_folder(Path(folder), source, compatibility_date, name)
        if pyproject:
            (app / "pyproject.toml").write_text(pyproject)
        path = os.pathsep.join(str(Path(part).resolve()) for part in os.environ.get("PYTHONPATH", "").split(os.pathsep)
                               if part)
        port = _free_port()
        log = (app / "dev.log").open("w")
        proc = subprocess.Popen([sys.executable, "-m", "workers_env", "dev", "--ip", "127.0.0.1", "--port", str(port)],
                                cwd=app, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=dying_with_this_tool(),
                                env={**os.environ, "XDG_CONFIG_HOME": str(app / "config"),
                                     **({"PYTHONPATH": path} if path else {})})
        session = DevSession(f"http://127.0.0.1:{port}/", app, app / "dev.log")
        try:
            session.wait_ready(proc)
            yield session
        finally:
            stop_group(proc)
            log.close()


def run_under_wrangler_dev(worker_js: str, name: str, compatibility_date: str, calls: list[Any],
                           compatibility_flags: tuple[str, ...] = (), extra_config: str = "") -> list[Any]:
    """POST ``calls`` (JSON) to ``worker_js`` served by :func:`wrangler_dev` and return its JSON answer."""
    with wrangler_dev(worker_js, name, compatibility_date, compatibility_flags, extra_config) as session:
        return session.post(calls)


def report_twins(js_worker: str, py_worker: str, name: str, names: list[str], date: str, py_date: str) -> int:
    """Run the cases ``names`` in the JavaScript twin under wrangler dev (``date``) and in the
    Python twin under workers-env (``py_date``), and :func:`report_cases` them."""
    theirs = run_under_wrangler_dev(js_worker, name, date, names)
    ours = run_python_worker(py_worker, name, py_date, names)
    return report_cases(names, theirs, ours)


def run_python_worker(source: str, name: str, compatibility_date: str, calls: list[Any]) -> list[Any]:
    """workers-env's side of :func:`run_under_wrangler_dev`: POST ``calls`` (JSON) to the Python
    Worker ``source`` (dedented; its ``fetch`` answers them) loaded at ``compatibility_date`` with
    the ``python_workers`` flag, and return its JSON answer (the caller puts the repository on
    ``sys.path``)."""
    from workers_env import load_worker

    with tempfile.TemporaryDirectory(prefix=f"{name}-") as folder:
        worker = load_worker(python_worker_folder(Path(folder), source, compatibility_date))

        async def scenario() -> list[Any]:
            resp = await worker.fetch("/", method="POST", body=json.dumps(calls))
            return json.loads(await resp.text())

        return asyncio.run(scenario())


def without_reference(value: Any) -> str:
    """``value`` as JSON, equal on both sides but for the random id of workerd's ``internal error;
    reference = ...``."""
    return re.sub(r"reference = \w+", "reference = ...", json.dumps(value))


class RawOrigin(ABC):
    """A local origin on a raw socket (it sees a request line as sent, which ``http.server``
    would refuse or rewrite): each connection is handed to :meth:`answer` in its own thread."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            data = b""
            while b"\r\n\r\n" not in data:
                try:
                    chunk = conn.recv(65536)
                except OSError:  # a client that never finished its head (a refused fetch's)
                    return
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            self.answer(conn, head.decode("latin-1").split("\r\n"), body)

    @abstractmethod
    def answer(self, conn: socket.socket, head: list[str], body: bytes) -> None:
        """Answer on ``conn`` the request whose head lines are ``head`` (the request line first)
        and whose body starts with ``body`` (each script's origin defines it)."""


def own_class(value: Any) -> str:
    """workers-env's own class name of ``value``: a JS value's class reads as Pyodide's
    (``__name__``/``__qualname__`` ``JsProxy``), its own name kept in ``_own_name``."""
    cls = type(value)
    return getattr(cls, "_own_name", ("", cls.__qualname__))[1]


def print_cases(labels: list[str], why: dict[int, str], theirs: list[Any], ours: list[Any], *,
                key: Callable[[Any], Any], show: Callable[[Any], str], theirs_name: str,
                show_all: bool = False) -> list[bool]:
    """Print every unexpected difference, then the expected ones (a case in ``why`` may differ
    on purpose); return whether each case agreed (``key`` of both sides equal)."""
    width = max(len(theirs_name), len("workers-env")) + 2  # the answers line up after the names
    agreed: list[bool] = []
    expected_lines = []
    for i, (label, x, y) in enumerate(zip(labels, theirs, ours, strict=True)):
        agreed.append(key(x) == key(y))
        if agreed[-1]:
            if show_all:
                print(f"SAME #{i} {label}\n  {'both:':<{width}}{show(x)}")
            if i in why:
                expected_lines.append(f"EXPECTED DIFFERENCE DID NOT SHOW #{i} {label}  ({why[i]})")
            continue
        lines = f"#{i} {label}\n  {theirs_name + ':':<{width}}{show(x)}\n  {'workers-env:':<{width}}{show(y)}"
        if i in why:
            expected_lines.append(f"EXPECTED {lines}\n  why: {why[i]}")
        else:
            print(f"DIFF {lines}")
    for line in expected_lines:
        print(line)
    return agreed


def report(cases: list[Any], theirs: list[Any], ours: list[Any], *, label: Callable[[Any], str],
           normalise: Callable[[Any], Any] = lambda value: value, width: int = 400, show_all: bool = False) -> int:
    """Print every unexpected difference, then the expected ones, then the count; exit status 1
    if anything differed unexpectedly. A case written ``{"call": [...], "expected": "why"}``
    may differ on purpose."""
    calls = [c["call"] if isinstance(c, dict) else c for c in cases]
    expected = {i: c["expected"] for i, c in enumerate(cases) if isinstance(c, dict)}

    def key(value: Any) -> str:
        return json.dumps(normalise(value), sort_keys=True)

    agreed = print_cases([label(c) for c in calls], expected, theirs, ours, key=key,
                         show=lambda value: key(value)[:width], theirs_name="workerd", show_all=show_all)
    same = sum(agreed)
    differ = sum(1 for i, ok in enumerate(agreed) if not ok and i not in expected)
    print(f"{same}/{len(calls)} cases give the same result or error text as workerd (wrangler dev); "
          f"{differ} unexpected differences, {len(expected)} cases allowed to differ ({len(expected)} listed above)")
    return 1 if differ else 0
