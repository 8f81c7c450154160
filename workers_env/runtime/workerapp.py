"""The ASGI app that hands each HTTP request to the Worker's fetch handler (:class:`WorkerApp`).

Each HTTP request becomes the JS ``Request`` the worker's fetch handler receives; its
response goes back with status, headers and body. An exception in the worker is logged
with its traceback and answered with a 500, and the server keeps serving. ``waitUntil``
work runs after the response has been sent; once it has settled the request is over and its
JS timers still pending never run (runtime/timers.py). A client that hangs up first ends its
request as workerd does: the handler, or the sending of its body, is cancelled. The Worker runs
once a request's head is in, its body fed to ``request.body`` as it arrives (runtime/requestbody.py).

Split out of runtime/server.py, which runs this app under uvicorn (its protocol, sockets and stop):
the request-to-fetch rules apart from the HTTP server plumbing.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import json
import logging
import socket
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from workers_env import _loglevel
from workers_env._env import env_clock
from workers_env._errors import JsException
from workers_env.queues.assembly import queue_broker
from workers_env.runtime.cdncgi import logged, own_answer, url_rewritten
from workers_env.runtime.contentencoding import UNSUPPORTED, Encoder, content_encoding, decode_body, negotiated
from workers_env.runtime.devorigin import Origin, rewrite_headers
from workers_env.runtime.email_events import EmailResult, MissingEmailHandler, email_problem
from workers_env.runtime.events import scheduled_time_ms
from workers_env.runtime.handlererrors import uncaught
from workers_env.runtime.incomingrequests import as_received
from workers_env.runtime.jsbase import js_type_error
from workers_env.runtime.jsglobals import JsDate, JsURL
from workers_env.runtime.jsnumbers import parse_int
from workers_env.runtime.jsstreams import cancel_after_failed_send, cancel_for_disconnect
from workers_env.runtime.jsweb import JsRequest
from workers_env.runtime.loader import Worker
from workers_env.runtime.queuedelivery import QueueDelivery, drive_queues
from workers_env.runtime.requestbody import (
    CONNECTION_LOST,
    REQUEST_BODY_AFTER_EXCEPTION,
    REQUEST_BODY_AFTER_RESPONSE,
    IncomingBody,
    Upload,
)
from workers_env.runtime.requestcf import incoming_cf
from workers_env.runtime.responsesending import (
    _CONNECTION_HEADERS,
    Receive,
    Scope,
    Send,
    _client_gone,
    _ClientGone,
    _head,
    _refuse_when_gone,
    _sending_till_gone,
    _unheard,
    through_rewriter,
)
from workers_env.runtime.stalls import HANGING, is_hang
from workers_env.runtime.statusline import REASON_HEADER, default_status_text, reason_value
from workers_env.runtime.thrownerror import thrown_body
from workers_env.runtime.timers import end_request
from workers_env.runtime.tracebacks import without_our_frames
from workers_env.runtime.websocketwire import WireWebSocket, handshake_refusal, handshake_response
from workers_env.runtime.websockets import accept_upgrade, check_asked, check_returnable, couple
from workers_env.runtime.wireheaders import wire_order

__all__ = [
    "KNOWN_METHODS",
    "MAX_BODY_BYTES",
    "WorkerApp",
]

log = logging.getLogger("workers_env.dev")  # (its records at wrangler's levels: _loglevel)

_ERROR_BODY = b"Worker threw exception"
SCHEDULED_PATH = "/__scheduled"
#: Miniflare's trigger path, which ``wrangler dev`` always serves (``?cron=``, ``?time=`` ms, ``?format=json``)
LOCAL_SCHEDULED_PATH = "/cdn-cgi/local/scheduled"
#: Miniflare's email trigger (``CorePaths.EMAIL``): ``POST ?from=...&to=...`` with the raw message
LOCAL_EMAIL_PATH = "/cdn-cgi/local/email"
#: The methods workerd's HTTP parser knows (KJ_HTTP_FOR_EACH_METHOD); any other gets a 501.
KNOWN_METHODS = frozenset(
    "GET HEAD POST PUT DELETE PATCH PURGE OPTIONS TRACE COPY LOCK MKCOL MOVE PROPFIND PROPPATCH "
    "SEARCH UNLOCK ACL REPORT MKACTIVITY CHECKOUT MERGE MSEARCH NOTIFY SUBSCRIBE UNSUBSCRIBE".split()
)
#: Cloudflare's request body limit on the Free and Pro plans: 100 MB (read as MiB, nginx's "100m").
MAX_BODY_BYTES = 100 * 1024 * 1024

_UNKNOWN_METHOD = (501, b"ERROR: Unrecognized request method.")  # KJ's answer, byte for byte
#: what workerd answers (KJ's bare error responses, no Content-Type) for a request with no ``Host``
#: (or an empty one), and for one whose URL cannot be parsed or that it cannot hand to a fetch
#: handler (``CONNECT``): checked against wrangler dev 4.164.0
_NO_HOST = (400, b"Bad Request")
#: what wrangler dev 4.164.0 prints for such a request (workerd's own line, its source position included)
_NO_URL = "Uncaught exception: workerd/jsg/value.h:1456: failed: remote.jsg.TypeError: Invalid URL string."
_INTERNAL_ERROR = (500, b"Internal Server Error")
#: ASGI scope extensions the dev server's protocol adds: the raw request-target, and a way to end
#: the connection without finishing the response (a Worker's body stream that failed)
TARGET_EXTENSION = "workers_env.target"
ABORT_EXTENSION = "workers_env.abort"
#: the scope's key for the path the client asked for, before wrangler's rewrites (runtime/cdncgi.py)
CLIENT_PATH = "workers_env.client_path"
#: the protocol's hand-over of its socket to a WebSocket (:meth:`.server._Protocol._upgrade`)
UPGRADE_EXTENSION = "workers_env.upgrade"
#: the request's header names as the client spelt them (``ReasonConnection.names``)
NAMES_EXTENSION = "workers_env.names"
#: names Miniflare's entry worker sets on the request, as it spells them (entry.worker.ts)
_ENTRY_SPELLING = {"cf-connecting-ip": "CF-Connecting-IP", "mf-original-hostname": "MF-Original-Hostname"}
_TOO_LARGE = (  # what Cloudflare's edge answers for a body over the plan's limit
    b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
    b"<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


class _TooLarge(Exception):
    """The request body is over the limit (raised while reading it)."""


@functools.lru_cache(maxsize=1024)
def _href(text: str) -> str | None:
    """``text`` as the URL parser reads it, without userinfo (wrangler dev: ``Host: user@h``
    reaches the Worker as ``http://h/``), or None when it does not parse. Kept per text: a
    server sees the same few URLs again and again, and parsing is most of the cost."""
    try:
        url = JsURL(text)
    except Exception:  # noqa: BLE001 - the URL parser's TypeError
        return None
    url.username = url.password = ""
    return url.href


class WorkerApp:
    """An ASGI application that hands every HTTP request to a worker's fetch handler.

    With ``test_scheduled``, ``/__scheduled?cron=...`` runs the worker's ``scheduled`` handler
    instead, as wrangler's ``--test-scheduled`` middleware does for a bundled JavaScript Worker;
    ``workers-env dev`` never sets it, since wrangler serves a Python Worker unbundled, without
    that middleware (its ``--test-scheduled`` only warns).
    """

    def __init__(self, worker: Worker, *, max_body_bytes: int = MAX_BODY_BYTES, test_scheduled: bool = False,
                 log_requests: bool = False, deliver_queues: bool = False, origin: Origin | None = None):
        #: the Worker answering new requests; ``workers-env dev`` replaces it after an edit, a
        #: request keeping the one it started with
        self.worker = worker
        #: requests under way, per Worker (a replaced Worker's env is closed once it has none)
        self.in_flight: collections.Counter[Worker] = collections.Counter()
        self.max_body_bytes = max_body_bytes
        self.test_scheduled = test_scheduled
        self.log_requests = log_requests  # wrangler dev's "[wrangler:info] GET / 200 OK (3ms)" lines
        #: deliver what the Worker sends to a queue it consumes to its queue() handler, as wrangler dev does
        self.deliver_queues = deliver_queues
        #: the origin the Worker sees, as wrangler dev's ``upstream_protocol`` and dev host make it
        #: (runtime/devorigin.py; None: the request's own, its headers as sent); ``workers-env dev``
        #: replaces it when an edit of the config changes it
        self.origin = origin
        #: ``relisten(sockets)``: accept connections there instead, once served (:meth:`.server._Server.relisten`)
        self.relisten: Callable[[list[socket.socket]], Awaitable[None]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":  # (never: an upgrade reaches the Worker as an HTTP request)
            return
        worker = self.worker
        self.in_flight[worker] += 1
        try:
            await self._http(worker, scope, receive, send)
        finally:
            self.in_flight[worker] -= 1
            if not self.in_flight[worker]:
                del self.in_flight[worker]

    async def _http(self, worker: Worker, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] == "CONNECT":  # workerd hands CONNECT to a connect() handler, which Python Workers lack
            log.error("Received a connect event but we lack a handler. Did you remember to export a connect() "
                      "function?")
            await self._refuse(send, *_INTERNAL_ERROR, content_type=None)
            return
        if scope["method"] not in KNOWN_METHODS:
            await self._refuse(send, *_UNKNOWN_METHOD)
            return
        host = self._host(scope)
        if host is None:
            await self._refuse(send, *_NO_HOST, content_type=None)
            return
        url = self._url(scope, host)
        if url is None:
            log.error(_NO_URL)
            await self._refuse(send, *_INTERNAL_ERROR, content_type=None)
            return
        client_path, url, path = url_rewritten(url)  # (wrangler's own /cdn-cgi/ answers: runtime/cdncgi.py)
        scope[CLIENT_PATH] = client_path  # (whether its request line is printed: _log)
        own = own_answer(client_path, path, host, self._header(scope, b"origin"), self._header(scope, b"mf-op") is not None)
        if own is not None:
            status, kind, text = own
            if self._streams_body(scope, path):  # (a body still coming, unread: the connection closed after)
                await self._refuse(send, status, text, content_type=kind)
            else:
                await self._answer(scope, send, status, text, kind)
            return
        if self._streams_body(scope, path):
            if self._declared_too_large(scope):
                await self._too_large(scope, send)
                return
            await self._serve(worker, scope, receive, send, url)
            return
        try:
            body = await self._read_body(scope, receive, self.max_body_bytes)
        except _TooLarge:
            await self._too_large(scope, send)
            return
        if self.test_scheduled and scope["path"] == SCHEDULED_PATH:
            await self._scheduled(scope, send)
            return
        if path == LOCAL_SCHEDULED_PATH:
            await self._local_scheduled(scope, send)
            return
        if path == LOCAL_EMAIL_PATH:
            await self._local_email(scope, body, send)
            return
        answered: dict[str, Any] = {}
        request = self._request(scope, body, url, origin=self._origin(url, answered))
        ctx = worker.new_context()
        gone: dict[str, Any] = {}
        serving = asyncio.ensure_future(self._respond(scope, _sending_till_gone(send, gone), worker, request,
                                                      ctx, answered))
        watching = asyncio.ensure_future(_client_gone(receive))
        try:
            await asyncio.wait((serving, watching), return_when=asyncio.FIRST_COMPLETED)
            if not serving.done() and watching.result():
                await self._hung_up(serving, answered, gone)
            else:
                await serving
        except BaseException:  # the server stopping (or a bug of ours): the request is cut off
            serving.cancel()
            end_request(ctx)
            raise
        finally:
            watching.cancel()
        if "websocket" in answered:
            await self._websocket(scope, request, answered)
        await _finished(scope, ctx)

    async def _websocket(self, scope: Scope, request: JsRequest, answered: dict[str, Any]) -> None:
        """The Worker answered with a ``webSocket``: its 101 logged as Miniflare logs it (``GET /ws
        101 Switching Protocols (Nms)``, a refused handshake's too), KJ's handshake refusals (the
        Worker's end hears 1006), else the 101 and the socket handed to a :class:`WireWebSocket` coupled to the Worker's
        end until both have closed or either goes away (runtime/websocketwire.py). An end the Worker
        accepted itself (or returned before) is workerd's ``couple`` error once the handshake is
        answered: the 101 or KJ's refusal, the error logged, the connection closed (wrangler dev
        4.164.0)."""
        response = answered["websocket"]
        upgrade = scope.get("extensions", {}).get(UPGRADE_EXTENSION)
        refusal = handshake_refusal(scope["method"], request.headers)
        headers = response.headers.lines()  # written as KJ writes them (handshake_response)
        if "origin" in answered:  # the ProxyWorker's way back, a 101's too (review69, dev_host_differential)
            headers = rewrite_headers(headers, *answered["origin"])
        try:
            check_returnable(response._web_socket)
        except JsException as error:  # workerd answers the handshake, then fails to couple the end:
            if upgrade is not None:  # the 101 (or KJ's refusal), the error logged, the connection closed
                upgrade(refusal or handshake_response(request.headers.get("sec-websocket-key"), headers), None)
            error.thrown_by_workerd = True  # type: ignore[attr-defined]  # reported twice, then the request hangs
            log.error("Uncaught exception in the worker's WebSocket response", exc_info=(type(error), error, None))
            log.error("Uncaught Error: %s ", HANGING)
            if upgrade is not None:  # (Miniflare's line after those, as wrangler dev prints them)
                self._log(scope, 101, response.statusText, answered["started"], request.url)
            return
        if upgrade is not None:  # Miniflare logs the Worker's 101, whatever KJ then answers the client
            self._log(scope, 101, response.statusText, answered["started"], request.url)
        if refusal is not None or upgrade is None:
            couple(response._web_socket)._drop()
            if upgrade is not None and refusal is not None:
                upgrade(refusal, None)
            return
        wire = upgrade(handshake_response(request.headers.get("sec-websocket-key"), headers),
                       lambda write, close: accept_upgrade(request, response, WireWebSocket(write, close)))
        await wire.ended

    def _too_large(self, scope: Scope, send: Send) -> Awaitable[None]:
        log.warning("Refused %s %s: the request body is over %d bytes", scope["method"], scope["path"], self.max_body_bytes)
        return self._refuse(send, 413, _TOO_LARGE, content_type=b"text/html", reason=b"Request Entity Too Large")

    def _declared_too_large(self, scope: Scope) -> bool:
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        return declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes

    def _streams_body(self, scope: Scope, path: str) -> bool:
        """Whether the request's body goes to the Worker as it arrives: one is coming (chunked,
        or a ``Content-Length`` over 0) for a fetch handler (not GET or HEAD, whose rare body is
        read first, nor wrangler's trigger paths (``path``: the URL's, rewritten), which take the body whole)."""
        if scope["method"] in ("GET", "HEAD") or path in (LOCAL_SCHEDULED_PATH, LOCAL_EMAIL_PATH):
            return False
        if self.test_scheduled and scope["path"] == SCHEDULED_PATH:
            return False
        for key, value in scope["headers"]:
            if key == b"transfer-encoding" or (key == b"content-length" and value.strip(b"0")):
                return True
        return False

    async def _serve(self, worker: Worker, scope: Scope, receive: Receive, send: Send, url: str) -> None:
        """Dispatch a request whose body is still arriving, as workerd does: the Worker runs once
        the head is in, its ``request.body`` fed as the client sends (runtime/requestbody.py).
        The answer goes out when the Worker gives it, read body or not. A body not all in by
        the end of the answer is discarded while it keeps coming without a pause, else the
        connection is closed after the answer (an empty answer says ``Connection: close``), as
        wrangler dev 4.164.0 does. A client that hangs up mid-body fails the body's reads with
        ``Error: Network connection lost.`` and the handler goes on (its answer goes nowhere); one
        that hangs up once the body is in cancels the handler (:meth:`_client_left`). A body over
        the limit cuts the request off: the 413 page when nothing was answered yet."""
        live = IncomingBody()
        answered: dict[str, Any] = {"upload": None}
        request = self._request(scope, b"", url, streamed=True, origin=self._origin(url, answered))
        if not request._length_unknown:
            live.expected_length = int(request.headers.get("content-length"))
        request._live = live
        live.owner = request._body_cell()
        request._one_time_body = True
        upload = Upload(receive, live, self.max_body_bytes)
        state: dict[str, Any] = {}
        abort = scope.get("extensions", {}).get(ABORT_EXTENSION)

        async def answer(message: MutableMapping[str, Any]) -> None:
            close = False
            _refuse_when_gone(message, state)
            if message["type"] == "http.response.start":
                state["started"] = True
                empty = any(k.lower() == b"content-length" and v == b"0" for k, v in message.get("headers", ()))
                if not upload.complete and empty:  # closed after it, the rest of the body not waited for
                    message = {**message, "headers": [*message["headers"], (b"connection", b"close")]}
                    state["closing"] = True
            elif message["type"] == "http.response.body" and not message.get("more_body", False) \
                    and not upload.complete:
                upload.discard()  # the rest is taken in (and kept for waitUntil work) while it comes
                if not state.get("closing"):
                    if message.get("body"):  # the answer's bytes go now; only its end waits for the rest
                        await send({**message, "more_body": True})
                        message = {"type": "http.response.body", "body": b"", "more_body": False}
                    close = not await upload.rest_in() and abort is not None
                if not upload.complete:  # what a read of the rest meets from now on (workerd's neutered body)
                    live.ended(js_type_error(REQUEST_BODY_AFTER_EXCEPTION if answered.get("threw")
                                             else REQUEST_BODY_AFTER_RESPONSE))
            await send(message)
            if close:
                abort()

        ctx = worker.new_context()
        answered["upload"] = upload
        # the pump first: its first receive() sends a ``100 Continue`` asked for before the Worker
        # can answer, as workerd sends it whether or not the Worker reads the body (wrangler dev 4.164.0)
        watching = asyncio.ensure_future(upload.pump())
        serving = asyncio.ensure_future(self._respond(scope, answer, worker, request, ctx, answered))
        try:
            await asyncio.wait((serving, watching), return_when=asyncio.FIRST_COMPLETED)
            outcome = watching.result() if watching.done() else None
            if outcome == "lost":
                await serving  # its reads of the body fail; what it answers goes nowhere
            elif outcome == "too large" and not serving.done():
                await self._client_left(serving, answered)
                live.ended(JsException(CONNECTION_LOST))  # for waitUntil work still reading it
                if state.get("started") or abort is None:
                    if abort is not None:
                        abort()
                else:
                    await self._too_large(scope, send)
            elif outcome == "gone" and not serving.done():
                await self._hung_up(serving, answered, state)
            else:
                await serving
        except BaseException:  # the server stopping (or a bug of ours): the request is cut off
            serving.cancel()
            end_request(ctx)
            raise
        finally:
            watching.cancel()
            if not upload.complete:  # the connection is closed: waitUntil work reading the body meets that
                live.ended(JsException(CONNECTION_LOST))
        await _finished(scope, ctx)

    async def _hung_up(self, serving: asyncio.Future[None], answered: dict[str, Any], state: dict[str, Any]) -> None:
        """The client hung up before its response was complete. A body being written hears of it
        at the sending of its next piece (``state["gone"]``: see :meth:`_stream`), as workerd hears
        of it from a failed write to the socket, not from the socket's close; otherwise the
        handler (or the sending of a whole body) is cancelled (:meth:`_client_left`)."""
        if answered.get("live") is None:
            await self._client_left(serving, answered)
            return
        state["gone"] = True
        await serving

    @staticmethod
    async def _client_left(serving: asyncio.Future[None], answered: dict[str, Any]) -> None:
        """The client hung up before its response was complete: as workerd cancels the request
        (its handler, the pump of its body; the request's ``waitUntil`` work goes on), the
        handler or the sending of the body is cancelled, and a body still being written is
        canceled too, as workerd cancels it (:func:`~workers_env.runtime.jsstreams.cancel_for_disconnect`),
        so a write waiting for it (or the next) fails rather than waits forever -- in the step
        its sending stops (a write made while the sending unwound failed as one the cancel met,
        flaky50). A body whose sending had begun is not cancelled here: its client is heard of
        at the sending of its next piece (:meth:`_stream`), as workerd hears of it."""
        serving.cancel()
        for unwound in (False, True):  # (again once it unwound: a body it answered with meanwhile)
            if unwound:
                await asyncio.wait((serving,))
            live = answered.get("live")
            if live is not None and not live.closed:
                await cancel_for_disconnect(live, answered.get("stream"))

    async def _respond(self, scope: Scope, send: Send, worker: Worker, request: JsRequest, ctx: Any,
                       answered: dict[str, Any]) -> None:
        """Dispatch ``request`` and send the answer (a body still being written as it comes);
        ``answered["live"]`` is that body's stream (``answered["stream"]`` the ``ReadableStream``
        the Worker gave), for :meth:`_client_left`; ``answered["upload"]``:
        the body as it arrives (:class:`Upload`), whose client gone mid-body leaves the answer unlogged."""
        started = time.monotonic()
        chunked = False
        try:
            response = await worker.dispatch(request, ctx)
            if response._web_socket is not None:  # a WebSocket handshake: the socket is handed over after
                check_asked(request)  # (workerd's refusal first: a 500 as for any uncaught error)
                answered["websocket"], answered["started"] = response, started
                return
            answered["live"], answered["stream"] = response._live, response.__dict__.get("_live_stream")
            headers, inner, encoding, changed = self._encoding(scope, response, worker)
            if "origin" in answered:  # the ProxyWorker's way back: the Worker's origin named as the client's
                headers = rewrite_headers(headers, *answered["origin"])
            if encoding == UNSUPPORTED:
                status, reason, body = 415, "Unsupported Media Type", [b"Unsupported Media Type"]
                headers = [("accept-encoding", "br, gzip"), ("content-type", "text/plain;charset=UTF-8")]
            elif response._live is not None:  # a TransformStream's readable: sent as it is written
                if not _unheard(answered):
                    self._log(scope, response.status, response.statusText, started, request.url)
                await self._stream(scope, send, response, headers, encoding, as_received=not changed)
                return
            else:
                status, reason = response.status, response.statusText
                body, chunked = self._body(response, inner, encoding, changed)
                chunked = chunked or through_rewriter(response)
        except BaseException as exc:  # logged with the Worker's frames, not workers-env's (runtime/tracebacks.py)
            if isinstance(exc, asyncio.CancelledError):  # ours (the client left, the server stops); the
                raise  # Worker's own arrives as a HandlerCancelledError
            # a KeyboardInterrupt or SystemExit the Worker raised is a rejected handler too, as
            # Pyodide's asyncio settles the handler's future with it: not the end of the server
            answered["threw"] = True
            shown = uncaught(exc)  # the Worker's own CancelledError, as production logs it
            log.error("Uncaught exception in the worker while handling %s %s", request.method, request.url,
                      exc_info=(type(shown), shown, without_our_frames(shown)),
                      extra={"error_names_kept": worker.error_names_kept})
            # Miniflare's entry worker answers the rejection with its stack (runtime/thrownerror.py): a
            # length known to workerd, so Content-Length even to HEAD
            body = [thrown_body(shown, names_kept=worker.error_names_kept)]
            status, headers = 500, [("content-length", str(len(body[0]))), ("content-type", "text/plain;charset=UTF-8")]
            reason, chunked = "", False
        # the body's own length goes over the wire, whatever Content-Length the Worker's headers
        # hold (a copied origin's, say), as workerd sends it (wrangler dev 4.164.0); none for
        # 204/304/1xx (RFC 9110 8.6, as wrangler dev sends them), none for a body encoded here
        sized = not (scope["method"] == "HEAD" or status in (204, 304) or status < 200 or chunked)
        raw_headers = _head(headers, reason, head=scope["method"] == "HEAD",
                            length=sum(map(len, body)) if sized else None)
        if scope["method"] == "HEAD":
            body = []
        if not _unheard(answered):  # a client gone mid-body: no request line, as wrangler dev logs none
            self._log(scope, status, reason, started, request.url)
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        for piece in body[:-1]:  # a body of unknown length in its chunks: each goes out as it is
            await send({"type": "http.response.body", "body": piece, "more_body": True})
        await send({"type": "http.response.body", "body": body[-1] if body else b""})

    def _encoding(self, scope: Scope, response: Any, worker: Any) -> tuple[list[tuple[str, str]], str | None, str | None, bool]:
        """``(headers as sent, the encoding workerd gives the Worker's body, the encoding it goes
        out in, whether the two differ)``; the third is :data:`UNSUPPORTED` for the 415. workerd
        encodes by ``Content-Encoding`` (:func:`content_encoding`); after it, ``wrangler dev``'s
        entry worker fits that header to the client's ``Accept-Encoding`` (:func:`negotiated`),
        decoding and re-encoding the body when it changes it."""
        headers = response.headers.lines()
        inner = content_encoding(response.headers, response._encode_body,
                                 getattr(worker, "brotli_content_encoding", True))
        if response._live is not None and response._encode_body == "manual":
            return headers, None, None, False  # a stream the Worker encoded itself: left as it is
        client = [v.decode("latin-1") for k, v in scope["headers"] if k.lower() == b"accept-encoding"]
        declared = next((v for k, v in response.headers.items() if k == "content-encoding"), None)
        content_type = next((v for k, v in response.headers.items() if k == "content-type"), None)
        wanted = negotiated(", ".join(client) if client else None, content_type, declared)
        if wanted == declared:
            return headers, inner, inner, False
        if wanted == UNSUPPORTED:
            return headers, inner, UNSUPPORTED, True
        # (the lines keep the Worker's spelling: ``Content-Encoding`` is replaced as well)
        headers = sorted([(k, v) for k, v in headers if k.lower() != "content-encoding"] +
                         ([("content-encoding", wanted)] if wanted else []), key=lambda pair: pair[0])
        return headers, inner, wanted, True

    @staticmethod
    def _body(response: Any, inner: str | None, final: str | None, changed: bool) -> tuple[list[bytes], bool]:
        """``(the bytes to send in their chunks, whether they go chunked)``. workerd frames a body
        by whether its length is known (``ReadableStream::tryGetLength``, http.c++
        ``Response::send``): a ``fetch()`` answer returned unread goes in the encoding it came in
        as it came, with its ``Content-Length`` if it had one, chunked if not (its pump); a body it
        encodes goes chunked; a stream of unknown length (a binding's server-sent events, a
        ``fetch()`` answer's body without ``Content-Length``, an incoming body sent chunked)
        chunked, each chunk as its source gave it; any other with its length. A body whose
        encoding wrangler dev's entry worker changes is decoded and re-encoded, so chunked -- a
        ``manual`` one decoded from its ``Content-Encoding`` (bytes that do not decode fail the
        request, as they fail there)."""
        received = response.encoded()
        if received is None and response._body is None:
            return [b""], False
        if received is not None and received[0] == inner:
            wire, length_known = received[1], not response._length_unknown or response.headers.has("content-length")
        elif inner is not None:
            wire, length_known = b"", False  # made below, from the plain body
        else:
            wire, length_known = response.raw_body(), not response._length_unknown
        if not changed:
            if length_known:
                return [wire], False
            if inner is not None and not (received is not None and received[0] == inner):
                return [Encoder(inner).encode(response._body)], True  # type: ignore[arg-type]
            return (response.pieces() if received is None else [wire]), True
        if response._encode_body == "manual":
            declared = response.headers.get("content-encoding")
            plain = decode_body(declared, wire) if declared in ("gzip", "br") else wire
        else:
            plain = response._body
        return [Encoder(final).encode(plain) if final is not None else plain], True

    def _log(self, scope: Scope, status: int, reason: str | None, started: float, url: str | None = None) -> None:
        """Miniflare's ``maybeLogRequest`` line through wrangler's logger: method, the URL's
        pathname as ``new URL(req.url)`` gives it (still percent-encoded, dot segments resolved;
        no query), status, its text (workerd's default when the Worker gave none), time taken."""
        if self.log_requests:
            path = urlsplit(url).path if url else scope.get("raw_path", b"").decode("latin-1").split("?")[0] or scope["path"]
            if not logged(scope.get(CLIENT_PATH, path), path, _loglevel.shows("debug")):
                return
            text = (reason or "").strip() or default_status_text(status)
            _loglevel.emit("info", f"[wrangler:info] {scope['method']} {path} {status} {text} "
                           f"({round((time.monotonic() - started) * 1000)}ms)")

    @staticmethod
    async def _stream(scope: Scope, send: Send, response: Any, headers: list[tuple[str, str]],
                      encoding: str | None, as_received: bool = False) -> None:
        """A body still being written: each chunk as it comes (no Content-Length, so chunked),
        encoded as it goes when ``encoding`` says so -- but a ``FixedLengthStream``'s, not
        encoded, goes with its expected length as ``Content-Length`` (workerd's ``tryGetLength``
        of the body, http.c++ ``Response::send``; KJ leaves a zero one off an answer to HEAD),
        and so does a ``fetch()`` answer's still in ``encoding`` as received, which goes on as it
        came when that is the encoding the client gets (``as_received``; workerd pumps an
        ``EncodedAsyncInputStream`` to an output of its encoding undecoded, system-streams.c++).
        An HTML body goes chunked all the same (:func:`through_rewriter`), and an answer to HEAD
        without a length: wrangler dev's ProxyWorker copies the Worker's answer into a new
        ``Response``, whose body to HEAD is null (4.164.0 sends a ``FixedLengthStream``'s HEAD
        without ``Content-Length``). A stream that fails ends the connection without the last
        chunk, as workerd does, so the client sees a cut-off body rather than a whole one.
        A client that hung up is heard of when the next piece read is sent (``send`` raises
        :class:`_ClientGone`), not when its socket closes: workerd's pump learns of it from a
        failed write to the socket and cancels the body then
        (:func:`~workers_env.runtime.jsstreams.cancel_after_failed_send`); a writer that writes
        nothing more meanwhile never hears of it (tools/wrangler/client_leaves_probe.py)."""
        live = response._live
        if as_received and encoding is not None and getattr(live, "encoding", None) == encoding:
            live.as_received()  # in the encoding it goes out in: sent as it came
            encoding = None
        encoder = Encoder(encoding) if encoding is not None else None
        length = getattr(live, "expected_length", None)
        sized = (length is not None and encoder is None and scope["method"] != "HEAD"
                 and not through_rewriter(response))
        raw_headers = _head(headers, response.statusText, head=scope["method"] == "HEAD",
                            length=length if sized else None)
        await send({"type": "http.response.start", "status": response.status, "headers": raw_headers})
        try:
            while (chunk := await live.next_chunk()) is not None:
                if encoder is not None:
                    chunk = encoder.feed(chunk)
                if scope["method"] != "HEAD" and chunk:
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
            if encoder is not None and scope["method"] != "HEAD":
                await send({"type": "http.response.body", "body": encoder.finish(), "more_body": True})
        except _ClientGone:
            await cancel_after_failed_send(live, response.__dict__.get("_live_stream"))
            return
        except Exception as exc:  # the Worker's error, logged with its frames only (runtime/tracebacks.py)
            if is_hang(exc):  # workerd's line for it, once the request's other lines are out (_finished)
                scope[_HUNG_BODY] = True
            else:
                log.error("The Worker's response stream failed while %s %s was being answered", scope["method"],
                          scope["path"], exc_info=(type(exc), exc, without_our_frames(exc)))
            abort = scope.get("extensions", {}).get(ABORT_EXTENSION)
            if abort is not None:
                abort()
                return
        with contextlib.suppress(_ClientGone):  # (the body ended: nothing left to cancel)
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _scheduled(self, scope: Scope, send: Send) -> None:
        """wrangler's ``--test-scheduled`` middleware (a bundled JavaScript Worker's): run ``scheduled`` with ``?cron=``."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        cron = (query.get("cron") or [""])[0]
        started = time.monotonic()
        try:
            await self.worker.scheduled(cron)
            status, body = 200, b"Ran scheduled event"
        except Exception as exc:  # the Worker's own CancelledError as production logs it
            shown = uncaught(exc)
            log.error("Uncaught exception in the worker's scheduled handler (cron %r)", cron,
                      exc_info=(type(shown), shown, without_our_frames(shown)),
                      extra={"error_names_kept": self.worker.error_names_kept})
            status, body = 500, _ERROR_BODY
        self._log(scope, status, None, started)  # wrangler's middleware runs inside the Worker: logged
        await self._answer(scope, send, status, body)

    async def _local_scheduled(self, scope: Scope, send: Send) -> None:
        """Miniflare's ``/cdn-cgi/local/scheduled`` (``handleScheduled``): run ``scheduled`` with
        ``?cron=`` and ``?time=`` (ms); answer its outcome (``ok``, ``exception``) as text, or
        ``{"outcome", "noRetry"}`` with ``?format=json``; 200 when ``ok``, else 500."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        cron = (query.get("cron") or [""])[0]
        at = (query.get("time") or [""])[0]
        try:  # Miniflare's ``new Date(parseInt(time))``, which the event's kj::Date takes or refuses
            when = scheduled_time_ms(JsDate(parse_int(at)).getTime()) if at else None
        except JsException as exc:  # the TypeError Miniflare answers (its stack's frames left out)
            await self._answer(scope, send, 500, f"{exc.name}: {exc.message}".encode())
            return
        try:
            result = await self.worker.scheduled(cron, scheduled_time=when)
            outcome, no_retry = result.outcome, result.no_retry
        except Exception as exc:  # the Worker's own CancelledError as production logs it
            shown = uncaught(exc)
            log.error("Uncaught exception in the worker's scheduled handler (cron %r)", cron,
                      exc_info=(type(shown), shown, without_our_frames(shown)),
                      extra={"error_names_kept": self.worker.error_names_kept})
            outcome, no_retry = "exception", False
        status = 200 if outcome == "ok" else 500
        if (query.get("format") or [""])[0] == "json":
            body = json.dumps({"outcome": outcome, "noRetry": no_retry}, separators=(",", ":")).encode()
            kind = b"application/json"
        else:
            body, kind = outcome.encode(), b"text/plain;charset=UTF-8"
        await self._answer(scope, send, status, body, kind)

    async def _local_email(self, scope: Scope, body: bytes, send: Send) -> None:
        """Miniflare's ``/cdn-cgi/local/email`` (``handleEmail``): deliver the body to the
        ``email`` handler from ``?from=`` to ``?to=``; answer as text (200 processed, 400
        rejected or refused) or, with ``?format=json``, ``{outcome, rejectReason, forwards,
        replies, events}`` (200 when ``ok``, else 500)."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        mail_from, rcpt_to = (query.get("from") or [""])[0], (query.get("to") or [""])[0]
        as_json = (query.get("format") or [""])[0] == "json"
        problem = email_problem(body, mail_from, rcpt_to)
        if problem is not None:
            await self._answer(scope, send, 400, problem.encode())
            return
        try:
            result = await self.worker.email(body, from_=mail_from, to=rcpt_to)
        except MissingEmailHandler:
            if as_json:
                events = [{"type": "unhandled", "timestamp": JsDate().toISOString()}]
                await self._answer_json(scope, send, 500, {"outcome": "exception", "forwards": [], "replies": [],
                                                          "events": events})
            else:
                await self._answer(scope, send, 500, b"Worker does not export an email() handler; message stored "
                                                     b"without delivery.")
            return
        except Exception as exc:  # the Worker's own CancelledError as production logs it
            log.error("Uncaught exception in the worker's email handler", exc_info=uncaught(exc),
                      extra={"error_names_kept": self.worker.error_names_kept})
            if not as_json:
                await self._answer(scope, send, 500, b"Internal Server Error")
                return
            result = EmailResult(outcome="exception")
        if as_json:
            await self._answer_json(scope, send, 200 if result.outcome == "ok" else 500, result.as_json())
        elif result.reject_reason is not None:
            await self._answer(scope, send, 400, f"Worker rejected email with the following reason: "
                                                 f"{result.reject_reason}".encode())
        else:
            await self._answer(scope, send, 200, b"Worker successfully processed email")

    async def _answer_json(self, scope: Scope, send: Send, status: int, value: Any) -> None:
        await self._answer(scope, send, status, json.dumps(value, separators=(",", ":")).encode(), b"application/json")

    @staticmethod
    async def _answer(scope: Scope, send: Send, status: int, body: bytes,
                      kind: bytes | None = b"text/plain;charset=UTF-8") -> None:
        typed = [(b"content-type", kind)] if kind is not None else []
        headers = wire_order([*typed, (b"content-length", str(len(body)).encode())])
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body if scope["method"] != "HEAD" else b""})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        delivery: asyncio.Task[None] | None = None
        try:
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    if self.deliver_queues:
                        delivery = asyncio.ensure_future(self._queue_delivery())
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        finally:
            if delivery is not None:
                delivery.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await delivery

    async def _queue_delivery(self) -> None:
        """Miniflare's broker for the Worker being served: its queues' batches, when due, to
        ``queue()``; after a reload, the new Worker's (its env has a broker of its own)."""
        await self.deliver_queues_of(lambda: self.worker)

    @staticmethod
    async def deliver_queues_of(current: Callable[[], Worker]) -> None:
        """Drive the queues of the Worker ``current()`` gives -- the one served, or another
        Worker of a ``dev -c A -c B`` session, whose consumers wrangler dev's one Miniflare
        runs too -- to its ``queue()``, with wrangler's ``QUEUE`` lines; after a reload, the
        new Worker's (its env has a broker of its own). Runs until cancelled."""
        while True:
            worker = current()
            broker = queue_broker(worker.env)
            if broker is None:
                await asyncio.sleep(_QUEUE_POLL)
                continue
            await drive_queues(worker, broker, functools.partial(_report_delivery, names_kept=worker.error_names_kept),
                               until=lambda: current() is not worker, clock=env_clock(worker.env).now)

    @staticmethod
    async def _refuse(send: Send, status: int, body: bytes, *, content_type: bytes | None = b"text/plain",
                      reason: bytes | None = None) -> None:
        """An error answered by the server itself, closing the connection (as KJ's sendError)."""
        headers = [(b"connection", b"close")]
        if content_type is not None:
            headers.append((b"content-type", content_type))
        headers.append((b"content-length", str(len(body)).encode()))
        if reason is not None:
            headers.append((REASON_HEADER, reason_value(reason)))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    async def _read_body(scope: Scope, receive: Receive, limit: int) -> bytes:
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _TooLarge  # refused before reading a byte of it
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            body += message.get("body", b"")
            if len(body) > limit:  # a chunked body, counted as it arrives
                raise _TooLarge
            if not message.get("more_body", False):
                break
        return bytes(body)

    @staticmethod
    def _target(scope: Scope) -> bytes:
        """The request-target as sent (``/a?b``, ``http://host/a``, ``*``)."""
        target = scope.get("extensions", {}).get(TARGET_EXTENSION)
        if target is None:  # another ASGI server: rebuilt from the scope
            target = scope.get("raw_path") or scope["path"].encode("utf-8")
            if scope.get("query_string"):
                target += b"?" + scope["query_string"]
        return bytes(target)

    @staticmethod
    def _header(scope: Scope, name: bytes) -> str | None:
        """The request's ``name`` header (lower case), its lines joined as ``Headers.get`` joins them."""
        values = [v.decode("utf-8", "replace") for k, v in scope["headers"] if k.lower() == name]
        return ", ".join(values) if values else None

    @staticmethod
    def _host(scope: Scope) -> str | None:
        """The ``Host`` header (workerd answers 400 without one, or with an empty one)."""
        host = next((v for k, v in scope["headers"] if k.lower() == b"host"), None)
        return host.decode("utf-8", "replace") if host else None

    def _origin(self, url: str, answered: dict[str, Any]) -> tuple[str, JsURL, JsURL, str | None] | None:
        """With :attr:`origin`: ``(the URL the Worker gets, the client's URL, the ProxyWorker's,
        the MF-Original-Hostname value)`` for the client's ``url``; ``answered["origin"]`` the
        (Worker's, client's) pair its response headers are rewritten from and to."""
        if self.origin is None:
            return None
        outer = JsURL(url)
        inner = self.origin.inner(outer)
        answered["origin"] = (inner, outer)
        return self.origin.worker_url(inner).href, outer, inner, inner.host if self.origin.host is not None else None

    @classmethod
    def _url(cls, scope: Scope, host: str, scheme: str | None = None) -> str | None:
        """The URL the Worker sees, as workerd builds it: the scheme, the ``Host`` header, then the
        target's path and query -- an absolute-form target's own scheme and authority ignored, a
        fragment dropped -- read by the URL parser (so ``Host: user@h`` is ``http://h/``); None
        when that fails (``OPTIONS *`` with a port, ``Host: a b``), which workerd answers 500."""
        target = cls._target(scope).decode("latin-1").partition("#")[0]
        if not target.startswith("/"):
            own, sep, rest = target.partition("://")  # the target's own scheme: checked, then ignored
            if not sep or not own.isalpha():
                return None
            slash = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
            target = rest[slash:] if rest[slash:].startswith("/") else "/" + rest[slash:]
        return _href(f"{scheme or scope.get('scheme', 'http')}://{host}{target}")

    @staticmethod
    def _request(scope: Scope, body: bytes, url: str, *, streamed: bool = False,
                 origin: tuple[str, JsURL, JsURL, str | None] | None = None) -> JsRequest:
        """The ``Request`` the Worker gets, with the headers workerd's HTTP layer leaves it: no
        connection-level ones (``Connection``, ``Keep-Alive``, ``TE``, ``Upgrade`` but for a
        WebSocket handshake), ``Transfer-Encoding: chunked`` for a chunked body (and no
        ``Content-Length`` then), ``Content-Length: 0`` on a method other than GET/HEAD sent
        without a body, ``Host`` as the URL names it; values read as UTF-8, as workerd reads them
        (a byte that is not UTF-8 becomes U+FFFD). A GET or HEAD that carries a body hands it on.
        With ``origin`` (:meth:`_origin`): the Worker's URL, its ``Host`` and the headers naming
        the client's origin as wrangler dev's ProxyWorker and entry worker make them."""
        pairs = [(k.decode("latin-1").lower(), v.decode("utf-8", "replace")) for k, v in scope["headers"]]
        upgrade = next((v for k, v in pairs if k == "upgrade"), "")
        chunked = any(k == "transfer-encoding" for k, _ in pairs)
        declared = any(k == "content-length" for k, _ in pairs)
        headers = [(k, v) for k, v in pairs if k not in _CONNECTION_HEADERS and k != "host"]
        if origin is not None:
            url, outer, inner, original_hostname = origin
            headers = rewrite_headers(headers, outer, inner)
            if original_hostname is not None:
                headers = [(k, v) for k, v in headers if k != "mf-original-hostname"]
                headers.append(("mf-original-hostname", original_hostname))
        if upgrade.lower() == "websocket":
            headers += [("connection", "Upgrade"), ("upgrade", "websocket")]
        method = scope["method"]
        if chunked:
            headers.append(("transfer-encoding", "chunked"))
        elif streamed:  # the body still to come: its length as the client declared it
            headers.append(("content-length", next(v for k, v in pairs if k == "content-length").strip()))
        elif declared or method not in ("GET", "HEAD"):
            headers.append(("content-length", str(len(body))))
        headers.append(("host", urlsplit(url).netloc))
        # as Miniflare's entry worker: Accept-Encoding is always "br, gzip" in Workers, and the
        # client's address is CF-Connecting-IP unless the request names one (an empty one is
        # replaced: ``!request.headers.get("CF-Connecting-IP")`` in its entry.worker.ts)
        accept_encoding = next((v for k, v in headers if k == "accept-encoding"), None)
        headers = [(k, v) for k, v in headers if k != "accept-encoding"] + [("accept-encoding", "br, gzip")]
        client = scope.get("client")
        if client and not next((v for k, v in headers if k == "cf-connecting-ip"), ""):
            headers = [(k, v) for k, v in headers if k != "cf-connecting-ip"]
            headers.append(("cf-connecting-ip", str(client[0])))
        # each name as the client spelt it (or Miniflare's entry worker, for one it adds), as workerd
        # keeps it: a Worker that sends these headers on sends those spellings (wrangler dev 4.164.0)
        spelt = scope.get("extensions", {}).get(NAMES_EXTENSION) or {}
        as_spelt = [(spelt.get(k) or _ENTRY_SPELLING.get(k, k), v) for k, v in headers]
        bodiless = method in ("GET", "HEAD")
        request = JsRequest(url, method=method, headers=as_spelt, body=None if bodiless else body,
                            cf=incoming_cf(accept_encoding=accept_encoding), redirect="manual")  # as workerd's
        if bodiless and body:  # workerd's server hands on what the client sent; only `new Request` refuses it
            request._body = body
        as_received(request)
        # its length known when the client sent a Content-Length (else it came chunked)
        request._length_unknown = request._body is not None and not any(k == "content-length" for k, _ in headers)
        return request


#: the scope's mark of a body whose stream failed as a hung request (:func:`_finished`)
_HUNG_BODY = "workers_env.hung_body"
#: workerd's line for a response body the hang check ended, as wrangler dev 4.164.0 prints it after
#: the request's own ``Uncaught Error`` lines (a JavaScript twin awaiting a replaced ``writer.ready``);
#: its source line workerd 1.20261123.1's, wrangler 4.168.0's (1.20261117.1 said ``:2052``: devprobes69)
HUNG_BODY_LINE = f"Uncaught exception: workerd/io/io-context.c++:2067: failed: remote.jsg.Error: {HANGING}"


async def _finished(scope: Scope, ctx: Any) -> None:
    """The request's ``waitUntil`` work, then its timers, ended (``ctx._finish()``); then, for a
    body the hang check ended, workerd's lines on it where wrangler dev 4.164.0 prints them, after
    the ``Uncaught Error`` lines of the request's work: the hang's own ``Uncaught Error`` when no
    ``waitUntil`` work failed with it (a body nothing writes), then :data:`HUNG_BODY_LINE`
    (JavaScript twins: a body nothing writes, and one whose writer in ``waitUntil`` awaits a
    replaced ``ready``). workers-env printed its own "response stream failed" line first."""
    waited = list(ctx._tasks)
    await ctx._finish()
    if scope.get(_HUNG_BODY):
        if not any(task.done() and not task.cancelled() and is_hang(task.exception()) for task in waited):
            log.error("Uncaught Error: %s ", HANGING)
        log.error(HUNG_BODY_LINE)


#: How often the dev server looks for a reloaded Worker's queues (seconds).
_QUEUE_POLL = 0.5


def _report_delivery(delivery: QueueDelivery, names_kept: bool) -> None:
    """A delivered batch as wrangler dev shows it: the handler's uncaught exception, then
    Miniflare's lines (``[wrangler:warn] Dropped message ...``, ``[wrangler:info] QUEUE jobs 2/2 (3ms)``)."""
    if delivery.error is not None:
        shown = uncaught(delivery.error)
        log.error("Uncaught exception in the worker's queue handler (queue %r)", delivery.queue,
                  exc_info=(type(shown), shown, without_our_frames(shown)), extra={"error_names_kept": names_kept})
    for level, text in delivery.log:  # miniflare's lines: on stdout at every level that shows them
        _loglevel.emit(level, f"[wrangler:{level}] {text}")
