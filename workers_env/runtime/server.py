"""Serving a loaded Python Worker over real HTTP: a small ASGI app run by uvicorn.

The ASGI app, each HTTP request handed to the Worker's fetch, is :class:`~.workerapp.WorkerApp`
(runtime/workerapp.py); how its response goes onto the wire, and a client that hangs up meanwhile,
runtime/responsesending.py. Here: uvicorn's protocol with KJ's edges, the listening sockets, the
server and its stop (:func:`serve`), and :class:`BackgroundServer` for tests.

The edges are workerd's HTTP server's (KJ's ``HttpServer``, which ``wrangler dev`` runs):
a method it does not know gets its ``501``, a client that has not sent its first request's
headers within 15 s its ``408``, an idle keep-alive connection is closed after 5 s. A body
over Cloudflare's 100 MB request limit (Free and Pro plans) gets the edge's ``413``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import signal
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from types import FrameType
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import DEFAULT_MAX_INCOMPLETE_EVENT_SIZE, H11Protocol
from uvicorn.server import HANDLED_SIGNALS

from workers_env._errors import ConfigError
from workers_env.runtime import lifespans
from workers_env.runtime.devorigin import Origin
from workers_env.runtime.loader import Worker
from workers_env.runtime.requestline import TWO_HOSTS, QuietRefusals, front_connection, refusal
from workers_env.runtime.responsesending import Receive, Scope, Send
from workers_env.runtime.stopcutoff import cut_off_worker_code, end_if_held
from workers_env.runtime.tasks import end_worker_tasks, sever_worker_code
from workers_env.runtime.statusline import ReasonConnection
from workers_env.runtime.workerapp import (
    _NO_URL,
    ABORT_EXTENSION,
    MAX_BODY_BYTES,
    NAMES_EXTENSION,
    TARGET_EXTENSION,
    UPGRADE_EXTENSION,
    WorkerApp,
)

__all__ = [
    "HEADER_TIMEOUT",
    "KEEP_ALIVE_TIMEOUT",
    "BackgroundServer",
    "bind",
    "serve",
]

log = logging.getLogger("workers_env.dev")  # (its records at wrangler's levels: _loglevel)

#: KJ's HttpServerSettings: the first request's headers must arrive within 15 s of connecting ...
HEADER_TIMEOUT = 15.0
#: ... and a kept-alive connection waits 5 s for the next request (uvicorn's default, too).
KEEP_ALIVE_TIMEOUT = 5.0
_HEADER_TIMEOUT = b"ERROR: Your client took too long to send HTTP headers."


class _Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with KJ's header timeout.

    uvicorn drops idle keep-alive connections (``timeout_keep_alive``) but waits forever for
    the headers of a request, so a client that connects and sends nothing (or half a request)
    holds its connection. KJ gives the first request's headers ``header_timeout`` from the
    connection's opening and answers 408; a later request's headers get as long from their
    first byte, and the connection is closed without a word.
    """

    header_timeout: float = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        if not isinstance(self.conn, ReasonConnection):
            # request lines as wrangler dev's front server reads them, workerd's status lines
            size = self.config.h11_max_incomplete_event_size or DEFAULT_MAX_INCOMPLETE_EVENT_SIZE  # as uvicorn's
            self.conn = ReasonConnection(front_connection(size))  # type: ignore[assignment]
            inner = self.app

            async def app(scope: Scope, receive: Receive, send: Send) -> None:
                if scope["type"] == "http":
                    extensions = scope.setdefault("extensions", {})
                    extensions[TARGET_EXTENSION] = getattr(self.conn, "target", None)
                    extensions[ABORT_EXTENSION] = self._abort_response
                    extensions[UPGRADE_EXTENSION] = self._upgrade
                    extensions[NAMES_EXTENSION] = getattr(self.conn, "names", None)
                await inner(scope, receive, send)

            self.app = app
            refused = lambda: getattr(self.conn, "refused", None)  # noqa: E731 - h11's text once it refused a head
            self.logger = QuietRefusals(self.logger, refused)  # type: ignore[assignment]
        super().connection_made(transport)
        self._first_request = True
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        self._header_timer = self.loop.call_later(self.header_timeout, self._header_timed_out)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    _wire: Any = None  #: the WebSocket this connection was handed to (:meth:`_upgrade`)

    def shutdown(self) -> None:
        """The server stopping: a WebSocket's connection is closed at once (the Worker's end hears
        1006), where uvicorn would wait for its request, which lasts as long as the socket."""
        if self._wire is not None:
            self.transport.close()
            return
        super().shutdown()

    def data_received(self, data: bytes) -> None:
        if self._wire is not None:
            self._wire.feed(data)
            return
        waiting = self.cycle is None or self.cycle.response_complete
        if waiting and self._header_timer is None and self.conn.their_state is h11.IDLE:
            self._arm_header_timer()  # the first byte of a later request
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the request's headers are in
            self._disarm_header_timer()
            self._first_request = False

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        if self._wire is not None:
            self._wire.lost()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        """A request whose head h11 refused: answered as wrangler dev answers it
        (:func:`.requestline.refusal`), else as uvicorn does."""
        error = getattr(self.conn, "refused", None) or ""
        answer = refusal(error)
        if error == TWO_HOSTS:
            log.error(_NO_URL)  # (workerd's line for the host "a, b", of which it makes no URL)
        if answer is None:
            super().send_400_response(msg)
            return
        self.transport.write(answer)
        self.transport.close()

    def _should_upgrade(self) -> bool:
        """Never: workerd hands an ``Upgrade`` request to the Worker's fetch handler as any other;
        a Worker answering with a ``webSocket`` gets the socket afterwards (:meth:`_upgrade`), where
        uvicorn would hand the request to a WebSocket library instead of the Worker."""
        return False

    def _upgrade(self, head: bytes, make: Callable[..., Any] | None) -> Any:
        """Write ``head`` (a 101, or KJ's refusal, ``make`` None: the connection then closed) and
        hand the socket to the WebSocket ``make(write, close)`` returns: uvicorn sends nothing more
        for this request, and every byte read from now on (those h11 holds already first) is the
        WebSocket's."""
        if self.cycle is not None:
            self.cycle.disconnected = True
        self._disarm_header_timer()
        self.transport.write(head)
        if make is None:  # its end first (once written), so a frame the client sends meanwhile
            if self.transport.can_write_eof():  # meets a closed connection, not a reset (wrangler dev)
                self.transport.write_eof()
            self.transport.close()
            return None
        self._wire = make(self.transport.write, self.transport.close)
        trailing = getattr(self.conn, "_conn", self.conn).trailing_data[0]
        if trailing:
            self._wire.feed(trailing)
        self.flow.resume_reading()
        return self._wire

    def _abort_response(self) -> None:
        """End the connection mid-response: what was sent is flushed, nothing more is."""
        if self.cycle is not None:
            self.cycle.disconnected = True  # uvicorn sends nothing more for this response
        self.transport.close()

    def _header_timed_out(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        if self._first_request:
            head = (
                b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
                b"Content-Length: %d\r\nContent-Type: text/plain\r\n\r\n" % len(_HEADER_TIMEOUT)
            )
            self.transport.write(head + _HEADER_TIMEOUT)
        self.transport.close()


def _config(
    worker: Worker,
    *,
    host: str,
    port: int,
    log_level: str = "info",
    max_body_bytes: int = MAX_BODY_BYTES,
    header_timeout: float = HEADER_TIMEOUT,
    keep_alive_timeout: float = KEEP_ALIVE_TIMEOUT,
    test_scheduled: bool = False,
    log_requests: bool = False,
    deliver_queues: bool = False,
    origin: Origin | None = None,
) -> uvicorn.Config:
    protocol = type("_Protocol", (_Protocol,), {"header_timeout": header_timeout})
    app = WorkerApp(worker, max_body_bytes=max_body_bytes, test_scheduled=test_scheduled, log_requests=log_requests,
                    deliver_queues=deliver_queues, origin=origin)
    return uvicorn.Config(
        app, host=host, port=port, lifespan="on", log_level=log_level, server_header=False, date_header=False,
        http=protocol, timeout_keep_alive=keep_alive_timeout, access_log=not log_requests,  # type: ignore[arg-type]
        ws="none",  # Upgrade requests reach the Worker (see _Protocol._should_upgrade)
        proxy_headers=False,  # X-Forwarded-For/-Proto are the Worker's to read, as in workerd: not the client address
        loop="asyncio",  # the loop the pytest fixtures run Workers on (not uvloop where installed): run_sync drives it
    )


def bind(host: str, port: int) -> list[socket.socket]:
    """Listening TCP sockets on every address of ``host`` at ``port`` (``OSError`` if any is
    impossible), as asyncio's ``create_server`` makes them; port 0 takes one free port on the
    first address.

    Bound before anything says the server is ready, so "Ready on" is never printed for a
    port another process holds. A host that is no name at all (``a..b``) is a ``socket.gaierror``
    too, as one the resolver does not know.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except UnicodeError:  # a name IDNA cannot encode ("a..b"): unknown, as Node's getaddrinfo says (ENOTFOUND)
        raise socket.gaierror(socket.EAI_NONAME, "not a valid host name") from None
    addresses = list(dict.fromkeys((family, kind, proto, address) for family, kind, proto, _, address in infos))
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, address in addresses[:1] if port == 0 else addresses:
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: TIME_WAIT is no obstacle
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)  # the IPv4 address gets its own
            sock.bind(address)
            sock.listen(2048)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


class _Server(uvicorn.Server):
    """uvicorn's server, telling ``on_ready`` once it accepts connections, then running
    ``background(app)`` beside the requests (``workers-env dev``'s reloads) until it stops.

    A signal that stops it (Ctrl+C, SIGTERM) is kept in ``stopped_by`` rather than raised again
    once the server has shut down, as uvicorn does: SIGTERM's default action would end the
    process there, before ``workers-env dev`` closes the env (its persisted state)."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None] | None = None,
                 background: Callable[[WorkerApp], Awaitable[None]] | None = None):
        super().__init__(config)
        self._on_ready = on_ready
        self._background = background
        self._task: asyncio.Task[None] | None = None
        self.stopped_by: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        #: its stop ends the process (``workers-env dev``), as production's isolate ends
        self.ends_process = False
        self._capturing = False  # (the stop signals are :meth:`handle_exit`'s)
        self._watched = False  # (a stop's loop watched: stopcutoff.end_if_held)
        self._ran = threading.Event()  # (set as run() ends)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.stopped_by is None:
            self.stopped_by = sig
        super().handle_exit(sig, frame)
        self._wake_up()
        if signal.getsignal(sig) != self.handle_exit:  # called by another handler (a load's, devreload.py's)
            return
        # the Worker's code holding the loop (a run_sync's wait: time.sleep; a blocking loop of its
        # own; microtasks queueing each other) is cut off, so the loop gets back to the server; its
        # request, cancelled so, says nothing (nor, a wait begun later cut off too, uvicorn's log;
        # nor asyncio's report of a loop callback cut off so: a call_soon of the Worker's)
        logging.getLogger("uvicorn.error").addFilter(_not_cancelled)
        logging.getLogger("asyncio").addFilter(_not_cancelled)
        if self.ends_process and not self._watched:  # (Worker code catching the cut-off: stopcutoff.py)
            self._watched = True
            end_if_held(128 + self.stopped_by, self._ran)
        cut_off_worker_code(frame, self._loop)  # (may raise CancelledError here: last)

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().serve(sockets=sockets)
        finally:
            if self.ends_process:  # the isolate ends with the process: Worker code never runs again
                end_worker_tasks(asyncio.get_running_loop())

    def stop(self) -> None:
        """Ask the server to stop, from any thread (:class:`BackgroundServer`)."""
        self.should_exit = True
        self._wake_up()

    def _wake_up(self) -> None:
        """End the main loop's wait now rather than at its next tick."""
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed: nothing waits
                loop.call_soon_threadsafe(wake.set)

    async def main_loop(self) -> None:
        """uvicorn's: a tick every 0.1 s (its clock for timed work, and the look at
        ``should_exit``), but woken at once by :meth:`handle_exit` or :meth:`stop`, so a stop
        does not wait for the next tick."""
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)
            should_exit = await self.on_tick(counter)

    def run(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's, the stop signals taken by :meth:`handle_exit` for the event loop's whole
        life, its closing included, rather than while ``serve()`` runs: a signal landing between
        that coroutine's end and the loop's close (its last callbacks: asyncio's
        ``_run_until_complete_cb``, the runner's closing steps) met the handler from before --
        ``workers-env dev``'s raises ``Stopped`` -- and asyncio's ``Handle._run`` caught it there
        and logged ``Exception in callback _run_until_complete_cb`` (flake53)."""
        try:
            with self.capture_signals():
                super().run(sockets=sockets)
        finally:
            self._ran.set()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """uvicorn's, without raising the signals again at the end (once: :meth:`run`'s, else ``serve()``'s)."""
        if threading.current_thread() is not threading.main_thread() or self._capturing:
            yield
            return
        self._capturing = True
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in HANDLED_SIGNALS}
        try:
            yield
        finally:
            self._capturing = False
            _give_back(previous)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if isinstance(self.config.app, WorkerApp):
            self.config.app.relisten = self.relisten
        if self.started and not self.should_exit and self._on_ready is not None:
            self._on_ready()
        if self.started and not self.should_exit and self._background is not None:
            app = self.config.app
            assert isinstance(app, WorkerApp)
            self._task = asyncio.ensure_future(self._background(app))

    async def relisten(self, sockets: list[socket.socket]) -> None:
        """Accept connections on ``sockets`` from now on (``workers-env dev`` after an edit of
        ``[dev] port`` or ``ip``): the old listening sockets closed, connections already open on
        them served to their end, as uvicorn's own start-up makes its servers."""
        config, loop = self.config, asyncio.get_running_loop()

        def protocol(_loop: asyncio.AbstractEventLoop | None = None) -> asyncio.Protocol:
            return config.http_protocol_class(config=config, server_state=self.server_state,  # type: ignore[call-arg]
                                              app_state=self.lifespan.state, _loop=_loop)

        servers = [await loop.create_server(protocol, sock=sock, backlog=config.backlog) for sock in sockets]
        old, self.servers = self.servers, servers
        for server in old:
            server.close()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.ends_process:  # the Worker's ASGI lifespans left waiting are never resumed (runtime/lifespans.py)
            lifespans.abandon()
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        if not self.server_state.connections and not self.server_state.tasks:
            await self._shutdown_idle(sockets)
            return
        if self.stopped_by is not None:
            # stopped by a signal, wrangler dev 4.164.0 exits at once (measured): a request under
            # way is cut off, its client sees the connection close, rather than waited for (a
            # streamed response might never end, and Ctrl+C would then do nothing); dev's
            # process ends, so none of the Worker's code runs again (its except/finally neither)
            if self.ends_process:
                sever_worker_code(asyncio.get_running_loop())
            for connection in list(self.server_state.connections):
                transport = getattr(connection, "transport", None)
                if transport is not None:
                    transport.close()
            for task in list(self.server_state.tasks):
                task.cancel()
            errors = logging.getLogger("uvicorn.error")
            errors.addFilter(_not_cancelled)  # uvicorn says a cancelled request with its traceback
            try:
                await super().shutdown(sockets=sockets)
            finally:
                errors.removeFilter(_not_cancelled)
            return
        await super().shutdown(sockets=sockets)

    async def _shutdown_idle(self, sockets: list[socket.socket] | None) -> None:
        """uvicorn's shutdown of a server with no connection open: the same steps, without the
        0.1 s it gives open connections to wind down (there are none)."""
        logging.getLogger("uvicorn.error").info("Shutting down")
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for server in self.servers:
            await server.wait_closed()
        if not self.force_exit:
            await self.lifespan.shutdown()


def _give_back(handlers: Mapping[Any, Any]) -> None:
    """Put each signal's handler back, every one even if a signal's handler raises meanwhile
    (``signal.signal`` runs the handlers of pending signals before it sets the new one): one
    raised is raised again once all are back, so none is left pointing at a stopped server."""
    raised: BaseException | None = None
    for sig, handler in handlers.items():
        while True:
            try:
                signal.signal(sig, handler)
                break
            except BaseException as exc:  # noqa: BLE001 - a stop signal's handler (dev's Stopped): raised below
                raised = raised or exc
    if raised is not None:
        raise raised


def _not_cancelled(record: logging.LogRecord) -> bool:
    """A log record that is not of a request cancelled as the server stops."""
    return not (record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError))


def serve(
    worker: Worker,
    *,
    host: str = "localhost",
    port: int = 8787,
    sockets: list[socket.socket] | None = None,
    on_ready: Callable[[], None] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    test_scheduled: bool = False,
    background: Callable[[WorkerApp], Awaitable[None]] | None = None,
    origin: Origin | None = None,
) -> int | None:
    """Serve ``worker`` on ``sockets`` (default: :func:`bind` ``host:port``) until
    interrupted (Ctrl+C, SIGTERM); ``on_ready`` is called once connections are accepted, then
    ``background(app)`` runs on the server's event loop until it stops; ``origin``: the one the
    Worker sees (runtime/devorigin.py; None: the request's own). Returns the signal
    that stopped the server (the caller cleans up, then exits with its status), else None."""
    if sockets is None:
        sockets = bind(host, port)
    try:
        # wrangler dev's lines (ready, one per request), not uvicorn's start-up and access lines
        config = _config(worker, host=host, port=sockets[0].getsockname()[1], max_body_bytes=max_body_bytes,
                         test_scheduled=test_scheduled, log_requests=True, log_level="warning", deliver_queues=True,
                         origin=origin)
        server = _Server(config, on_ready, background)
        server.ends_process = True
        asyncio_log = logging.getLogger("asyncio")
        asyncio_log.addFilter(_no_selector_line)
        try:
            server.run(sockets=sockets)
        finally:
            asyncio_log.removeFilter(_no_selector_line)
        return server.stopped_by
    finally:
        for sock in sockets:
            sock.close()


def _no_selector_line(record: logging.LogRecord) -> bool:
    """Leaves out asyncio's ``Using selector: EpollSelector`` debug line, which the server's event
    loop writes as it starts -- after the Worker loaded, so a Worker that set the root logger to
    DEBUG (``logging.basicConfig(level=logging.DEBUG)`` at its top) would print it. Production's
    loop is Pyodide's WebLoop, made before the Worker's code runs, with no selector: never there."""
    return record.msg != "Using selector: %s"


@dataclass
class BackgroundServer:
    """A worker served on a free loopback port from a background thread (for tests).

    ``with BackgroundServer(worker) as server: urlopen(server.url + "/")``; the server is
    always shut down on exit, waited for ``timeout`` seconds (a finite number above 0): a thread
    still running then keeps the listening socket, which uvicorn closes as it stops.
    """

    worker: Worker
    host: str = "127.0.0.1"
    timeout: float = 10.0
    max_body_bytes: int = MAX_BODY_BYTES
    header_timeout: float = HEADER_TIMEOUT
    keep_alive_timeout: float = KEEP_ALIVE_TIMEOUT
    test_scheduled: bool = False
    #: deliver queue messages to ``queue()`` as ``workers-env dev`` does (off: a test delivers with ``worker.deliver_queues()``)
    deliver_queues: bool = False

    def __post_init__(self) -> None:
        timeout: object = self.timeout
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout < math.inf:
            # 0 or less gave up before the thread had started; inf is Thread.join's OverflowError
            raise ConfigError(f"BackgroundServer's timeout is the seconds it waits for the server to start and "
                              f"to stop: give a finite number above 0, not {timeout!r}")
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((self.host, 0))
        self.port: int = self._socket.getsockname()[1]
        self._server = _Server(_config(
            self.worker, host=self.host, port=self.port, log_level="warning", max_body_bytes=self.max_body_bytes,
            header_timeout=self.header_timeout, keep_alive_timeout=self.keep_alive_timeout,
            deliver_queues=self.deliver_queues,
            test_scheduled=self.test_scheduled,
        ))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + self.timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError(f"the worker server did not start on {self.url}")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()
        self._thread.join(self.timeout)
        if not self._thread.is_alive():  # else it is the thread's still (uvicorn closes it as it stops)
            self._socket.close()
