"""Shared by the runtime tests: a one-file Python Worker project in a folder, and its JSON answer."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import http.server
import importlib.util
import json
import socket
import sys
import textwrap
import threading
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from workers_env import load_worker

#: the ``pyproject.toml`` of a Python Worker project as ``pywrangler init`` and every
#: ``cloudflare/python-workers-examples`` folder have it: pywrangler (``workers-py``) a dev
#: dependency, so ``uv run pywrangler deploy`` vendors ``workers-runtime-sdk``
PYPROJECT = """\
[project]
name = "w"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = []

[dependency-groups]
dev = ["workers-py", "workers-runtime-sdk"]
"""


#: the smallest Worker: ``Default.fetch`` answering "up"
HELLO = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")
'''

#: a Worker answering each request with its URL, as the Worker saw it
URL_ECHO = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(request.url)
'''


def held_back_module(name: str) -> types.ModuleType:
    """Module ``name`` (found on ``sys.path``) put in ``sys.modules`` as ``importlib.util.LazyLoader``
    holds it back: its code runs only when an attribute of it is first read."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one_file_worker(folder: Path, entry: str, *, date: str = "2026-05-01", extra: str = "",
                    flags: Iterable[str] = (), pyproject: bool = True) -> Path:
    """``folder`` holding ``src/entry.py`` (``entry``, dedented) and a ``wrangler.toml`` dated
    ``date`` with the ``python_workers`` flag and ``flags`` (``extra`` appended to it), and, with
    ``pyproject``, :func:`typical_pyproject`'s (without one, a Worker of the external-SDK era has
    no SDK deployed and does not start); returns the folder."""
    (folder / "src").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "entry.py").write_text(textwrap.dedent(entry))
    listed = ", ".join(f'"{flag}"' for flag in ("python_workers", *flags))
    (folder / "wrangler.toml").write_text(
        f'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = [{listed}]\n'
        + extra
    )
    return typical_pyproject(folder) if pyproject else folder


def sdk_worker(folder: Path, entry: str, sdk: str | None, *, date: str = "2026-08-01") -> Path:
    """:func:`one_file_worker` whose project says which workers-runtime-sdk production runs
    (``[tool.workers-env] python-sdk = sdk``; ``None``: one_file_worker's project as it is);
    returns the folder."""
    one_file_worker(folder, entry, date=date)
    if sdk is not None:
        (folder / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return folder


#: workerd 2026-11-17's ``TOP_LEVEL_ENTROPY_ERROR`` (``topLevelEntropy/allow_entropy.py``): the
#: text of ``OSError(29, ...)`` at a draw of entropy, and the end of a blocked call's message, while
#: a Worker's top level runs
TOP_LEVEL_ENTROPY_ERROR = (
    "Randomness is not allowed while a Worker is starting because startup "
    "values will be repeated across Worker instances, making them predictable. "
    "If this error occurs from importing a package, import the package from a "
    "function to load it after the Worker starts."
)


#: A Worker whose ``fetch`` starts a promise chain that never ends: ``step`` (its handler, a
#: ``PyodideFuture``'s ``then``) appends to ``STEPS`` and chains itself again, each reaction a task
ENDLESS_CHAIN = """
from js import Promise
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

STEPS = []


def step(_=None):  # a PyodideFuture's then, for ever
    STEPS.append(1)
    return Promise.resolve().then(proxy)


proxy = create_proxy(step)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        step()
        return Response("answered")
"""


#: Worker source (``import asyncio`` before it): ``await pair(call, log)`` gathers two tasks, each
#: awaiting ``call()`` once and logging ``a1``/``b1`` before and ``a2``/``b2`` after (``a!``/``b!``
#: where it raised): ``a1 b1 a2 b2`` when the await suspends the task, as awaiting a JavaScript
#: promise does under Pyodide, ``a1 a2 b1 b2`` where it does not
GATHERED_PAIR = """
async def pair(call, log):
    async def task(label):
        log.append(label + "1")
        try:
            await call()
        except Exception:
            log.append(label + "!")
        else:
            log.append(label + "2")

    await asyncio.gather(task("a"), task("b"))
"""


#: Worker source: ``twice(call, log, turns=4)``, a task awaiting ``call()`` twice (``a1 a2 a3``, ``E``
#: for a rejection) gathered beside one counting ``turns`` ``asyncio.sleep(0)`` loop turns (``c0``
#: ...): where each await's wake-up falls among the loop's turns. Needs ``import asyncio``
AWAITED_TWICE = """
async def twice(call, log, turns=4):
    async def task():
        log.append("a1")
        for n in (2, 3):
            try:
                await call()
            except Exception:
                log.append("E")
            log.append(f"a{n}")

    async def counter():
        for i in range(turns):
            log.append(f"c{i}")
            await asyncio.sleep(0)

    await asyncio.gather(task(), counter())
"""


#: Worker source: the SDK's imports and ``attempt(name)``, which imports module ``name`` and says
#: ``"ran"`` or the error's type and errno (``"OSError: 29"``: a draw of entropy refused)
ATTEMPT_IMPORT = """
from workers import Response, WorkerEntrypoint

def attempt(name):
    try:
        __import__(name)
        return "ran"
    except Exception as e:
        return f"{type(e).__name__}: {getattr(e, 'errno', e)}"
"""


def attempting_worker(folder: Path, names: Iterable[str]) -> Path:
    """:func:`one_file_worker` whose top level attempts to import each of ``names`` (:data:`ATTEMPT_IMPORT`)
    and whose ``fetch`` answers the outcomes, a JSON list; returns the folder."""
    return one_file_worker(folder, ATTEMPT_IMPORT + f"""
AT_TOP = [attempt(name) for name in {list(names)!r}]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json(AT_TOP)
""")


#: Worker source: a FastAPI app whose ``asynccontextmanager`` lifespan prints ``lifespan started``
#: and, after its ``yield``, ``lifespan cleaned up``, served by ``asgi.fetch``
FASTAPI_LIFESPAN_WORKER = """
from contextlib import asynccontextmanager

from fastapi import FastAPI
from workers import WorkerEntrypoint


@asynccontextmanager
async def lifespan(app):
    print("lifespan started")
    try:
        yield
    finally:
        print("lifespan cleaned up")


app = FastAPI(lifespan=lifespan)


@app.get("/")
async def root():
    return {"ok": True}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi
        return await asgi.fetch(app, request, self.env)
"""


#: Worker source: an ASGI app's lifespan half, each message completed (``return await
#: lifespan(receive, send)`` when ``scope["type"]`` is ``"lifespan"``)
ASGI_LIFESPAN = """
async def lifespan(receive, send):
    while True:
        message = await receive()
        await send({"type": message["type"] + ".complete"})
        if message["type"] == "lifespan.shutdown":
            return
"""


#: Worker source around an ASGI ``app`` that notes in ``SEEN`` what its ``send`` raised: before
#: it, the imports, ``SEEN`` and :data:`ASGI_LIFESPAN`; after it, a ``Default`` entrypoint serving
#: ``app`` whose ``/seen`` answers the notes
ASGI_SEEN_BEFORE = """
import asyncio

import asgi
from workers import Response, WorkerEntrypoint

SEEN = []
""" + ASGI_LIFESPAN
ASGI_SEEN_AFTER = """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/seen"):
            return Response(" | ".join(SEEN))
        return await asgi.fetch(app, request, self.env, self.ctx)
"""


#: Worker source: a raw ASGI app whose lifespan, at its first message, sends ``FAILED`` (fill in
#: with ``% (message,)``); it serves ``served``
ASGI_LIFESPAN_FAILS = '''
from workers import WorkerEntrypoint

FAILED = %r


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        await receive()
        await send(FAILED)
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"served"})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request, self.env)
'''

#: :data:`ASGI_LIFESPAN_FAILS`' app, completing the startup, then sending FAILED for the shutdown
ASGI_SHUTDOWN_FAILS = ASGI_LIFESPAN_FAILS.replace(
    "        await receive()\n        await send(FAILED)\n",
    "        await receive()\n        await send({'type': 'lifespan.startup.complete'})\n"
    "        await receive()\n        await send(FAILED)\n")


#: a Worker serving a raw ASGI app (no FastAPI to import, no third-party cache to hold it) whose
#: lifespan is an ``asynccontextmanager`` printing as it starts and as it is left (``lifespan
#: cleaned up``: code production never runs)
RAW_LIFESPAN_WORKER = """
from contextlib import asynccontextmanager

from workers import WorkerEntrypoint


@asynccontextmanager
async def lifespan():
    print("lifespan started")
    try:
        yield
    finally:
        print("lifespan cleaned up")


class App:
    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            await receive()
            async with lifespan():
                await send({"type": "lifespan.startup.complete"})
                await receive()
            await send({"type": "lifespan.shutdown.complete"})
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


app = App()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi
        return await asgi.fetch(app, request, self.env)
"""


def read_until(sock: socket.socket, marker: bytes) -> bytes:
    """What ``sock`` receives up to and with ``marker`` (fails if the peer closes first)."""
    got = b""
    while marker not in got:
        chunk = sock.recv(65536)
        assert chunk, got
        got += chunk
    return got


def read_to_the_end(sock: socket.socket, marker: bytes = b"\r\n\r\n") -> bytes:
    """What ``sock`` receives until the peer closes the connection (``marker`` must come first)."""
    got = read_until(sock, marker)
    while chunk := sock.recv(65536):
        got += chunk
    return got


def interpreters_unhashable(operation: Callable[[], object], type_name: str = "list") -> str:
    """The TypeError ``operation`` (which puts a plain ``list`` where a hash is needed) raises, in
    the running interpreter's words, with the list's type read as ``type_name``: CPython 3.14's
    set and dict say ``cannot use 'list' as a set element (unhashable type: 'list')`` where 3.13
    and earlier (Pyodide 0.26, 0.28) say ``unhashable type: 'list'`` -- the interpreter's wording
    (README: under a newer interpreter Python's own messages read as that interpreter writes
    them), not the type name the tests pin."""
    try:
        operation()
    except TypeError as exc:
        return str(exc).replace("'list'", f"'{type_name}'")
    raise AssertionError("a list became hashable")


#: Worker source for the stream tests: ``await outcome(promise)`` is ``"resolved"`` or the
#: rejection's text, so a Worker can report how each of its promises settled.
OUTCOME = """
async def outcome(awaitable):
    try:
        await awaitable
        return "resolved"
    except Exception as exc:
        return str(exc)
"""

#: Worker source for ``await outcome(call)``: ``"sent"`` when the fetch ``call`` resolves, else the
#: text of its rejection, so a Worker can report which of its fetches went out.
SENT_OUTCOME = """
async def outcome(call):
    try:
        await call
        return "sent"
    except Exception as exc:
        return str(exc)
"""

#: Worker source for ``await outcome(awaitable)``: what the awaitable settles with (``to_py()`` of a
#: JS value), else the first line of the rejection's text -- for the ``Promise`` combinator tests.
SETTLED_VALUE = """
async def outcome(awaitable):
    try:
        value = await awaitable
    except Exception as exc:
        return str(exc).splitlines()[0]
    return value.to_py() if hasattr(value, "to_py") else value
"""

#: Worker source for ``attempt(make)``: ``"made"`` when ``make()`` returns, else the text of what
#: it raised, so a Worker can report which constructions workerd would refuse and how.
ATTEMPT = """
def attempt(make):
    try:
        make()
        return "made"
    except Exception as exc:
        return str(exc)
"""

#: Worker source for ``outcome(call)``: the ``repr`` of what ``call()`` returns, else ``"<error
#: type>: <message>"``, so a Worker can report what each call gives it.
REPR_OUTCOME = """
def outcome(call):
    try:
        return repr(call())
    except Exception as error:
        return f"{type(error).__name__}: {error}"
"""

#: Worker source for ``error_of(call)``: ``None`` when ``call()`` returns, else ``"<error type>:
#: <message>"``, so a Worker can report which of its calls refuse and how.
ERROR_OF = """
def error_of(call):
    try:
        call()
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return None
"""

#: ``wrangler.toml`` lines binding a KV namespace ``KV``, a D1 database ``DB`` and Workers AI ``AI``
KV_D1_AI = """
[[kv_namespaces]]
binding = "KV"
id = "0123456789abcdef0123456789abcdef"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000000"

[ai]
binding = "AI"
"""

#: Worker source for ``record(**members)``, a JavaScript object of the members (the Worker imports
#: ``Object`` and ``to_js``), and ``tried(make)``: what ``make()`` returns, else the text of what it
#: raised, so a Worker can report what each call of a Web API gives it.
RECORD_AND_TRIED = """
def record(**members):
    return to_js(members, dict_converter=Object.fromEntries)


def tried(make):
    try:
        return make()
    except Exception as error:
        return str(error)
"""

#: Worker source for ``attempt(code)``: the ``repr`` of the ``result`` that ``exec(code)`` leaves,
#: else ``"<error type>: <message>"``, so a Worker can report what each import gives it.
EXEC_ATTEMPT = """
def attempt(code):
    scope = {}
    try:
        exec(code, scope)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return repr(scope.get("result"))
"""

#: Worker source for ``await settle()``: 50 turns of the event loop, for what the Worker's last calls
#: set off without I/O (a read's write resolving, a stream's start settling) to run its course
#: however busy the host is -- a 10 ms ``asyncio.sleep`` can end first on a loaded machine (seen:
#: a write taken by a read still pending). The Worker imports ``asyncio``.
SETTLE = """
async def settle():
    for _ in range(50):
        await asyncio.sleep(0)
"""

#: Worker source for ``state(promise)``: the promise's outcome if it settles within 50 turns of the
#: loop and then 10 ms, else "pending" (with :data:`OUTCOME`; the Worker imports ``asyncio``). The
#: turns come first so that what settles without I/O is seen however busy the host is.
STATE = OUTCOME + """
async def state(promise):
    task = asyncio.ensure_future(outcome(promise))
    for _ in range(50):  # turns of the loop first: what settles without I/O does, however busy the host
        await asyncio.sleep(0)
    if not task.done():
        await asyncio.sleep(0.01)
    return task.result() if task.done() else "pending"
"""

#: Worker source for ``own_cancel()``: awaits a task it cancelled itself, so the Worker's own code
#: meets a ``CancelledError`` nobody sent it (the Worker imports ``asyncio``)
OWN_CANCEL = """
async def own_cancel():
    chore = asyncio.ensure_future(asyncio.sleep(30))
    chore.cancel()
    await chore
"""


#: Worker source answering any request with the JSON list of what each snippet of ``SNIPPETS``
#: (a list of Python source strings the Worker defines after this) gives, as the Pyodide
#: differential describes it: ``"<repr> (<type name>)"`` of its last expression (``JsProxy`` for
#: any JS value), or ``"<error type>: <first line of its message>"``
SNIPPET_RUNNER = """
import ast
import json

import js
from js import JSON, Array, Object, Response
from pyodide.ffi import JsProxy, create_proxy, to_js
from workers import WorkerEntrypoint


def arr():
    return JSON.parse("[3,1,2]")


def run(code):
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    space = {"js": js, "JSON": JSON, "Array": Array, "Object": Object, "to_js": to_js,
             "create_proxy": create_proxy, "arr": arr, "JsProxy": JsProxy}
    try:
        exec(compile(tree, "<snippet>", "exec"), space)
        value = eval(compile(ast.Expression(last.value), "<snippet>", "eval"), space) if last else None
    except Exception as exc:
        return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"
    return f"{value!r} ({'JsProxy' if isinstance(value, JsProxy) else type(value).__name__})"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.new(json.dumps([run(code) for code in SNIPPETS]))
"""


#: ``(date, flags, reported)``: the configurations on each side of ``spec_compliant_dispatch_exceptions``
#: (2026-09-15), where a listener's exception is reported and the rest run (``True``) or ends the dispatch
DISPATCH_EXCEPTION_ERAS = [
    ("2026-09-14", (), False),
    ("2026-09-15", (), True),
    ("2026-09-14", ("spec_compliant_dispatch_exceptions",), True),
    ("2026-09-15", ("no_spec_compliant_dispatch_exceptions",), False),
]


def snippet_answers(folder: Path, snippets: list[str], date: str) -> list[str]:
    """What each of ``snippets`` gives inside a Worker of compatibility date ``date`` (see
    :data:`SNIPPET_RUNNER`), run in the project folder ``folder``."""
    one_file_worker(folder, SNIPPET_RUNNER + f"\nSNIPPETS = {snippets!r}\n", date=date)
    return json_answer(folder, "/")


def sdk_worker_answer(folder: Path, entry: str, date: str, sdk: str | None = None, flags: Iterable[str] = ()) -> Any:
    """The JSON body a Worker of ``entry`` dated ``date`` answers ``/`` with, run under
    workers-runtime-sdk ``sdk`` (its pyproject's ``python-sdk``) when one is given."""
    one_file_worker(folder, entry, date=date, flags=flags)
    if sdk is not None:
        (folder / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0"\n[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return json_answer(folder, "/")


async def twin_answers(folder: Path, source: str, names: list[str]) -> dict[str, Any]:
    """Each case's answer, by name, of a wrangler probe's Python twin ``source`` (its ``fetch``
    answers a POST of case names with their answers, ``tools/wrangler/casediff.py``)."""
    worker = load_worker(one_file_worker(folder, source))
    got = await (await worker.fetch("/", method="POST", body=json.dumps(names))).json()
    return {name: got[i] for i, name in enumerate(names)}


def slow_clock(loop: asyncio.AbstractEventLoop, seconds: float) -> None:
    """Make each read of ``loop``'s clock ``seconds`` later than the one before: a machine so
    loaded that time runs on between any two steps -- every timer whose delay is under that has
    come due by the next turn, and a delay added to the time read is past by the next read --
    what a wall-clock race would need luck for, every time."""
    time = loop.time
    spent = [0.0]

    def later() -> float:
        spent[0] += seconds
        return time() + spent[0]

    loop.time = later  # type: ignore[method-assign]


def json_answer(folder: Path, path: str, bindings: dict[str, Any] | None = None) -> Any:
    """The JSON body of the Worker in ``folder`` (``bindings``: the objects you supply) answering
    ``path`` (which must answer 200 within 60 s: 10 s was short at a load of 30-40 for a Worker
    making 100 subrequests, flake56)."""
    worker = load_worker(folder, bindings=bindings)

    async def scenario() -> Any:
        resp = await asyncio.wait_for(worker.fetch(path), 60)
        assert resp.status == 200, await resp.text()
        return await resp.json()

    return asyncio.run(scenario())


@contextlib.contextmanager
def local_origin() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A local HTTP origin answering 204 to any GET: yields ``(host:port, the lower-cased
    headers of each request it received)``; shut down on exit."""
    seen: list[dict[str, str]] = []

    class Echo(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            seen.append({k.lower(): v for k, v in self.headers.items()})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with serving(Echo) as url:
        yield url.removeprefix("http://"), seen


@contextlib.contextmanager
def raw_origin() -> Iterator[tuple[str, list[bytes]]]:
    """A local origin recording the bytes of each request it gets, head and body (read by its
    ``Content-Length`` or chunked): yields ``(http://127.0.0.1:<port>, those bytes)``; it answers
    200 with no body, a path ending in ``/redirect`` a 302 to ``after`` beside it."""
    seen: list[bytes] = []

    class Raw(http.server.BaseHTTPRequestHandler):
        def handle(self) -> None:
            self.connection.settimeout(5)
            head = b""
            while not head.endswith(b"\r\n\r\n") and (line := self.rfile.readline()):
                head += line
            fields = {k.strip().lower(): v.strip() for k, _, v in
                      (line.partition(b":") for line in head.split(b"\r\n")[1:] if line)}
            body = b""
            if b"chunked" in fields.get(b"transfer-encoding", b""):
                while not body.endswith(b"0\r\n\r\n") and (line := self.rfile.readline()):
                    body += line
            else:
                body = self.rfile.read(int(fields.get(b"content-length", b"0")))
            seen.append(head + body)
            redirect = head.split(b" ")[1].endswith(b"/redirect")
            self.wfile.write(b"HTTP/1.1 302 Found\r\nLocation: after\r\n" if redirect else b"HTTP/1.1 200 OK\r\n")
            self.wfile.write(b"Content-Length: 0\r\nConnection: close\r\n\r\n")

    with serving(Raw) as url:
        yield url, seen


async def sent_to_origin(folder: Path, path: str) -> bytes:
    """The bytes the Worker in ``folder`` sent a :func:`raw_origin` (whose URL its request's
    ``x-origin`` header gives) while answering ``path`` with ``done``, the origin's host as ``H``."""
    with raw_origin() as (url, seen):
        response = await load_worker(folder).fetch(path, headers={"x-origin": url})
        assert await response.text() == "done"
    return seen[-1].replace(b"Host: " + url.removeprefix("http://").encode() + b"\r\n", b"Host: H\r\n")


@contextlib.contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` served on a free local port: yields ``http://127.0.0.1:<port>``; shut down on exit."""
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


#: the start of :func:`websocket_worker`'s Worker, up to the accepted ``server`` end
_WEBSOCKET_HEAD = """
from pyodide.ffi import create_proxy
from js import WebSocketPair, Object, Response as JsResponse
from workers import WorkerEntrypoint, Response

LOG = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.headers.get("upgrade") != "websocket":
            return Response.json(LOG)
        client, server = Object.values(WebSocketPair.new())
        server.accept()
"""


def websocket_worker(listeners: str) -> str:
    """Worker source accepting each WebSocket upgrade: ``listeners`` (the fetch's code, written at
    its indent of eight spaces) run on the accepted ``server`` end and may fill ``LOG``, which any
    other request gets as JSON."""
    return _WEBSOCKET_HEAD + listeners + "        return JsResponse.new(None, status=101, webSocket=client)\n"


@contextlib.contextmanager
def origin_worker(folder: Path, handler: type[http.server.BaseHTTPRequestHandler], entry: str) -> Iterator[Any]:
    """The Worker of ``entry`` loaded from ``folder``, with ``ORIGIN`` the URL (ending in ``/``) of
    ``handler`` served on a free local port, one thread a request (an origin holding one answer
    while it gets another, ``/go`` say); shut down on exit."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        yield load_worker(one_file_worker(folder, f"ORIGIN = {origin!r}\n" + entry))
    finally:
        server.shutdown()
        server.server_close()


async def fetched_json(worker: Any, path: str) -> Any:
    """The JSON body of ``worker``'s answer to ``path``, which must be a 200."""
    response = await worker.fetch(path)
    text = await response.text()
    assert response.status == 200, text
    return json.loads(text)


def silent_origin(requested: threading.Event, closed: threading.Event) -> type[http.server.BaseHTTPRequestHandler]:
    """A handler for :func:`serving` that never answers a GET: it sets ``requested``, then reads
    until the client closes the connection (up to 40 s) and sets ``closed`` when it does."""

    class Silent(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            requested.set()
            self.connection.settimeout(40)
            try:
                if self.rfile.read(1) == b"":
                    closed.set()
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    return Silent


class RequestedBinding:
    """A supplied binding whose ``requested()`` Worker code awaits until ``requested`` is set (by
    :func:`silent_origin`, once the origin has the subrequest): on a loaded machine a fixed
    sleep may end before the subrequest's thread has sent it, and the request then ends first."""

    def __init__(self, requested: threading.Event) -> None:
        self._requested = requested

    async def requested(self) -> bool:
        return await asyncio.to_thread(self._requested.wait, 30)


#: ``{"hello": "world"}`` as node's zlib.brotliCompressSync gives it (no brotli module needed)
BROTLI_HELLO = bytes.fromhex("8b08807b2268656c6c6f223a2022776f726c64227d03")


@contextlib.contextmanager
def encoding_origin() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A local HTTP origin answering ``{"hello": "world"}`` as JSON: ``/gzip`` gzipped, ``/br``
    brotli-encoded, ``/GZIP`` gzipped under ``Content-Encoding: GZIP``, ``/bad`` not gzip under
    ``Content-Encoding: gzip``, ``/members`` two gzip members one after the other,
    ``/trailing`` gzip and then bytes that are not, ``/accept`` the ``Accept-Encoding`` it got (``<none>``), any
    other path plain. Yields ``(host:port, the lower-cased headers of each request)``."""
    import gzip

    seen: list[dict[str, str]] = []
    body = b'{"hello": "world"}'
    answers = {"/gzip": ("gzip", gzip.compress(body)), "/br": ("br", BROTLI_HELLO),
               "/GZIP": ("GZIP", gzip.compress(body)), "/bad": ("gzip", b"not gzip at all"),
               "/members": ("gzip", gzip.compress(body[:9]) + gzip.compress(body[9:])),
               "/trailing": ("gzip", gzip.compress(body) + b"garbage!!")}

    class Encoding(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            seen.append({k.lower(): v for k, v in self.headers.items()})
            encoding, data = answers.get(self.path, (None, body))
            if self.path == "/accept":
                data = (self.headers.get("accept-encoding") or "<none>").encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            if encoding:
                self.send_header("content-encoding", encoding)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Encoding) as url:
        yield url.removeprefix("http://"), seen


ASSETS_ENTRY = """from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("worker")
"""


async def asgi_exchange(app: Any, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
    """``method path`` (``?query`` included) with ``body`` sent to the ASGI ``app`` (a
    ``WorkerApp``) in-process: its status and body."""
    sent: list[dict] = []
    raw_path, _, query = path.partition("?")
    scope = {"type": "http", "method": method, "path": raw_path, "raw_path": raw_path.encode(),
             "query_string": query.encode(), "headers": [(b"host", b"localhost"),
                                                        (b"content-length", str(len(body)).encode())],
             "scheme": "http", "server": ("localhost", 8787), "client": ("127.0.0.1", 1), "http_version": "1.1"}
    chunks = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def assets_site(root: Path, files: dict[str, str] | None = None, *, entry: str = "",
                binding: str | None = None, assets: dict[str, Any] | None = None) -> Path:
    """A Python Worker answering "worker" (or ``entry``'s code) behind the static assets of
    ``public/`` (``files``: the files written there, name -> text, folders made; the folder may
    exist already), in a ``wrangler.json``; ``binding`` names the assets' binding, if any,
    ``assets`` holds their other settings (``html_handling`` ...)."""
    (root / "public").mkdir(exist_ok=True)
    for name, text in (files or {}).items():
        (root / "public" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "public" / name).write_text(text)
    (root / "src").mkdir(exist_ok=True)
    (root / "src" / "entry.py").write_text(entry or ASSETS_ENTRY)
    settings = {"directory": "public", **({"binding": binding} if binding else {}), **(assets or {})}
    (root / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "assets": settings}))
    return typical_pyproject(root)


class RecordingService:
    """A supplied service binding and Durable Object namespace whose stub is itself: records the
    URL (or the string) of every fetch it is asked and answers ``from the binding`` with 201."""

    def __init__(self) -> None:
        self.fetched: list[object] = []

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js

        self.fetched.append(getattr(resource, "url", resource))
        return js.Response.new("from the binding", status=201)

    def idFromName(self, name: str) -> str:  # noqa: N802 - JavaScript's name
        return name

    def get(self, _id: object) -> RecordingService:
        return self


#: Worker source (``.format(url=..., call=...)``) that starts ``call`` -- ``fetch(URL)`` or
#: ``js.fetch(URL)`` -- without awaiting it or handing it to ``waitUntil``, and answers
#: ``"answered"`` 50 ms later, so its request ends while the subrequest is under way
UNAWAITED_FETCH = """
import asyncio
import js
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        asyncio.ensure_future({call})  # neither awaited nor handed to waitUntil
        await asyncio.sleep(0.05)
        return Response.json("answered")

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


#: Worker source for ``init(**members)`` (a JS init object, as ``to_js`` makes it) and
#: ``stream()`` (a new ReadableStream of the bytes ``ab``), for Workers that send bodies
BODY_INITS = """
import js
from pyodide.ffi import to_js

def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)

def stream():
    return js.ReadableStream.new(init(start=lambda c: (c.enqueue(js.Uint8Array.new([97, 98])), c.close())))
"""


class EchoOrigin(http.server.BaseHTTPRequestHandler):
    """For :func:`serving`: ``/<status>`` (three digits) redirects to ``/landed``; any other path
    answers what it received as JSON: the method, the body (read by its ``Content-Length`` or chunked,
    waiting at most 5 s for a promised body that never comes) and the ``Content-Length``,
    ``Transfer-Encoding`` and ``Content-Type`` headers it came with."""

    def _answer(self) -> None:
        self.connection.settimeout(5)
        if "chunked" in (self.headers.get("transfer-encoding") or "").lower():
            body = b""
            while size := int(self.rfile.readline().split(b";")[0], 16):
                body += self.rfile.read(size)
                self.rfile.readline()
            self.rfile.readline()  # the line after the last chunk
        else:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
        status = self.path[1:]
        if len(status) == 3 and status.isdigit():
            self.send_response(int(status))
            self.send_header("location", "/landed")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        framing = {k.lower(): v for k, v in self.headers.items()
                   if k.lower() in ("content-length", "transfer-encoding", "content-type")}
        seen = json.dumps([self.command, body.decode("latin-1"), framing]).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(seen)))
        self.end_headers()
        self.wfile.write(seen)

    do_GET = do_POST = do_PUT = _answer  # noqa: N815 - http.server's names

    def log_message(self, *args: object) -> None:
        pass


def served_text(server: Any, path: str) -> str:
    """The body of ``GET path`` from a running :class:`~workers_env.runtime.server.BackgroundServer`, as text."""
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().read().decode()
    finally:
        connection.close()


def queue_worker(folder: Path, code: str, date: str = "2025-11-02") -> Path:
    """A Worker of ``code`` (``src/entry.py``) at ``date`` that produces to queue ``jobs`` (binding
    ``Q``) and consumes it: its folder."""
    (folder / "src").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "entry.py").write_text(code)
    (folder / "wrangler.json").write_text(json.dumps({
        "name": "q", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "queues": {"producers": [{"binding": "Q", "queue": "jobs"}], "consumers": [{"queue": "jobs"}]}}))
    return typical_pyproject(folder)


def typical_pyproject(folder: Path) -> Path:
    """``folder`` given the usual :data:`PYPROJECT` when its wrangler config is of the
    external-SDK era (from 2026-04-21, or ``enable_python_external_sdk``): there a Worker needs
    pywrangler to vendor ``workers-runtime-sdk``, or it does not start. Before it, the folder is
    left as plain ``wrangler deploy`` deploys it, on the runtime's built-in SDK (pywrangler 1.9
    would vendor the external SDK whatever the date). A folder with a ``pyproject.toml``
    already is left alone. Returns the folder."""
    if (folder / "pyproject.toml").exists() or not _external_era(folder):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text(PYPROJECT)
    return folder


def _external_era(folder: Path) -> bool:
    """Whether the wrangler config in ``folder`` is of the external-SDK era (``True`` when it
    cannot be read: the usual date)."""
    from workers_env.config import load_config
    from workers_env.config.compat import PYTHON_EXTERNAL_SDK, flag_enabled

    try:
        return flag_enabled(PYTHON_EXTERNAL_SDK, load_config(folder))
    except Exception:  # noqa: BLE001 - a config a test makes unreadable on purpose
        return True


def hide_cryptography(monkeypatch: Any) -> None:
    """Make ``import cryptography...`` fail for the rest of the test, as on a machine without the
    optional package (``monkeypatch``: pytest's fixture, which undoes it)."""
    import builtins

    real_import = builtins.__import__

    def no_cryptography(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("cryptography"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_cryptography)


def installed_package(folder: Path, monkeypatch: Any, name: str, source: str) -> None:
    """``source`` as the ``__init__.py`` of package ``name`` installed under a ``site-packages``
    folder in ``folder`` (a library, not Worker code, to runtime/threadpool.py), importable for
    the test."""
    package = folder / "lib" / "site-packages" / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(source)
    monkeypatch.syspath_prepend(str(package.parent))


def consumed_queue(queue: str = "jobs", binding: str = "JOBS", **options: Any) -> str:
    """``wrangler.toml`` lines: a producer ``binding`` of ``queue`` and a consumer of it with
    ``options`` (``max_retries=1``, ``dead_letter_queue="dlq"``, ...)."""
    lines = "".join(f"{key} = {json.dumps(value)}\n" for key, value in options.items())
    return (f'\n[[queues.producers]]\nbinding = "{binding}"\nqueue = "{queue}"\n\n'
            f'[[queues.consumers]]\nqueue = "{queue}"\n{lines}')


def rate_limit(name: str = "RL", namespace: str = "1", limit: Any = 2, period: int = 10, env: str = "") -> str:
    """``wrangler.toml`` lines: a ``[[ratelimits]]`` entry (``env``: ``"env.production."`` for an
    environment's own)."""
    return (f'[[{env}ratelimits]]\nname = "{name}"\nnamespace_id = "{namespace}"\n'
            f"simple = {{ limit = {limit}, period = {period} }}\n")


def worker_on_manual_clock(folder: Path, entry: str, extra: str, start: float = 1_800_000_000) -> Any:
    """:func:`one_file_worker` loaded with a ``ManualClock`` at ``start`` (queue timestamps a test can name)."""
    from workers_env import ManualClock, load_env

    return load_worker(env=load_env(one_file_worker(folder, entry, extra=extra), clock=ManualClock(start)))


def worker_file_module(folder: Path, monkeypatch: Any, source: str, name: str) -> Any:
    """``source`` written to ``folder/entry.py`` and run as the module ``name``, a file the process
    counts as a Worker's own (``_errors.worker_file``): code workers-env tells apart from its own."""
    import importlib.util

    from workers_env import _errors

    path = folder / "entry.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(_errors, "worker_file", lambda file: file == str(path))
    return module


class HangSeen:
    """A binding (``SEEN``) a Worker asks ``hung()``: whether the test has seen another of its
    requests reported hung (the test sets ``state["hung"]``)."""

    JS_METHODS = ("hung",)

    def __init__(self) -> None:
        self.state: dict[str, bool] = {}

    def hung(self) -> bool:
        return self.state.get("hung", False)


def hang_seen_worker(folder: Path, entry: str) -> tuple[Any, HangSeen]:
    """The Worker of ``entry`` (:func:`one_file_worker`) with a :class:`HangSeen` bound as ``SEEN``,
    and that binding."""
    from workers_env import load_env

    project, seen = one_file_worker(folder, entry), HangSeen()
    return load_worker(project, env=load_env(project, bindings={"SEEN": seen})), seen


async def answered_under(worker: Any, profile: Callable[..., Any]) -> str:
    """The body of ``worker.fetch("/")`` made with ``profile`` as ``sys.setprofile``'s (where a test
    lands a stop signal), read once the profile is off again."""
    import sys

    sys.setprofile(profile)
    try:
        response = await worker.fetch("/")
    finally:
        sys.setprofile(None)
    return await response.text()


def run_at_once(threads: int, target: Callable[[int], None]) -> None:
    """``target(0)`` .. ``target(threads - 1)``, each in a thread of its own, started together
    and taking turns as often as the interpreter lets them (a switch interval of 1 µs)."""
    import sys

    start = threading.Barrier(threads)

    def run(index: int) -> None:
        start.wait()
        target(index)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        started = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
        for thread in started:
            thread.start()
        for thread in started:
            thread.join()
    finally:
        sys.setswitchinterval(interval)


def service_pair(root: Path, callee: str, caller: str, date: str, callee_flags: Iterable[str] = (),
                 caller_flags: Iterable[str] = (), caller_sdk: str | None = None) -> Any:
    """A caller Worker (``caller``'s code, with ``caller_flags`` too; workers-runtime-sdk
    ``caller_sdk`` vendored, as ``pywrangler sync`` leaves it, when given) whose ``SEARCH`` service
    binding is a loaded callee Worker (``callee``'s code, with ``callee_flags`` too), both of
    compatibility date ``date``: the caller, loaded."""

    def folder(name: str, code: str, extra: dict[str, Any], flags: Iterable[str] = (),
               vendored: str | None = None) -> Path:
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "entry.py").write_text(code)
        (root / name / "wrangler.json").write_text(json.dumps({
            "name": name, "main": "src/entry.py", "compatibility_date": date,
            "compatibility_flags": ["python_workers", *flags], **extra}))
        if vendored:
            (root / name / "python_modules" / f"workers_runtime_sdk-{vendored}.dist-info").mkdir(parents=True)
        return typical_pyproject(root / name)

    search = load_worker(folder("search", callee, {}, callee_flags))
    binding = {"services": [{"binding": "SEARCH", "service": "search"}]}
    return load_worker(folder("gateway", caller, binding, caller_flags, caller_sdk), bindings={"SEARCH": search})


def dev_logged(worker: Any, path: str, caplog: Any, logger: str = "workers_env.dev") -> tuple[Any, str]:
    """The first ERROR record ``logger`` takes while `workers-env dev` answers ``path`` (a 500, or
    an answer whose ``waitUntil`` work fails), and its traceback as the log prints it."""
    import logging
    import urllib.error
    import urllib.request

    from workers_env.runtime.server import BackgroundServer

    with caplog.at_level(logging.ERROR, logger=logger), BackgroundServer(worker) as server:
        try:
            urllib.request.urlopen(server.url + path, timeout=10).read()
        except urllib.error.HTTPError as err:
            err.close()  # its response (3.14 warns of one left to the collector)
            assert err.code == 500
    record = next(r for r in caplog.records if r.name == logger)
    return record, logging.Formatter().formatException(record.exc_info)


def dev_500_logged(worker: Any, path: str, caplog: Any) -> tuple[str, str]:
    """The traceback `workers-env dev` logs for its answer to ``path`` (which must be a 500), and that answer's body."""
    import logging
    import urllib.error
    import urllib.request

    import pytest

    from workers_env.runtime.server import BackgroundServer

    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + path, timeout=10).read()
        body = answer.value.read().decode()
        answer.value.close()
    assert answer.value.code == 500
    record = next(r for r in caplog.records if r.name == "workers_env.dev" and r.exc_info)
    return logging.Formatter().formatException(record.exc_info), body


def reported(caplog: Any, capsys: Any, text: str) -> list[str]:
    """The lines holding ``text`` (``"never retrieved"``, ``"destroyed but it is pending"``) that
    asyncio's logger took or the Worker's console printed on stderr since ``capsys`` was last
    read: a Worker future's report goes to its console, as Pyodide's (runtime/unhandled.py), so a
    test that a report is left out reads both (review77: five such tests read only the log and
    passed with the fix they pin reverted)."""
    logged = [r.getMessage() for r in caplog.records if text in r.getMessage()]
    return logged + [line for line in capsys.readouterr().err.split("\n") if text in line]


def never_retrieved_after(folder: Path, caplog: Any, capsys: Any, **request: Any) -> tuple[str, list[str]]:
    """The body the Worker in ``folder`` (loaded afresh) answers ``fetch("/", **request)`` with, and
    what :func:`reported` holds of "never retrieved" meanwhile: garbage collected before the watch
    starts (what earlier tests left), after the answer is read and as the watch ends."""
    import gc
    import logging

    async def scenario() -> str:
        worker = load_worker(folder)
        resp = await asyncio.wait_for(worker.fetch("/", **request), 10)
        text = await resp.text()
        await asyncio.sleep(0.05)
        gc.collect()
        return text

    gc.collect()
    capsys.readouterr()
    with caplog.at_level(logging.ERROR):
        text = asyncio.run(scenario())
        gc.collect()
    return text, reported(caplog, capsys, "never retrieved")
