"""``workers-env dev`` hands the socket of a request the Worker answered with a ``webSocket`` to
that WebSocket, as workerd's HTTP server does: a raw RFC 6455 client (the handshake and frames
written by hand, as a browser sends them) gets what a JavaScript twin's client got from ``wrangler
dev`` 4.164.0 over the same bytes (compatibility date 2026-08-01): the 101 with ``Connection``,
``Upgrade``, ``Sec-WebSocket-Accept`` then the Worker's headers; text, binary (a ``Blob`` to the
Worker, echoed as ``[object Blob]``), empty and fragmented messages; a ping answered; a client's
close answered with its code and reason; the Worker's close; KJ's ``426``/``400`` for a handshake
without version 13 or a key; workerd's ``TypeError`` (a 500) for a ``webSocket`` answering a
request without ``Upgrade: websocket``; a client gone without a close is 1006 to the Worker."""

from __future__ import annotations

import json
import os
import socket
import struct
import time
from pathlib import Path

from test_dev_streams_request_bodies import read_until_closed
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

WORKER = """
from pyodide.ffi import create_proxy
import json
from js import WebSocketPair, Object, Response as JsResponse
from pyodide.ffi import to_js
from workers import WorkerEntrypoint, Response

LOG = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = "/" + request.url.split("/", 3)[3]
        if path == "/log":
            return Response.json(LOG)
        client, server = Object.values(WebSocketPair.new())
        server.accept()

        def on_message(event):
            data = event.data
            if data == "close":
                server.close(4000, "asked")
            else:
                server.send(data)

        def on_close(event):
            LOG.append([path, event.code, event.reason, event.wasClean, server.readyState])

        server.addEventListener("message", create_proxy(on_message))
        server.addEventListener("close", create_proxy(on_close))
        if path == "/hello":
            server.send("hello")
        return JsResponse.new(None, status=101, webSocket=client,
                              headers=to_js({"x-extra": "1"}, dict_converter=Object.fromEntries))
"""

SAMPLE_KEY = b"dGhlIHNhbXBsZSBub25jZQ=="  # RFC 6455's example: its accept value is s3pPLMBiTxaQ9kYGzzhZRbK+xOo=


def _connect(port: int, path: str, headers: bytes = b"Sec-WebSocket-Key: " + SAMPLE_KEY +
             b"\r\nSec-WebSocket-Version: 13\r\n") -> tuple[socket.socket, bytes]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                 b"Connection: Upgrade\r\n" + headers + b"\r\n")
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1)
        if not chunk:
            break
        head += chunk
    return sock, head


def _send(sock: socket.socket, opcode: int, payload: bytes, final: bool = True) -> None:
    mask = os.urandom(4)
    sock.sendall(bytes([(0x80 if final else 0) | opcode, 0x80 | len(payload)]) + mask
                 + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError(data)
        data += chunk
    return data


def _receive(sock: socket.socket) -> tuple[int, bytes]:
    first, second = _exactly(sock, 2)
    size = second & 0x7F
    if size == 126:
        size = struct.unpack("!H", _exactly(sock, 2))[0]
    assert not second & 0x80  # a server's frames are unmasked
    return first & 0x0F, _exactly(sock, size)


def _served(tmp_path: Path) -> BackgroundServer:
    return BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-08-01")))


def test_frames_go_both_ways_as_under_wrangler_dev(tmp_path: Path):
    with _served(tmp_path) as server:
        sock, head = _connect(server.port, "/hello")
        assert head.split(b"\r\n")[:5] == [b"HTTP/1.1 101 Switching Protocols", b"Connection: Upgrade",
                                           b"Upgrade: websocket", b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
                                           b"x-extra: 1"]
        got = [_receive(sock)]
        for opcode, payload in ((1, b"hi"), (2, b"\x00\x01"), (1, b""), (9, b"pp")):
            _send(sock, opcode, payload)
            got.append(_receive(sock))
        _send(sock, 1, b"fr", final=False)
        _send(sock, 0, b"ag")
        got.append(_receive(sock))
        _send(sock, 8, struct.pack("!H", 1000) + b"done")
        got.append(_receive(sock))
        got.append((None, read_until_closed(sock)))
        sock.close()
    assert got == [(1, b"hello"), (1, b"hi"), (1, b"[object Blob]"), (1, b""), (10, b"pp"), (1, b"frag"),
                   (8, b"\x03\xe8done"), (None, b"")]


def test_the_workers_close_and_a_client_gone(tmp_path: Path):
    with _served(tmp_path) as server:
        sock, _ = _connect(server.port, "/asked")
        _send(sock, 1, b"close")
        closing = _receive(sock)
        _send(sock, 8, closing[1])  # the client's answer
        assert read_until_closed(sock) == b""
        sock.close()
        gone, _ = _connect(server.port, "/gone")
        gone.close()
        deadline = time.monotonic() + 60  # the server hears the socket go when its loop gets to it (a load of 16)
        while True:
            log = _http(server.port, "/log").split(b"\r\n\r\n", 1)[1]
            if b"/gone" in log or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    assert closing == (8, b"\x0f\xa0asked")
    assert json.loads(log) == [["/asked", 4000, "asked", True, 3],
                               ["/gone", 1006, "WebSocket disconnected without sending Close frame.", False, 1]]


def _http(port: int, path: str, headers: bytes = b"") -> bytes:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + b"\r\n")
    data = read_until_closed(sock)
    sock.close()
    return data


def test_kjs_handshake_refusals(tmp_path: Path):
    with _served(tmp_path) as server:
        no_version = b"".join(_connect(server.port, "/", b"Sec-WebSocket-Key: " + SAMPLE_KEY + b"\r\n")[1:])
        no_key = _connect(server.port, "/", b"Sec-WebSocket-Version: 13\r\n")
        no_key_answer = no_key[1] + read_until_closed(no_key[0])
    assert no_version == (b"HTTP/1.1 426 Upgrade Required\r\nConnection: close\r\nContent-Length: 56\r\n"
                          b"Sec-WebSocket-Version: 13\r\nContent-Type: text/plain\r\n\r\n")
    assert no_key_answer == (b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 32\r\n"
                             b"Content-Type: text/plain\r\n\r\nERROR: Missing Sec-WebSocket-Key")


def test_a_websocket_for_a_request_without_upgrade_is_a_500(tmp_path: Path):
    with _served(tmp_path) as server:
        answer = _http(server.port, "/")
    assert answer.startswith(b"HTTP/1.1 500 Internal Server Error\r\n")
    assert answer.endswith(b'TypeError: Worker tried to return a WebSocket in a response to a request which did not '
                           b'contain the header "Upgrade: websocket".')


def test_the_server_stops_with_a_websocket_open(tmp_path: Path):
    started = time.monotonic()
    with _served(tmp_path) as server:
        sock, head = _connect(server.port, "/open")
        assert head.startswith(b"HTTP/1.1 101 ")
    assert read_until_closed(sock) == b""  # closed by the server's stop, without a close frame
    sock.close()
    assert time.monotonic() - started < 30


LONE = """
from js import WebSocketPair, Object, Response as JsResponse
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        server.send("a\\ud800b")
        server.close(4000, "r\\udc00")
        return JsResponse.new(None, status=101, webSocket=client)
"""


def test_a_lone_surrogate_goes_out_as_workerd_writes_it(tmp_path: Path):
    """In a text message as KJ sends it (WTF-8), in a close reason as V8's UTF-8 (U+FFFD)."""
    with BackgroundServer(load_worker(one_file_worker(tmp_path, LONE, date="2026-08-01"))) as server:
        sock, _ = _connect(server.port, "/")
        got = [_receive(sock), _receive(sock)]
        sock.close()
    assert got == [(1, b"a\xed\xa0\x80b"), (8, b"\x0f\xa0r\xef\xbf\xbd")]
