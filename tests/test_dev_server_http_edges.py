"""What the dev server does with HTTP a client or a Worker gets slightly wrong, as ``wrangler dev``
(workerd 4.164.0) does it: checked side by side with a JavaScript Worker under wrangler dev.

The URL a Worker sees is built from ``Host`` and the target's path (an absolute-form target's
authority and a fragment dropped), the connection-level headers are the server's (a Worker
neither sees ``Connection``/``Keep-Alive``/``TE``/``Upgrade`` nor sends them), header values
cross in UTF-8, a Worker's body stream that fails cuts the connection, and a client's odd
request never costs the server its life or a traceback of workers-env's own."""

from __future__ import annotations

import json
import logging

import pytest
from test_dev_server import exchange, serving, split_answer

#: wrangler dev 4.164.0's line for it, measured (tools/wrangler/dev_uncaught_kinds_probe.py)
NO_URL = "Uncaught exception: workerd/jsg/value.h:1456: failed: remote.jsg.TypeError: Invalid URL string."

ENTRY = """
import asyncio
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint
from js import TransformStream, TextEncoder
from pyodide.ffi import create_proxy

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/euro":
            return Response("x", headers={"x-u": "\\u20ac", "x-ok": "1"})
        if path == "/hop":
            return Response("hello", headers={"transfer-encoding": "chunked", "connection": "close",
                                              "keep-alive": "timeout=1", "upgrade": "foo", "x-ok": "1"})
        if path == "/length":
            return Response("hello", headers={"content-length": "100"})
        if path == "/streamerr":
            ts = TransformStream.new()
            writer = ts.writable.getWriter()
            async def pump():
                await writer.write(TextEncoder.new().encode("first"))
                await asyncio.sleep(0.05)
                await writer.abort("broken")
            self.ctx.waitUntil(create_proxy(pump)())
            return Response(ts.readable)
        if path == "/stream":
            ts = TransformStream.new()
            writer = ts.writable.getWriter()
            async def pump():
                await writer.write(TextEncoder.new().encode("streamed"))
                await writer.close()
            self.ctx.waitUntil(create_proxy(pump)())
            return Response(ts.readable)
        body = await request.bytes()
        return Response.json({"method": request.method, "url": request.url,
                              "headers": dict(request.headers.items()), "body": len(body)})
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """One server for the module: its Worker keeps no state between requests, and each test's
    requests are answered in full (or its connection closed) before the next test starts."""
    with serving(tmp_path_factory.mktemp("app") / "app", ENTRY) as running:
        yield running


def _seen(port: int, head: str, body: bytes = b"") -> dict:
    """What the echo Worker saw of a request sent as ``head`` (request line and headers)."""
    raw = exchange(port, head.encode("latin-1") + b"Connection: close\r\n\r\n" + body)
    status, _, payload = split_answer(raw, encoding="utf-8")
    assert status == "HTTP/1.1 200 OK", raw
    return json.loads(payload)


# -- the URL and Host ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("target", "host", "url", "host_seen"), [
    ("http://example.com/p?q=1", "h:1", "http://h:1/p?q=1", "h:1"),  # absolute form: Host wins
    ("https://other.test/abs", "h", "http://h/abs", "h"),  # its scheme ignored too (http_differential #110)
    ("/a#frag", "h", "http://h/a", "h"),  # no fragment reaches the Worker
    ("/a?", "h", "http://h/a?", "h"),  # an empty query stays
    ("/a/./b/../../c", "h", "http://h/c", "h"),
    ("/", "user@evil.com", "http://evil.com/", "evil.com"),  # Host read by the URL parser
    ("/", "a.com/evil", "http://a.com/evil/", "a.com"),
    ("/", "EXAMPLE.com:80", "http://example.com/", "example.com"),
])
def test_the_url_is_hosts_and_the_targets_path(server, target: str, host: str, url: str, host_seen: str) -> None:
    seen = _seen(server.port, f"GET {target} HTTP/1.1\r\nHost: {host}\r\n")
    assert (seen["url"], seen["headers"]["host"]) == (url, host_seen)


@pytest.mark.parametrize(("request_line", "status", "body", "logged"), [
    ("GET / HTTP/1.0\r\n", "HTTP/1.0 400 Bad Request", b"Bad Request", None),  # no Host at all (answered in HTTP/1.0)
    ("GET / HTTP/1.1\r\nHost: \r\n", "HTTP/1.1 400 Bad Request", b"Bad Request", None),
    ("GET / HTTP/1.1\r\nHost: a b\r\n", "HTTP/1.1 500 Internal Server Error", b"Internal Server Error",
     NO_URL),
    ("OPTIONS * HTTP/1.1\r\nHost: h:1\r\n", "HTTP/1.1 500 Internal Server Error", b"Internal Server Error",
     NO_URL),
    ("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n", "HTTP/1.1 500 Internal Server Error",
     b"Internal Server Error",  # workerd's logWarningOnce (global-scope.c++)
     "Received a connect event but we lack a handler. Did you remember to export a connect() function?"),
])
def test_a_request_workerd_cannot_hand_to_fetch_gets_its_bare_error(server, request_line: str, status: str,
                                                                   body: bytes, logged: str | None, caplog) -> None:
    with caplog.at_level(logging.INFO):
        raw = exchange(server.port, request_line.encode() + b"Connection: close\r\n\r\n")
    got_status, headers, got_body = split_answer(raw, encoding="utf-8")
    assert (got_status, got_body) == (status, body)
    assert logged is None or logged in caplog.messages
    assert "content-type" not in headers and headers["content-length"] == str(len(body))
    assert "Traceback" not in caplog.text
    assert _seen(server.port, "GET /after HTTP/1.1\r\nHost: h\r\n")["url"] == "http://h/after"


# -- request headers and bodies -----------------------------------------------------------------------
def test_connection_level_headers_never_reach_the_worker(server) -> None:
    seen = _seen(server.port, "GET / HTTP/1.1\r\nHost: h\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n"
                              "Upgrade: h2c\r\nProxy-Connection: keep-alive\r\nX-Foo: 1\r\n")["headers"]
    assert not {"connection", "keep-alive", "te", "upgrade"} & set(seen)
    assert (seen["proxy-connection"], seen["x-foo"]) == ("keep-alive", "1")


def test_a_websocket_handshake_reaches_the_worker_as_a_request(server, caplog) -> None:
    with caplog.at_level(logging.WARNING):
        seen = _seen(server.port, "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")
    assert (seen["headers"]["upgrade"], seen["headers"]["connection"]) == ("websocket", "Upgrade")
    assert "WebSocket library" not in caplog.text  # uvicorn's hint to install one would take the request away


@pytest.mark.parametrize(("head", "body", "length", "headers"), [
    ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n", b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
     11, {"transfer-encoding": "chunked"}),
    ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n", b"5\r\nhello\r\n0\r\n\r\n",
     5, {"transfer-encoding": "chunked"}),
    ("POST / HTTP/1.1\r\nHost: h\r\n", b"", 0, {"content-length": "0"}),
    ("OPTIONS / HTTP/1.1\r\nHost: h\r\n", b"", 0, {"content-length": "0"}),
    ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n", b"hello", 5, {"content-length": "5"}),
    ("GET / HTTP/1.1\r\nHost: h\r\n", b"", 0, {}),
])
def test_bodies_and_their_framing_headers_as_the_worker_sees_them(server, head: str, body: bytes, length: int,
                                                                  headers: dict[str, str]) -> None:
    seen = _seen(server.port, head, body)
    framing = {k: v for k, v in seen["headers"].items() if k in ("content-length", "transfer-encoding")}
    assert (seen["body"], framing) == (length, headers)


def test_header_values_are_read_as_utf8(server) -> None:
    raw = b"GET / HTTP/1.1\r\nHost: h\r\nX-A: caf\xc3\xa9\r\nX-B: caf\xe9\r\nConnection: close\r\n\r\n"
    seen = json.loads(split_answer(exchange(server.port, raw), encoding="utf-8")[2])["headers"]
    assert (seen["x-a"], seen["x-b"]) == ("caf\u00e9", "caf\ufffd")


# -- responses ------------------------------------------------------------------------------------------
def test_a_header_value_beyond_latin1_goes_out_in_utf8(server, caplog) -> None:
    with caplog.at_level(logging.INFO):
        raw = exchange(server.port, b"GET /euro HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
    status, headers, body = split_answer(raw, encoding="utf-8")
    assert (status, headers["x-u"], body) == ("HTTP/1.1 200 OK", "\u20ac", b"x")
    assert "Traceback" not in caplog.text


def test_the_workers_connection_level_headers_are_not_sent(server) -> None:
    raw = exchange(server.port, b"GET /hop HTTP/1.1\r\nHost: h\r\n\r\nGET /after HTTP/1.1\r\nHost: h\r\n"
                                 b"Connection: close\r\n\r\n")
    first, _, rest = raw.partition(b"hello")
    status, headers, _ = split_answer(first, encoding="utf-8")
    assert status == "HTTP/1.1 200 OK"
    assert not {"transfer-encoding", "connection", "keep-alive", "upgrade"} & set(headers)
    assert (headers["content-length"], headers["x-ok"]) == ("5", "1")
    assert rest.startswith(b"HTTP/1.1 200 OK")  # its Connection: close did not end the connection


@pytest.mark.parametrize(("path", "framing"), [
    ("/", {}),  # no Content-Length of the GET's body, no Transfer-Encoding
    ("/stream", {}),
    ("/length", {"content-length": "100"}),  # the Worker's own, as it gave it
])
def test_an_answer_to_head_has_only_the_workers_own_length(server, path: str, framing: dict[str, str]) -> None:
    raw = exchange(server.port, f"HEAD {path} HTTP/1.1\r\nHost: h\r\n\r\nGET /after HTTP/1.1\r\nHost: h\r\n"
                                 "Connection: close\r\n\r\n".encode())
    first, _, rest = raw.partition(b"\r\n\r\n")
    status, headers, _ = split_answer(first + b"\r\n\r\n", encoding="utf-8")
    assert status == "HTTP/1.1 200 OK"
    assert {k: v for k, v in headers.items() if k in ("content-length", "transfer-encoding")} == framing
    assert rest.startswith(b"HTTP/1.1 200 OK")  # nothing of a body came between


def test_a_failed_body_stream_cuts_the_connection_without_the_last_chunk(server, caplog) -> None:
    with caplog.at_level(logging.INFO):
        raw = exchange(server.port, b"GET /streamerr HTTP/1.1\r\nHost: h\r\n\r\n")
    status, headers, body = split_answer(raw, encoding="utf-8")
    assert (status, headers["transfer-encoding"]) == ("HTTP/1.1 200 OK", "chunked")
    assert body == b"5\r\nfirst\r\n"  # no terminating 0-chunk: the client knows it is cut off
    assert "Error: broken" in caplog.text
    assert "The Worker's response stream failed while GET /streamerr was being answered" in caplog.messages
    assert "workers_env/runtime" not in caplog.text and "Exception in ASGI application" not in caplog.text
    assert _seen(server.port, "GET /after HTTP/1.1\r\nHost: h\r\n")["url"] == "http://h/after"
