"""A ``fetch()`` answer in gzip is handed to the Worker as it arrives and decoded piece by piece, as
workerd decodes it (its ``EncodedAsyncInputStream`` from the first read on): a reader gets the
first event of a gzipped server-sent-event stream before the origin has sent the second; bytes
that do not decode fail the read after what did decode (``TypeError: Gzip decompression
failed.``), a stream cut short of its end -- an empty one too -- with ``TypeError: Gzip
compressed stream ended prematurely.``. Returned unread -- as it is, or ``new
Response(answer.body, answer)``, or after a ``clone()`` -- it goes out of ``workers-env dev`` as it
came, the origin's bytes unchanged, each piece as it arrives, with its ``Content-Length`` when it
had one; ``new Response(answer.body)`` or a client that takes only ``identity`` gets it decoded
as it arrives. (All as ``wrangler dev`` 4.164.0 does: tools/wrangler/http_differential.py's
``origin gzip`` cases.) The origin is driven by events, never by sleeps."""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_dev_server import exchange, split_answer
from worker_helpers import fetched_json, origin_worker

from workers_env.runtime.server import BackgroundServer

WAIT = 5
EVENTS = b"data: 1\n\ndata: 2\n\n"


def _gzip_in_two() -> tuple[bytes, bytes]:
    """The gzip stream of two events: its first piece decodes to the first event whole."""
    packer = zlib.compressobj(wbits=31)
    first = packer.compress(b"data: 1\n\n") + packer.flush(zlib.Z_SYNC_FLUSH)
    return first, packer.compress(b"data: 2\n\n") + packer.flush()


FIRST, REST = _gzip_in_two()

ENTRY = """
import js
from pyodide.ffi import jsnull
from workers import Response, WorkerEntrypoint

def text(chunk):
    return bytes(chunk.to_py()).decode()

async def rest(reader):
    got = []
    try:
        while not (part := await reader.read()).done:
            got.append(text(part.value))
    except Exception as exc:
        return "".join(got), f"{exc.name}: {exc.message}"
    return "".join(got), None

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.split("/", 3)[3]
        if path in ("first", "bad", "cut"):  # the first event read before the origin sends the rest
            answer = await js.fetch(ORIGIN + {"first": "sse", "bad": "bad", "cut": "cut"}[path])
            reader = answer.body.getReader()
            first = text((await reader.read()).value)
            await js.fetch(ORIGIN + "go")
            got, error = await rest(reader)
            return Response.json({"first": first, "rest": got, "error": error,
                                  "encoding": answer.headers.get("content-encoding")})
        if path == "empty":  # Content-Length: 0 in gzip: a stream, whose read fails
            answer = await js.fetch(ORIGIN + "empty")
            null = answer.body in (None, jsnull)
            try:
                await answer.text()
            except Exception as exc:
                return Response.json({"null": null, "error": f"{exc.name}: {exc.message}"})
            return Response.json({"null": null, "error": None})
        if path == "whole":
            return await js.fetch(ORIGIN + "sse")
        if path == "length":
            return await js.fetch(ORIGIN + "length")
        if path == "rewrap":
            answer = await js.fetch(ORIGIN + "length")
            return js.Response.new(answer.body, answer)
        if path == "body":
            return Response((await js.fetch(ORIGIN + "sse")).body)
        if path == "bad-body":
            return Response((await js.fetch(ORIGIN + "bad")).body)
        if path == "clone":
            answer = await js.fetch(ORIGIN + "length")
            copy = answer.clone()
            return answer if (await copy.text()) == "data: 1\\n\\ndata: 2\\n\\n" else Response("clone", status=500)
        return Response("no such case", status=404)
"""


def _origin(go: threading.Event) -> type[http.server.BaseHTTPRequestHandler]:
    class Origin(http.server.BaseHTTPRequestHandler):
        """``/sse`` the two events gzipped, chunked, the second only once told to (``/go``);
        ``/length`` the same with a ``Content-Length``; ``/bad`` the first, then bytes that are no
        deflate data; ``/cut`` the first, then the end; ``/empty`` nothing in gzip."""

        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/go":
                go.set()
                self.send_response(204)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("content-encoding", "gzip")  # no Content-Type: one the edge would compress
            if self.path in ("/length", "/empty"):
                body = b"" if self.path == "/empty" else FIRST + REST
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:len(FIRST)])
                self.wfile.flush()
                if body and go.wait(WAIT):
                    self.wfile.write(REST)
                return
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            self._chunk(FIRST)
            later = {"/sse": REST, "/bad": b"\xff" * 16, "/cut": b""}[self.path]
            if go.wait(WAIT) and later:
                self._chunk(later)
            self.wfile.write(b"0\r\n\r\n")

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        def log_message(self, *args: object) -> None:
            pass

    return Origin


@contextmanager
def _served(tmp_path: Path) -> Iterator[tuple[object, threading.Event]]:
    go = threading.Event()
    with origin_worker(tmp_path, _origin(go), ENTRY) as worker:
        yield worker, go


@pytest.mark.asyncio
async def test_a_reader_gets_the_first_decoded_event_before_the_origin_sends_the_second(tmp_path: Path) -> None:
    with _served(tmp_path) as (worker, _go):
        assert await fetched_json(worker, "/first") == {"first": "data: 1\n\n", "rest": "data: 2\n\n", "error": None,
                                                        "encoding": "gzip"}
        # returned as is, read by worker.fetch's caller: decoded
        response = await worker.fetch("/whole")  # type: ignore[attr-defined]
        assert (response.headers.get("content-encoding"), await response.text()) == ("gzip", EVENTS.decode())


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "error"), [
    ("bad", "TypeError: Gzip decompression failed."),
    ("cut", "TypeError: Gzip compressed stream ended prematurely."),
])
async def test_what_does_not_decode_fails_the_read_after_what_did(tmp_path: Path, path: str, error: str) -> None:
    with _served(tmp_path) as (worker, _go):
        assert await fetched_json(worker, "/" + path) == {"first": "data: 1\n\n", "rest": "", "error": error,
                                                          "encoding": "gzip"}


@pytest.mark.asyncio
async def test_an_empty_gzip_answer_is_a_stream_whose_read_fails(tmp_path: Path) -> None:
    with _served(tmp_path) as (worker, _go):
        assert await fetched_json(worker, "/empty") == {"null": False,
                                                        "error": "TypeError: Gzip compressed stream ended prematurely."}


def _dechunked(body: bytes) -> bytes:
    out = b""
    while True:
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line, 16)
        if not size:
            return out
        out, body = out + body[:size], body[size + 2:]


def _answer(server: BackgroundServer, go: threading.Event, path: str, wanted: bytes, *headers: str) -> bytes:
    """The raw answer to ``GET /path``, ``wanted`` seen before the origin was told to send the rest."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=WAIT) as sock:
        head = [f"GET /{path} HTTP/1.1", "Host: h", "Connection: close", *headers]
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        seen = b""
        while wanted not in seen:
            chunk = sock.recv(65536)
            assert chunk, seen
            seen += chunk
        assert not go.is_set()
        go.set()
        while chunk := sock.recv(65536):
            seen += chunk
    return seen


@pytest.mark.parametrize(("path", "length"), [("whole", None), ("length", len(FIRST + REST)),
                                              ("rewrap", len(FIRST + REST))])
def test_returned_unread_it_goes_on_as_it_came_piece_by_piece(tmp_path: Path, path: str, length: int | None) -> None:
    with _served(tmp_path) as (worker, go), BackgroundServer(worker) as server:
        status, headers, body = split_answer(_answer(server, go, path, FIRST))
    assert (status, headers.get("content-encoding")) == ("HTTP/1.1 200 OK", "gzip")
    if length is None:
        assert headers.get("transfer-encoding") == "chunked" and _dechunked(body) == FIRST + REST
    else:
        assert headers.get("content-length") == str(length) and body == FIRST + REST


@pytest.mark.parametrize(("path", "headers"), [("body", ()), ("whole", ("Accept-Encoding: identity",))])
def test_decoded_on_the_way_out_it_goes_as_it_arrives(tmp_path: Path, path: str, headers: tuple[str, ...]) -> None:
    with _served(tmp_path) as (worker, go), BackgroundServer(worker) as server:
        status, got, body = split_answer(_answer(server, go, path, b"data: 1\n\n", *headers))
    assert (status, got.get("content-encoding"), got.get("transfer-encoding")) == ("HTTP/1.1 200 OK", None, "chunked")
    assert _dechunked(body) == EVENTS


def test_a_body_that_stops_decoding_on_the_way_out_cuts_the_connection(tmp_path: Path) -> None:
    with _served(tmp_path) as (worker, go), BackgroundServer(worker) as server:
        status, _headers, body = split_answer(_answer(server, go, "bad-body", b"data: 1\n\n"))
    assert status == "HTTP/1.1 200 OK"
    assert body == b"9\r\ndata: 1\n\n\r\n"  # no last chunk: the client sees it cut off


def test_a_clone_keeps_it_as_received(tmp_path: Path) -> None:
    with _served(tmp_path) as (worker, go), BackgroundServer(worker) as server:
        go.set()
        status, headers, body = split_answer(exchange(server.port, b"GET /clone HTTP/1.1\r\nHost: h\r\n"
                                                                   b"Connection: close\r\n\r\n"))
    assert (status, headers.get("content-encoding"), headers.get("content-length")) == \
        ("HTTP/1.1 200 OK", "gzip", str(len(FIRST + REST)))
    assert body == FIRST + REST and gzip.decompress(body) == EVENTS
