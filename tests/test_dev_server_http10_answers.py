"""An HTTP/1.0 request is answered in HTTP/1.0, as ``wrangler dev`` 4.164.0 answers it (checked side by
side with a JavaScript Worker, tools/wrangler/http_differential.py): ``HTTP/1.0`` in the status line
and no ``Connection: close`` (closing is HTTP/1.0's default). Unlike wrangler dev, the connection is
closed even when the client asks to keep it, and the answer says so."""

from __future__ import annotations

import pytest
from test_dev_server import exchange, serving, split_answer

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import TextEncoder, TransformStream
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if urlparse(request.url).path == "/stream":
            ts = TransformStream.new()
            writer = ts.writable.getWriter()
            async def pump():
                await writer.write(TextEncoder.new().encode("streamed"))
                await writer.close()
            self.ctx.waitUntil(create_proxy(pump)())
            return Response(ts.readable)
        if urlparse(request.url).path == "/note":  # a value that reads like the line HTTP/1.0 answers drop
            return Response("noted", headers={"X-Note": "connection: close"})
        return Response("hello")
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("http10") / "app", ENTRY) as running:
        yield running


@pytest.mark.parametrize("extra", [b"", b"Connection: close\r\n"])
def test_an_http10_request_gets_an_http10_answer_without_connection_header(server, extra: bytes) -> None:
    status, headers, body = split_answer(exchange(server.port, b"GET / HTTP/1.0\r\nHost: h\r\n" + extra + b"\r\n"))
    assert (status, body) == ("HTTP/1.0 200 OK", b"hello")
    assert headers == {"content-type": "text/plain;charset=UTF-8", "content-length": "5"}


def test_an_http10_stream_is_sent_until_close(server) -> None:
    status, headers, body = split_answer(exchange(server.port, b"GET /stream HTTP/1.0\r\nHost: h\r\n\r\n"))
    assert (status, headers, body) == ("HTTP/1.0 200 OK", {}, b"streamed")


def test_an_http10_error_answer_is_http10_too(server) -> None:
    status, headers, body = split_answer(exchange(server.port, b"GET / HTTP/1.0\r\n\r\n"))  # no Host
    assert (status, headers, body) == ("HTTP/1.0 400 Bad Request", {"content-length": "11"}, b"Bad Request")


def test_an_http10_keep_alive_request_is_told_the_connection_closes(server) -> None:
    raw = exchange(server.port, b"GET / HTTP/1.0\r\nHost: h\r\nConnection: keep-alive\r\n\r\n")  # returns once closed
    status, headers, body = split_answer(raw)
    assert (status, headers["connection"], body) == ("HTTP/1.0 200 OK", "close", b"hello")


def test_http11_answers_keep_their_version(server) -> None:
    status, headers, _ = split_answer(exchange(server.port, b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"))
    assert (status, headers["connection"]) == ("HTTP/1.1 200 OK", "close")


def test_an_http10_answer_keeps_header_values_that_read_like_connection_close(server) -> None:
    # (the name as the Worker spelt it, as workerd sends it: hunt31)
    raw = exchange(server.port, b"GET /note HTTP/1.0\r\nHost: h\r\n\r\n")
    assert raw.startswith(b"HTTP/1.0 200 OK\r\n") and b"\r\nX-Note: connection: close\r\n" in raw
    assert b"\r\nconnection:" not in raw.lower()
