"""How a Worker's subrequest is sent: :func:`send_request`, under ``js.fetch`` (and so
``pyodide.http.pyfetch`` and ``workers.fetch``).

A JS ``Request`` goes out with the standard library (urllib, in a thread): its head written as
workerd writes it (runtime/wireheaders.py), its redirects followed as workerd follows them
(runtime/fetchredirect.py), the answer's body handed over as it arrives (runtime/fetchbody.py);
an aborted signal, or the end of the request that made it, drops its connection, and what the
origin's failures are is workerd's errors (:func:`network_error`). Apart from the ``workers``
module (runtime/workers_api.py), which only calls :func:`send_request`: none of this is the SDK's.
"""

from __future__ import annotations

import asyncio
import http.client
import inspect
import logging
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from email.errors import MissingHeaderBodySeparatorDefect
from typing import Any

from workers_env._errors import JsException, internal_error_text
from workers_env.runtime.abort import JsAbortSignal, raise_reason, subrequest_signal
from workers_env.runtime.cachemode import subrequest_cache_headers
from workers_env.runtime.contentencoding import brotli_module, content_encoding, without_br
from workers_env.runtime.current import current_context, current_runtime
from workers_env.runtime.dataurl import data_url_response, parse_data_url
from workers_env.runtime.fetchbody import PIECE, FetchedBody, start_pump
from workers_env.runtime.fetchredirect import REDIRECT_STATUSES, redirect_error, redirect_hop, scheme_refusal
from workers_env.runtime.jsglobals import JsURL
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsweb import NEXT_FETCHER, JsRequest, JsResponse
from workers_env.runtime.legacyurl import LegacyUrl, fetch_cannot_load, parse_legacy_url
from workers_env.runtime.timers import ends_with_request
from workers_env.runtime.wireheaders import request_head, with_zone

__all__ = ["network_error", "send_request"]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A 3xx answer is an answer, ``Location`` and all: :func:`send_request` follows it as
    workerd does, unless ``redirect: "manual"``."""

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any) -> None:
        """None: the answer is the 3xx itself, its ``Location`` unread -- urllib's own handler
        parses it first, and one no URL parser takes (``http://[``) was its ``ValueError``."""
        return None

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class _Subrequest:
    """The sockets of one subrequest under way, so that aborting its signal drops the connection
    (the origin sees it closed), as workerd cancels an aborted fetch."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.dropped = False
        self.ended = False  # dropped because the request that made it ended
        self.invalid_is_type_error = False  # fetch_invalid_response_type_error: _invalid_answer
        self._lock = threading.Lock()

    def opened(self, sock: socket.socket) -> None:
        with self._lock:
            self.sockets.append(sock)
            if self.dropped:
                _shut(sock)

    def drop(self, _event: Any = None) -> None:
        with self._lock:
            self.dropped = True
            for sock in self.sockets:
                _shut(sock)

    def check(self) -> None:
        """Raise ``ConnectionAbortedError`` once it is dropped: checked before each step that would
        open or use a connection (a name lookup, a connect), so that a subrequest dropped before
        its socket exists -- during the lookup -- connects nothing. One dropped after the last
        check and before ``connect()`` begins may still connect (a shutdown cannot stop a connect
        not yet begun): the check after ``connect()`` closes that socket, nothing sent on it."""
        if self.dropped:
            raise ConnectionAbortedError("the subrequest was dropped (aborted, or its request ended)")

    def end(self) -> None:
        """The request that made it is over (runtime/timers.py): dropped, and whatever still
        awaits it cancelled (see :func:`send_request`)."""
        self.ended = True
        self.drop()


def _shut(sock: socket.socket) -> None:
    """Shut ``sock`` down for both directions: a connect, TLS handshake or read under way on it
    in another thread ends at once. A TLS socket is shut as the socket it is (``SSLSocket``'s
    own ``shutdown`` drops its TLS state first, so that thread's next step would fail with
    ``AttributeError`` or ``ValueError`` rather than the ``OSError`` of a lost connection)."""
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # closed already (its fd -1), or never connected
        pass


#: the subrequest the thread sending it works for (set in that thread's context)
_SUBREQUEST: ContextVar[_Subrequest | None] = ContextVar("workers_env_subrequest", default=None)


#: the headers urllib writes itself, which :class:`_WorkerdWire` writes as workerd does instead
_URLLIB_OWN = frozenset({"host", "connection", "content-length", "transfer-encoding", "content-type"})


class _WholeLines:
    """An answer's reader while its head is read (:class:`_WorkerdResponse`): a line the
    connection ends in the middle of, or the end of the connection before the blank line that
    ends the head, is the connection lost, as workerd's reader meets it -- ``http.client`` takes
    the part it got (``HTTP/1.1 200 O``) as a whole line, and the end as the end of the headers."""

    def __init__(self, fp: Any):
        self._fp = fp

    def readline(self, limit: int = -1) -> bytes:
        line = self._fp.readline(limit)
        if not line.endswith(b"\n") and len(line) != limit:  # (a line past the limit: http.client's own error)
            raise ConnectionResetError("the connection ended inside the head of the answer")
        return line  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fp, name)


class _WorkerdResponse(http.client.HTTPResponse):
    """An answer's head read as workerd's HTTP client reads it: a head the connection ends inside
    (:class:`_WholeLines`) is the connection lost, and an informational answer (``1xx``) but
    ``101`` is passed over for the answer after it -- ``http.client`` passes over ``100`` alone,
    and took ``103 Early Hints`` for the answer (wrangler dev 4.164.0's workerd, a JS twin:
    ``Error: Network connection lost.`` for each such head that ends there; review73)."""

    def begin(self) -> None:
        fp = self.fp
        self.fp = _WholeLines(fp)  # type: ignore[assignment]
        try:
            super().begin()
        finally:
            if self.fp is not None:
                self.fp = fp

    def _read_status(self) -> tuple[str, int, str]:
        while True:
            version, status, reason = super()._read_status()  # type: ignore[misc]
            if not 100 < status < 200 or status == 101:  # (100: begin() passes over it itself)
                return version, status, reason
            http.client._read_headers(self.fp)  # type: ignore[attr-defined]  # its headers, passed over too


class _WorkerdWire:
    """An HTTP connection that writes the head of a Worker's request as workerd does
    (:func:`~workers_env.runtime.wireheaders.request_head`: the Worker's header names as spelt,
    in KJ's order, a line per value, no ``Connection: close``, ``Accept-Encoding`` or
    ``User-Agent`` of its own) rather than urllib's (names title-cased, one line per name);
    what else urllib adds (a proxy's ``Proxy-Authorization``) is kept. Its socket is registered
    with the subrequest it sends before it connects (an HTTPS one again as the TLS socket it
    becomes, before its handshake), so an abort can drop it."""

    wire_lines: list[tuple[str, str]] | None = None  #: the Worker's header lines (set by the handler)
    response_class: type[http.client.HTTPResponse] = _WorkerdResponse

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_registered  # http.client's hook for socket.create_connection

    def putrequest(self, method: str, url: str, skip_host: bool = False, skip_accept_encoding: bool = False) -> None:
        super().putrequest(method, url, skip_host=skip_host, skip_accept_encoding=True)  # type: ignore[misc]

    def _send_request(self, method: str, url: str, body: Any, headers: Mapping[str, Any],
                      encode_chunked: bool) -> None:
        if self.wire_lines is None:  # not a Worker's fetch
            super()._send_request(method, url, body, headers, encode_chunked)  # type: ignore[misc]
            return
        own = {name.lower() for name, _ in self.wire_lines}
        host = next((value for name, value in headers.items() if name.lower() == "host"), "")
        added = [(name, value) for name, value in headers.items() if name.lower() not in _URLLIB_OWN | own]
        self.putrequest(method, url, skip_host=True)
        for name, value in request_head(method, host, body, [*self.wire_lines, *added]):
            self.putheader(name, value)  # type: ignore[attr-defined]
        chunked = body is not None and not isinstance(body, bytes)  # a stream's (request_head)
        self.endheaders(body, encode_chunked=chunked)  # type: ignore[attr-defined]

    def _encode_request(self, request: str) -> bytes:
        # a legacy-era URL's non-ASCII characters go as their UTF-8 bytes (runtime/legacyurl.py);
        # a WHATWG-serialized one has none
        return request.encode("utf-8")


def _connect_registered(address: tuple[str, int], timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
                        source_address: tuple[str, int] | None = None) -> socket.socket:
    """``socket.create_connection``, each socket registered with the subrequest it sends before
    it connects: a request that ends -- or a signal that aborts -- while the connect is still
    pending (an address that never answers, a listener whose backlog is full) shuts it down,
    which ends the connect at once, instead of leaving the thread sending it blocked until its
    timeout (workerd cancels a torn-down IoContext's connect with the rest of its I/O)."""
    subrequest = _SUBREQUEST.get()
    if subrequest is None:
        return socket.create_connection(address, timeout, source_address)
    host, port = address
    subrequest.check()  # dropped before the name lookup
    error: OSError | None = None
    for family, kind, proto, _, where in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
        subrequest.check()  # dropped during the lookup (or a connect before): nothing is connected
        sock = socket.socket(family, kind, proto)
        subrequest.opened(sock)  # shut at once when the subrequest is dropped already
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            subrequest.check()
            sock.connect(where)
            subrequest.check()  # dropped while it connected (a shutdown cannot stop a connect not yet begun)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
            if subrequest.dropped:
                break
    raise error if error is not None else OSError("getaddrinfo returns an empty list")


class _HTTPConnection(_WorkerdWire, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_WorkerdWire, http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        context: ssl.SSLContext = self._context  # type: ignore[has-type]
        self._context = _HandshakeRegistered(context)  # type: ignore[assignment]  # what connect() wraps with


class _HandshakeRegistered:
    """An ``ssl.SSLContext`` whose ``wrap_socket`` registers the TLS socket with the subrequest
    it sends before the handshake: the TCP socket it wraps is detached by then, so without it a
    request that ends -- or a signal that aborts -- during the handshake (a server that accepts
    and never answers it) could not shut it down, and the thread would wait out its timeout."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)

    def wrap_socket(self, sock: socket.socket, server_hostname: str | None = None) -> ssl.SSLSocket:
        tls = self._context.wrap_socket(sock, server_hostname=server_hostname, do_handshake_on_connect=False)
        subrequest = _SUBREQUEST.get()
        if subrequest is not None:
            subrequest.opened(tls)  # shut at once when the subrequest is dropped already
        try:
            tls.do_handshake()
        except BaseException:
            tls.close()  # as ssl's own wrap_socket closes a socket whose handshake failed
            raise
        return tls


_CONNECTIONS: dict[type, type] = {http.client.HTTPConnection: _HTTPConnection,
                                  http.client.HTTPSConnection: _HTTPSConnection}


class _WorkerdHandler:
    """A handler whose connections write a Worker's request as workerd does (:class:`_WorkerdWire`,
    the lines a request's ``wire_lines`` holds), and that sends a body without a
    ``Content-Type`` without one: urllib's own ``application/x-www-form-urlencoded`` is not
    added, as workerd adds none to a Worker's fetch of a stream or buffer (wrangler dev 4.164.0)."""

    def do_request_(self, request: urllib.request.Request) -> urllib.request.Request:
        request = super().do_request_(request)  # type: ignore[misc]
        request.unredirected_hdrs.pop("Content-type", None)  # only urllib's default is kept there
        return request

    http_request = https_request = do_request_

    def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
        connection = _CONNECTIONS.get(http_class, http_class)

        def made(*args: Any, **options: Any) -> Any:
            made_one = connection(*args, **options)
            made_one.wire_lines = getattr(req, "wire_lines", None)
            return made_one

        return super().do_open(made, req, **kwargs)  # type: ignore[misc]


class _HTTPHandler(_WorkerdHandler, urllib.request.HTTPHandler):
    pass


class _HTTPSHandler(_WorkerdHandler, urllib.request.HTTPSHandler):
    pass


class _ProxyAtEachFetch(urllib.request.ProxyHandler):
    """urllib's ``ProxyHandler`` reading ``http_proxy``/``https_proxy`` (and, as urllib always
    does, ``no_proxy``) at each fetch rather than once when the opener is built: a proxy set
    after import -- ``monkeypatch.setenv`` in a test, ``os.environ`` in a script -- is used."""

    def __init__(self) -> None:
        super().__init__({})  # no proxy fixed now: ``http_open``/``https_open`` look each time

    def _through(self, request: urllib.request.Request, scheme: str) -> Any:
        proxy = urllib.request.getproxies().get(scheme)
        return None if proxy is None else self.proxy_open(request, proxy, scheme)

    def http_open(self, request: urllib.request.Request) -> Any:
        return self._through(request, "http")

    def https_open(self, request: urllib.request.Request) -> Any:
        return self._through(request, "https")


#: redirects are followed by :func:`send_request` (runtime/fetchredirect.py), not by urllib
_OPENER = urllib.request.build_opener(_ProxyAtEachFetch(), _HTTPHandler, _HTTPSHandler, _NoRedirects())
# workerd adds no User-Agent to a Worker's fetch (a probe under wrangler dev 4.164.0): without
# urllib's own, an API that requires one refuses the request here as it does in production
_OPENER.addheaders = []


def network_error(exc: BaseException) -> JsException:
    """What workerd's ``fetch()`` rejects with when the origin cannot be reached (wrangler dev
    4.168.0, workerd 1.20261123.1): a host name whose lookup failed is ``Error: Network connection
    failed: failed to lookup address information: <the resolver's words>`` (``Name or service not
    known``: glibc's ``gai_strerror``; 4.164.0's workerd said ``internal error; reference = <id>``),
    a host kj sends to no address without looking it up (a ``gaierror`` with no words here) ``Error:
    internal error; reference = <id>``, any other failure to connect (refused, reset, timed out)
    ``Error: Network connection lost.``"""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        if isinstance(reason.strerror, str) and reason.strerror:
            return JsException(f"Network connection failed: failed to lookup address information: {reason.strerror}")
        return JsException(internal_error_text())
    return JsException("Network connection lost.")


async def send_request(js_request: JsRequest) -> JsResponse:
    """Send a JS request with the standard library (in a thread); network failures are
    workerd's errors (:func:`network_error`); an aborted ``signal`` fails it with the signal's reason, before or while
    it is under way (a timeout signal bounds the socket's wait too). It resolves once the
    answer's head is in, its body a stream fed as it arrives (:func:`_hand_over`), as workerd's
    does -- but an answer in gzip or brotli, read whole first and decoded at its first read."""
    data_url = parse_data_url(js_request.url)  # answered before any fetcher (http.c++ DataUrl)
    if data_url is not None:
        return data_url_response(js_request, data_url)
    routed = js_request._fetcher
    if routed is not None and routed is not NEXT_FETCHER:  # a Request's own fetcher sends it (fetchImpl)
        answer = routed.fetch(js_request)
        return await answer if inspect.isawaitable(answer) else answer
    body = js_request._body
    first = _fetch_url(js_request.url)  # Fetcher::parseUrl, before the request is sent
    signal = subrequest_signal(js_request.signal)  # an incoming request's, without request_signal_passthrough: none
    signal.throwIfAborted()
    left = signal.seconds_left()
    extra: dict[str, str] = {}
    subrequest_cache_headers(js_request._cache_mode, js_request.cf, extra)  # a cache mode's (http.c++)
    runtime = current_runtime()  # read here: send() runs in a thread
    zone = getattr(runtime, "cf_worker", None)
    brotli_enabled = getattr(runtime, "brotli_content_encoding", True)
    standard = getattr(runtime, "fetch_standard_url", True)
    strip_authorization = getattr(runtime, "strip_authorization_on_redirect", True)

    subrequest = _Subrequest()
    subrequest.invalid_is_type_error = bool((getattr(runtime, "compat_flags", None) or {}).get(
        "fetch_invalid_response_type_error"))  # no date: off outside Worker code too

    def send() -> tuple[JsResponse, Any, tuple[int | None, str | None]]:
        _SUBREQUEST.set(subrequest)  # this thread's own context (a copy)
        # the Worker's header lines: names as it spelt them, a line per value (JsHeaders.lines),
        # values as workerd sends them (their UTF-8, a lone surrogate's 3 bytes); request_head
        # leaves out its Host (the URL's goes), Content-Length and Transfer-Encoding (kj frames the
        # body itself: a wrong length does not cut it, a GET a 303 made keeps none) and the other
        # connection-level ones (Connection, Keep-Alive, TE: wrangler dev 4.164.0); a Worker's own
        # CF-Worker and CF-Connecting-IP give way to the zone (Miniflare's outbound worker); a
        # name that is not ASCII (Headers keeps `x-\ufffd` of `x-é`, `x-€`) is not sent, and the
        # fetch goes on: wrangler dev 4.164.0's origin saw only the ASCII names (2026-12-04); nor is
        # one named "" (Headers keeps it; the origin saw no line of it: left57, 2026-12-06)
        sent = [(k, v) for k, v in js_request.headers.lines() if k and k.isascii()]
        for name, value in extra.items():  # the Worker's own Cache-Control or Pragma stays
            if all(k.lower() != name.lower() for k, _ in sent):
                sent.append((name, value))
        if zone is not None:
            sent = with_zone(sent, zone)
        offered = [v for k, v in sent if k.lower() == "accept-encoding"]
        if brotli_enabled and offered and brotli_module() is None:
            # production would decode a brotli answer; without the brotli module workers-env cannot,
            # so the origin is not offered it (it answers gzip or identity instead)
            sent = [(k, v) for k, v in sent if k.lower() != "accept-encoding"]
            if without_br(", ".join(offered)):
                sent.append(("Accept-Encoding", without_br(", ".join(offered))))  # indexed: KJ's place
        method, data = js_request.method, body
        chunked = js_request._length_unknown
        urls = [first]  # the URL list: the last is the one sent (runtime/fetchredirect.py)
        while True:
            url = urls[-1]
            if subrequest.dropped:  # before this hop (a redirect's) was sent: nothing more is connected
                raise network_error(ConnectionAbortedError())
            unreachable = _address_error(url)
            if unreachable is not None:
                raise unreachable
            # a body of unknown length goes chunked, once (a redirect cannot send it again)
            status, reason, headers, reply = _exchange(url.sendable(), method, iter([data]) if chunked and data
                                                       is not None else data, sent, left, js_request)
            refusal = redirect_error(status, js_request.redirect)  # fetch_redirect_error's "error" mode
            if refusal is not None:
                _read_whole(reply, method, js_request)  # the redirect's own body: read, and let go
                raise refusal
            location = _location(headers) if status in REDIRECT_STATUSES and js_request.redirect == "follow" else ""
            if not location:
                break
            _read_whole(reply, method, js_request)  # a redirect's own body: read, and let go
            drop_authorization, to_get = redirect_hop(
                urls, status, location, method, one_time_body=js_request._one_time_body and data is not None,
                standard=standard, strip_authorization=strip_authorization)
            if drop_authorization:
                sent = [(k, v) for k, v in sent if k.lower() != "authorization"]
            if to_get:
                method, data = "GET", None
            refusal = scheme_refusal(urls[-1])
            if refusal is not None:
                raise refusal
        encoding = content_encoding(JsHeaders(headers), js_request._encode_response_body, brotli_enabled)
        has_length = any(k.lower() == "content-length" for k, _ in headers)
        length = reply.length if has_length else None
        if _streams(reply, method, status):  # handed over as it arrives, decoded as read (_hand_over)
            response = JsResponse(None, None, status=status, statusText=reason, headers=headers)
            # its body's length known to a fetch that sends it on only when it came with a
            # Content-Length and is not decoded (headers as received, whatever it decodes to)
            response._length_unknown = length is None or encoding is not None
            still_open: http.client.HTTPResponse | None = reply
        else:  # no body at all: read to let the connection go
            _read_whole(reply, method, js_request)
            # a 101 no WebSocket asked for is the answer too (wrangler dev 4.164.0: status 101, no body),
            # which the constructor refuses the Worker's own code
            response = JsResponse(None, None, status=200 if status == 101 else status, statusText=reason,
                                  headers=headers)
            response.status = status
            still_open = None
        response._encode_body = js_request._encode_response_body  # makeHttpResponse's bodyEncoding
        response.headers.immutable()  # makeHttpResponse's Headers::Guard::RESPONSE
        response.redirected = len(urls) > 1
        response.url = urls[-1].href()  # the last URL of the list, without its fragment (makeHttpResponse)
        if still_open is not None and subrequest.dropped:  # aborted (or its request ended) as the head came
            still_open.close()
            raise network_error(ConnectionAbortedError())
        return response, still_open, (length, encoding)

    task = asyncio.ensure_future(asyncio.to_thread(send))
    # an abort of the signal while the request is under way drops its connection, even once the
    # Worker has stopped awaiting it (Pyodide 0.28's pyfetch aborts when its await is cancelled)
    signal._listen(subrequest, subrequest.drop)
    # and it ends with the request that made it, as workerd cancels a torn-down IoContext's I/O:
    # a subrequest the Worker stopped awaiting (Pyodide 0.26, js.fetch) is dropped then
    forget = ends_with_request(current_context(), subrequest.end)
    task.add_done_callback(lambda done: _settle(done, signal, subrequest, forget))
    while True:  # watch the signal while the request is under way
        done, _ = await asyncio.wait({task}, timeout=0.02)
        if signal.aborted:
            subrequest.drop()
            if done and task.exception() is None and task.result()[1] is not None:
                task.result()[1].close()  # the head came as it aborted: its body is not read
            task.cancel()
            raise_reason(signal.reason)
        if done:
            if subrequest.ended and task.exception() is not None:
                # dropped with its request: workerd never settles the promise of a torn-down
                # IoContext's fetch, and nothing of the request awaits it; cancelled, the task
                # left running (never awaited, say) ends without asyncio's "exception was never
                # retrieved" and its traceback
                raise asyncio.CancelledError
            response, reply, (length, encoding) = task.result()
            if reply is not None:
                _hand_over(response, reply, length, encoding, signal, subrequest, js_request)
            return response


def _fetch_url(url: str) -> LegacyUrl:
    """A Request's ``url`` as workerd's ``Fetcher::parseUrl`` reads it for ``fetch``: with kj's
    parser (runtime/legacyurl.py) -- from ``fetch_standard_url`` the WHATWG parser's
    serialization of it --, what it cannot parse or a scheme other than ``http``/``https`` being
    ``TypeError: Fetch API cannot load: <url>`` (``fetch_refuses_unknown_protocols``, 2021-11-10;
    a ``data:`` URL without a comma among them: one with a comma never gets here,
    :func:`~workers_env.runtime.dataurl.data_url_response`). What is sent is its
    :meth:`~LegacyUrl.sendable` (no user info, no fragment), the response's ``url`` unless
    redirected its :meth:`~LegacyUrl.href` (kj's serialization without the fragment, user info
    kept: wrangler dev 4.164.0)."""
    if getattr(current_runtime(), "fetch_standard_url", True):
        parsed = JsURL(url)
        if parsed.protocol not in ("http:", "https:"):
            raise JsException(fetch_cannot_load(url), name="TypeError")
        legacy = parse_legacy_url(parsed.href)
    else:
        legacy = parse_legacy_url(url)
    if legacy is None or legacy.scheme not in ("http", "https"):
        raise JsException(fetch_cannot_load(url), name="TypeError")
    return legacy


def _address_error(url: LegacyUrl) -> JsException | None:
    """What workerd's fetch fails with for a URL whose host names no address it can send to
    (measured under wrangler dev 4.164.0, tools/wrangler/fetch_url_differential.py and
    fetch_redirect_differential.py), or None: no host, or a request target with ``"``, ``<``,
    ``>`` or DEL, is ``Error: internal error; reference = ...``; so is a host kj takes that
    the standard library reads no host and port of and whose name kj does not look up (``[::1``,
    ``a:b:c``, ``h:1:``); one whose name it looks up (``h:99999``, ``[zz]``, ``h.invalid:80x``) is
    :func:`network_error`'s failed lookup if the name does not resolve (4.168.0; 4.164.0's workerd
    said internal error there too), ``Error: Network connection lost.`` if it resolves and only its
    port is wrong (``localhost:80x``, ``127.0.0.1:99999``, ``[::1]:0x50``), as workerd resolves the
    name before it reads the port. Called in the sending thread: it may look the name up."""
    if not url.host or url.refused():
        return network_error(socket.gaierror())
    try:
        urllib.parse.urlsplit(url.sendable()).port  # noqa: B018 - read for its ValueError
    except ValueError:
        pass
    else:
        return None
    name, port = _name_and_port(url.host)
    if name is None or (port is not None and port.isascii() and port.isdigit() and int(port) <= 65535):
        return network_error(socket.gaierror())
    if ":" in name and not url.host.startswith("["):  # ``a:b:c``, ``h:1:``: kj looks no such name up (4.168.0)
        return network_error(socket.gaierror())
    try:
        socket.getaddrinfo(name, None)
    except (OSError, UnicodeError) as exc:
        return network_error(exc if isinstance(exc, socket.gaierror) else socket.gaierror())
    return network_error(ConnectionError())


def _name_and_port(host: str) -> tuple[str | None, str | None]:
    """A host's name (without an IPv6 address's brackets; None when a bracket is not closed or
    something but a port follows it) and the text after its port's ``:`` (None: no port)."""
    if host.startswith("["):
        end = host.find("]")
        rest = host[end + 1:]
        if end < 0 or (rest and not rest.startswith(":")):
            return None, None
        return host[1:end], rest[1:] if rest else None
    name, colon, port = host.rpartition(":")
    return (name, port) if colon else (host, None)


def _location(headers: list[tuple[str, str]]) -> str:
    """A redirect's ``Location`` (empty: none), its bytes read as UTF-8 (http.client reads
    header values as Latin-1)."""
    value = next((v for k, v in headers if k.lower() == "location"), "")
    return value.encode("latin-1", "replace").decode("utf-8", "replace")


def _exchange(url: str, method: str, data: bytes | Iterator[bytes] | None, headers: list[tuple[str, str]],
              left: float | None, js_request: JsRequest
              ) -> tuple[int, str, list[tuple[str, str]], http.client.HTTPResponse]:
    """One request and the head of its answer (a redirect among them: runtime/fetchredirect.py
    follows it), with the answer still open for its body; network failures as workerd's errors
    (:func:`network_error`), a head that is not HTTP too (:func:`_invalid_answer`). ``headers`` go
    out as workerd writes them (:class:`_WorkerdWire`)."""
    raw = urllib.request.Request(url, data=data, method=method)
    raw.wire_lines = headers  # type: ignore[attr-defined]  # read by _WorkerdHandler.do_open
    try:
        reply = _OPENER.open(raw, timeout=30 if left is None else max(min(left, 30), 0.001))
        status, reason = reply.status, reply.reason
    except urllib.error.HTTPError as exc:
        # the error itself, which reads its answer (closed once collected: it is kept until then)
        reply, status, reason = exc, exc.code, exc.reason  # type: ignore[assignment]
    except (urllib.error.URLError, OSError) as exc:
        raise _failed_here(exc, method, js_request) from None
    except http.client.HTTPException as exc:  # a status line that is not HTTP's
        raise _invalid_answer(_status_line_part(exc), exc, method, js_request) from None
    if any(isinstance(defect, MissingHeaderBodySeparatorDefect) for defect in reply.headers.defects):
        reply.close()  # a header line without a colon, which http.client let through
        raise _invalid_answer("header", http.client.HTTPException("a header line without a colon"), method,
                              js_request)
    return status, reason, reply.headers.items(), reply


def _status_line_part(exc: http.client.HTTPException) -> str | None:
    """The part of a refused status line workerd 1.20261123.1 names (``version``, ``status-code``),
    or None for another refusal (a line too long, too many headers)."""
    line = getattr(exc, "version" if isinstance(exc, http.client.UnknownProtocol) else "line", None)
    if not isinstance(line, str):
        return None
    return "status-code" if line.startswith("HTTP/1.") else "version"


def _invalid_answer(part: str | None, exc: BaseException, method: str, js_request: JsRequest) -> JsException:
    """workerd's error for an answer whose head is not HTTP: wrangler dev 4.168.0's workerd
    (1.20261123.1) names the invalid ``part`` in its words, an ``Error`` -- a ``TypeError`` with the
    ``fetch_invalid_response_type_error`` flag (no date) -- where 4.164.0's dropped it as a lost
    connection (measured: tools/wrangler/fetch_ended_head_probe.py, devprobes69); a refusal that
    names no part (a line too long, too many headers) is still the lost connection."""
    subrequest = _SUBREQUEST.get()
    if part is None:
        return _failed_here(exc, method, js_request)
    return JsException("Server returned invalid HTTP response: The headers sent by the server are not valid. "
                       f"(client error (SendRequest): invalid HTTP {part} parsed)",
                       name="TypeError" if subrequest is not None and subrequest.invalid_is_type_error else "Error")


def _failed_here(exc: BaseException, method: str, js_request: JsRequest,
                 subrequest: _Subrequest | None = None) -> JsException:
    """workerd's error for a connection that failed (:func:`network_error`), the local reason
    logged -- production's error has no Python cause -- unless the subrequest (``None``: the
    sending thread's) was dropped (an aborted one's reason is what the Worker sees, and says it;
    a canceled body's or an ended request's nobody reads)."""
    subrequest = subrequest if subrequest is not None else _SUBREQUEST.get()
    if subrequest is None or not subrequest.dropped:
        logging.getLogger("workers_env.fetch").warning("fetch %s %s failed here: %s", method, js_request.url, exc)
    return network_error(exc)


def _read_whole(reply: http.client.HTTPResponse, method: str, js_request: JsRequest) -> bytes:
    """The rest of an answer's body, read whole, the connection closed after it (one cut short
    of its ``Content-Length`` is a lost connection, as workerd's read of it fails)."""
    try:
        with reply:
            return reply.read()
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise _failed_here(exc, method, js_request) from None


def _streams(reply: http.client.HTTPResponse | None, method: str, status: int) -> bool:
    """Whether an answer has a body, handed to the Worker as it arrives (runtime/fetchbody.py):
    any but an answer to HEAD or of a null-body status, whose body stays ``null``. A
    ``Content-Length: 0`` answer's is an empty stream, not ``null``, as under wrangler dev
    4.164.0 (in gzip, its first read fails as an empty gzip stream there)."""
    return reply is not None and reply.fp is not None and method != "HEAD" and status not in (101, 204, 205, 304)


def _hand_over(response: JsResponse, reply: http.client.HTTPResponse, length: int | None, encoding: str | None,
               signal: JsAbortSignal, subrequest: _Subrequest, js_request: JsRequest) -> None:
    """Make ``response``'s body the stream of what is still to come of ``reply``
    (runtime/fetchbody.py), pumped from the connection as it arrives, in ``encoding`` (decoded
    as read). The fetch's signal
    aborted errors the stream with its reason, and the end of the request that made it drops
    the connection, as workerd cancels a torn-down IoContext's I/O; either closes the
    connection, as does a cancel of the body."""
    body = FetchedBody(subrequest.drop, encoding, length)
    body.owner = response._body_cell()
    response._live = body
    method = js_request.method

    def read() -> bytes:
        piece = reply.read1(PIECE)
        if not piece and reply.length:  # the connection closed short of the Content-Length
            raise http.client.IncompleteRead(b"", reply.length)
        return piece

    def failed(exc: BaseException) -> BaseException:
        if signal.aborted:
            return _reason_error(signal.reason)
        return _failed_here(exc, method, js_request, subrequest)

    def aborted(_event: Any = None) -> None:
        subrequest.drop()
        body.ended(_reason_error(signal.reason))

    def ended() -> None:
        subrequest.end()
        body.ended(network_error(ConnectionAbortedError()))

    forget = ends_with_request(current_context(), ended)

    def done() -> None:
        signal._unlisten(body)
        forget()
        reply.close()

    signal._listen(body, aborted)
    start_pump(body, read, failed, done)


def _reason_error(reason: Any) -> BaseException:
    """A signal's reason as the error it throws (:func:`raise_reason`)."""
    try:
        raise_reason(reason)
    except BaseException as exc:  # noqa: BLE001 - the reason itself, whatever it is
        return exc
    raise AssertionError("raise_reason returned")


def _settle(task: asyncio.Future[Any], signal: JsAbortSignal, subrequest: _Subrequest,
            forget: Callable[[], None]) -> None:
    """Once the thread sending a subrequest is done: stop listening to its signal and to its
    request's end, and take its error. The watch in :func:`send_request` reads it itself --
    also for a subrequest whose Worker stopped awaiting it (the promise's task goes on) -- unless
    that watch was cancelled first: the event loop's end (``asyncio.run``'s) just as a subrequest
    left running, dropped with its request, fails. Nobody is left to read that error, which
    asyncio would log as ``Task exception was never retrieved`` (production says nothing; pin68:
    tests/test_runtime_cancelled_fetch_logs_no_unretrieved_error.py drives that end by hand)."""
    signal._unlisten(subrequest)
    forget()
    if not task.cancelled():
        task.exception()
