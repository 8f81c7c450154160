"""A ``fetch()`` answer's body is handed to the Worker as it arrives, as workerd hands it: the
headers resolve the fetch, a reader gets the first piece before the origin has sent the rest,
``text()`` waits for the end, and a Worker returning the answer (or ``new Response(answer.body)``)
has ``workers-env dev`` send each piece on as it comes -- chunked when it came chunked, with its
``Content-Length`` when it had one. A cancel of the body, an abort of the fetch's signal and the
end of the request close the connection; a body cut short of its ``Content-Length`` fails the read
with ``Network connection lost.``. (``wrangler dev`` 4.164.0 passed the first of two server-sent
events on before the origin sent the second: tools/wrangler/http_differential.py.) The origin
is driven by events, never by sleeps."""

from __future__ import annotations

import http.server
import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_dev_server import exchange, split_answer
from worker_helpers import fetched_json, origin_worker

from workers_env.runtime.server import BackgroundServer

WAIT = 5

ENTRY = """
import asyncio
import js
from pyodide.ffi import jsnull, to_js
from workers import Response, WorkerEntrypoint

def text(chunk):
    return bytes(chunk.to_py()).decode()

async def rest(reader):
    got = []
    while not (part := await reader.read()).done:
        got.append(text(part.value))
    return "".join(got)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.split("/", 3)[3]
        if path == "first":  # the first event read before the origin is told to send the second
            answer = await js.fetch(ORIGIN + "sse?wait")
            reader = answer.body.getReader()
            first = text((await reader.read()).value)
            await js.fetch(ORIGIN + "go")
            return Response.json({"first": first, "rest": await rest(reader), "status": answer.status,
                                  "used": answer.bodyUsed})
        if path == "text":
            answer = await js.fetch(ORIGIN + "sse")
            return Response.json({"text": await answer.text()})
        if path == "async-for":
            answer = await js.fetch(ORIGIN + "length")
            return Response.json({"pieces": "".join([text(c) async for c in answer.body])})
        if path == "response-of-body":
            answer = await js.fetch(ORIGIN + "sse")
            return Response.json({"text": await js.Response.new(answer.body).text()})
        if path == "clone-and-request":  # read whole from synchronous code: waited for
            answer = await js.fetch(ORIGIN + "sse")
            copy = answer.clone()
            again = await js.fetch(ORIGIN + "sse")
            request = js.Request.new("http://x/", to_js({"method": "POST", "body": again.body}))
            return Response.json({"texts": [await answer.text(), await copy.text(), await request.text()]})
        if path == "empty":  # a chunked answer with no chunk: an empty stream, not null
            answer = await js.fetch(ORIGIN + "empty")
            return Response.json({"null": answer.body in (None, jsnull), "text": await answer.text()})
        if path == "zero":  # Content-Length: 0: an empty stream too, not null (wrangler dev 4.164.0)
            answer = await js.fetch(ORIGIN + "zero")
            return Response.json({"null": answer.body in (None, jsnull), "text": await answer.text()})
        if path == "empty-whole":
            return await js.fetch(ORIGIN + "empty")
        if path in ("whole-wait", "length-wait"):
            return await js.fetch(ORIGIN + ("sse" if path == "whole-wait" else "length") + "?wait")
        if path == "body-wait":
            return Response((await js.fetch(ORIGIN + "sse?wait")).body)
        if path == "cancel":
            answer = await js.fetch(ORIGIN + "hold")
            await answer.body.cancel()
            return Response.json({"used": answer.bodyUsed})
        if path == "abort":
            controller = js.AbortController.new()
            answer = await js.fetch(ORIGIN + "hold", to_js({"signal": controller.signal}))
            reader = answer.body.getReader()
            first = text((await reader.read()).value)
            controller.abort()
            try:
                await reader.read()
            except Exception as exc:
                return Response.json({"first": first, "error": f"{exc.name}: {exc.message}"})
            return Response.json({"first": first, "error": None})
        if path == "unread":
            await js.fetch(ORIGIN + "hold")
            return Response("done")
        if path == "cut":
            answer = await js.fetch(ORIGIN + "cut")
            try:
                await answer.text()
            except Exception as exc:
                return Response.json({"error": f"{exc.name}: {exc.message}"})
            return Response.json({"error": None})
        return Response("no such case", status=404)
"""


class _Gates:
    def __init__(self) -> None:
        self.go = threading.Event()  # the origin sends the rest
        self.first_sent = threading.Event()
        self.closed = threading.Event()  # the client closed a held connection


def _origin(gates: _Gates) -> type[http.server.BaseHTTPRequestHandler]:
    class Origin(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path, _, query = self.path.partition("?")
            if path == "/go":
                gates.go.set()
                self.send_response(204)
                self.end_headers()
                return
            self.send_response(200)
            if path == "/zero":
                self.send_header("content-length", "0")
                self.end_headers()
                return
            if path in ("/length", "/cut"):
                self.send_header("content-length", "10")
                self.end_headers()
                self.wfile.write(b"12345")
                self.wfile.flush()
                gates.first_sent.set()
                if path == "/cut" or (query == "wait" and not gates.go.wait(WAIT)):
                    self.close_connection = True
                    return
                self.wfile.write(b"67890")
                return
            self.send_header("content-type", "text/event-stream")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            if path == "/empty":
                self.wfile.write(b"0\r\n\r\n")
                return
            self.wfile.write(b"9\r\ndata: 1\n\n\r\n")
            self.wfile.flush()
            gates.first_sent.set()
            if path == "/hold":  # until the client closes the connection
                self.connection.settimeout(WAIT)
                try:
                    if self.connection.recv(1) == b"":
                        gates.closed.set()
                except OSError:
                    gates.closed.set()
                self.close_connection = True
                return
            if query == "wait" and not gates.go.wait(WAIT):
                self.close_connection = True
                return
            self.wfile.write(b"9\r\ndata: 2\n\n\r\n0\r\n\r\n")

        def log_message(self, *args: object) -> None:
            pass

    return Origin


@contextmanager
def _served(tmp_path: Path) -> Iterator[tuple[object, _Gates]]:
    gates = _Gates()
    with origin_worker(tmp_path, _origin(gates), ENTRY) as worker:
        yield worker, gates


@pytest.mark.asyncio
async def test_a_reader_gets_the_first_event_before_the_origin_sends_the_second(tmp_path: Path) -> None:
    with _served(tmp_path) as (worker, _gates):
        assert await fetched_json(worker, "/first") == {"first": "data: 1\n\n", "rest": "data: 2\n\n", "status": 200,
                                                        "used": True}
        assert await fetched_json(worker, "/text") == {"text": "data: 1\n\ndata: 2\n\n"}
        assert await fetched_json(worker, "/async-for") == {"pieces": "1234567890"}
        assert await fetched_json(worker, "/response-of-body") == {"text": "data: 1\n\ndata: 2\n\n"}
        assert await fetched_json(worker, "/empty") == {"null": False, "text": ""}
        assert await fetched_json(worker, "/zero") == {"null": False, "text": ""}
        assert await fetched_json(worker, "/clone-and-request") == {"texts": ["data: 1\n\ndata: 2\n\n"] * 3}


@pytest.mark.asyncio
async def test_a_cancel_an_abort_and_the_end_of_the_request_close_the_connection(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="workers_env.fetch"), _served(tmp_path) as (worker, gates):
        assert await fetched_json(worker, "/cancel") == {"used": True}
        assert gates.closed.wait(WAIT)
        gates.closed.clear()
        assert await fetched_json(worker, "/abort") == {"first": "data: 1\n\n",
                                                        "error": "AbortError: The operation was aborted"}
        assert gates.closed.wait(WAIT)
        gates.closed.clear()
        response = await worker.fetch("/unread")  # type: ignore[attr-defined]
        assert await response.text() == "done"
        assert gates.closed.wait(WAIT)
    assert not caplog.records  # a connection closed on purpose is no failure to log


@pytest.mark.asyncio
async def test_a_body_cut_short_of_its_length_fails_the_read(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="workers_env.fetch"), _served(tmp_path) as (worker, _gates):
        assert await fetched_json(worker, "/cut") == {"error": "Error: Network connection lost."}
    assert [r.getMessage().split(" failed here")[0] for r in caplog.records] == [f"fetch GET {worker.module.ORIGIN}cut"]


def _read_until(sock: socket.socket, seen: bytes, wanted: bytes) -> bytes:
    while wanted not in seen:
        chunk = sock.recv(65536)
        assert chunk, seen
        seen += chunk
    return seen


@pytest.mark.parametrize(("path", "first", "framing"), [
    ("whole-wait", b"data: 1", ("transfer-encoding", "chunked")),
    ("body-wait", b"data: 1", ("transfer-encoding", "chunked")),
    ("length-wait", b"12345", ("content-length", "10")),
])
def test_the_dev_server_passes_each_piece_on_as_it_arrives(tmp_path: Path, path: str, first: bytes,
                                                          framing: tuple[str, str]) -> None:
    with _served(tmp_path) as (worker, gates), BackgroundServer(worker) as server, \
            socket.create_connection(("127.0.0.1", server.port), timeout=WAIT) as sock:
        sock.sendall(f"GET /{path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".encode())
        seen = _read_until(sock, b"", first)  # before the origin was told to send the rest
        assert not gates.go.is_set()
        gates.go.set()
        while chunk := sock.recv(65536):
            seen += chunk
    status, headers, body = split_answer(seen)
    assert status == "HTTP/1.1 200 OK"
    assert headers.get(framing[0]) == framing[1], headers
    if framing[0] == "content-length":
        assert body == b"1234567890"
    else:
        assert body == b"9\r\ndata: 1\n\n\r\n9\r\ndata: 2\n\n\r\n0\r\n\r\n"


def test_an_empty_chunked_answer_returned_goes_chunked(tmp_path: Path) -> None:
    """As wrangler dev 4.164.0 sends it: ``Transfer-Encoding: chunked`` and the last chunk alone."""
    with _served(tmp_path) as (worker, _gates), BackgroundServer(worker) as server:
        status, headers, body = split_answer(exchange(server.port, b"GET /empty-whole HTTP/1.1\r\nHost: h\r\n"
                                                                   b"Connection: close\r\n\r\n"))
    assert (status, headers.get("transfer-encoding"), headers.get("content-length"), body) == \
        ("HTTP/1.1 200 OK", "chunked", None, b"0\r\n\r\n")
