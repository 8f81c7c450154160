"""The SDKs' ASGI and WSGI bridges, served by ``workers-env dev``, get the request body as each
SDK hands it over (workerd's built-in ``asgi.py``, workers-runtime-sdk 1.6.0 to 1.9.5):

- ASGI: the body's stream read to its end first (``async for data in req.body``), each chunk
  an ``http.request`` message with ``more_body: True``, then an empty last one -- not the
  whole body as one message;
- WSGI: ``wsgi.input`` reads the body's stream as the application reads it (the SDK's
  ``_ReadableStreamInput``, a ``run_sync`` per read), so a body still arriving is read piece by
  piece, and no ``CONTENT_LENGTH`` is made up for a chunked request (Werkzeug then reads an
  empty body, as under the SDK)."""

from __future__ import annotations

import socket
import textwrap
from collections.abc import Iterator

import pytest
from test_dev_server import TIMEOUT, split_answer
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from workers import WorkerEntrypoint
import asgi

async def asgi_app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            await send({"type": message["type"] + ".complete"})
            if message["type"] == "lifespan.shutdown":
                return
    seen = []
    while True:
        message = await receive()
        seen.append((message["body"].decode(), message["more_body"]))
        if not message["more_body"]:
            break
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": repr(seen).encode()})

def wsgi_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    if environ["PATH_INFO"] == "/first":  # what one read of the input gives
        return [b"first=" + environ["wsgi.input"].read1(100)]
    length = environ.get("CONTENT_LENGTH", "none")
    return [f"{length} {environ['wsgi.input'].read().decode()}".encode()]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.split("/")[3] in ("wsgi", "first"):
            from workers import wsgi  # (the external SDK's only)

            return await wsgi.fetch(wsgi_app, request, self.env)
        return await asgi.fetch(asgi_app, request, self.env, self.ctx)
"""


@pytest.fixture(scope="module", params=["2026-05-01", "2026-03-01"], ids=["external-sdk", "built-in-sdk"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackgroundServer]:
    folder = one_file_worker(tmp_path_factory.mktemp("bridges") / "app", textwrap.dedent(ENTRY), date=request.param)
    with BackgroundServer(load_worker(folder)) as running:
        yield running


def exchange(server: BackgroundServer, *parts: bytes) -> tuple[str, bytes]:
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        for part in parts:
            sock.sendall(part)
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    status, _, body = split_answer(raw)
    return status, body


def test_asgi_gets_the_body_as_chunk_messages_then_an_empty_last_one(server: BackgroundServer) -> None:
    assert exchange(server, b"POST /asgi HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello") \
        == ("HTTP/1.1 200 OK", b"[('hello', True), ('', False)]")


def test_asgi_gets_no_chunk_message_for_a_get(server: BackgroundServer) -> None:
    assert exchange(server, b"GET /asgi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") \
        == ("HTTP/1.1 200 OK", b"[('', False)]")


def test_asgi_gets_a_body_sent_in_pieces_whole_across_its_messages(server: BackgroundServer) -> None:
    status, body = exchange(server, b"POST /asgi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                    b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", b"3\r\ndef\r\n0\r\n\r\n")
    seen = eval(body)  # noqa: S307 - the app's repr of a list of tuples
    assert status == "HTTP/1.1 200 OK" and seen[-1] == ("", False)
    assert "".join(text for text, _ in seen) == "abcdef" and all(more for _, more in seen[:-1])


@pytest.mark.parametrize("server", ["2026-05-01"], indirect=True, ids=["external-sdk"])
def test_wsgi_reads_the_body_as_it_arrives(server: BackgroundServer) -> None:
    """The app answers with its first read while the rest of the body has not been sent."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        sock.sendall(b"POST /first HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
        raw = b""
        while b"first=abc" not in raw:
            chunk = sock.recv(65536)
            assert chunk, raw
            raw += chunk
    assert raw.startswith(b"HTTP/1.1 200 OK\r\n")


@pytest.mark.parametrize("server", ["2026-05-01"], indirect=True, ids=["external-sdk"])
@pytest.mark.parametrize(("framing", "expected"), [
    (b"Content-Length: 6\r\n\r\nabcdef", b"8\r\n6 abcdef\r\n0\r\n\r\n"),  # a streamed answer: chunked
    (b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n", b"B\r\nnone abcdef\r\n0\r\n\r\n"),
], ids=["content-length", "chunked"])
def test_wsgi_gets_no_made_up_content_length(server: BackgroundServer, framing: bytes, expected: bytes) -> None:
    assert exchange(server, b"POST /wsgi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + framing) \
        == ("HTTP/1.1 200 OK", expected)

