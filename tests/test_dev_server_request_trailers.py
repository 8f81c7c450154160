"""A chunked request's trailer fields are ignored, whatever they hold, as ``wrangler dev`` 4.164.0
ignores them (measured by tools/wrangler/http_differential.py): the Worker gets the body and never
the trailer, and a trailer field h11 would refuse for its value as a header (``Content-Length: abc``)
neither fails the request nor the connection's next one. A trailer line that is no field at all
still fails the request, as it fails wrangler dev's."""

from __future__ import annotations

import pytest
from test_dev_server import exchange, serving, split_answer

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = await request.text()
        return Response(f"{request.method} {body} {request.headers.get('x-trailer')}")
"""
HEAD = b"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("trailers") / "app", ENTRY) as running:
        yield running


@pytest.mark.parametrize("trailer", [
    b"X-Trailer: t\r\n",
    b"Content-Length: abc\r\n",
    b"Content-Length: 1\r\nContent-Length: 2\r\n",
    b"Transfer-Encoding: gzip\r\n",
    b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
])
def test_a_trailer_is_ignored_whatever_it_holds(server, trailer: bytes) -> None:
    raw = exchange(server.port, HEAD + b"Connection: close\r\n\r\n3\r\nabc\r\n0\r\n" + trailer + b"\r\n")
    status, _, body = split_answer(raw)
    assert (status, body) == ("HTTP/1.1 200 OK", b"POST abc None")


def test_the_connection_serves_on_after_a_refused_looking_trailer(server) -> None:
    raw = exchange(server.port, HEAD + b"\r\n3\r\nabc\r\n0\r\nContent-Length: abc\r\n\r\n"
                   + b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
    assert raw.count(b"HTTP/1.1 200 OK\r\n") == 2
    assert b"POST abc None" in raw and raw.endswith(b"GET  None")


@pytest.mark.parametrize("rest", [
    b"zz\r\nhi\r\n0\r\n\r\n",  # a chunk size that is not hex
    b"3\r\nabc\r\n0\r\nBad Trailer Here\r\n\r\n",  # a trailer line that is no field
    b"3\r\nabc\r\n0\r\n folded\r\n\r\n",
])
def test_a_body_that_is_not_well_formed_is_not_served(server, rest: bytes) -> None:  # (wrangler dev: a 500)
    status, _, body = split_answer(exchange(server.port, HEAD + b"Connection: close\r\n\r\n" + rest))
    assert status != "HTTP/1.1 200 OK" and b"POST" not in body
