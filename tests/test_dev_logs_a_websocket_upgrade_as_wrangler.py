"""``workers-env dev`` logs a request the Worker answered with a ``webSocket`` as ``wrangler dev``
4.164.0 does (Miniflare's request line for the Worker's response): ``[wrangler:info] GET /ws 101
Switching Protocols (Nms)`` -- the path without its query, dot segments resolved -- whatever KJ
then answers the client, so a handshake KJ refuses (another method than ``GET``: ``400 ERROR:
WebSocket must be initiated with a GET request.``; no version 13: ``426``; no key: ``400``) is
logged as a 101 too. Measured with a JavaScript twin over a raw socket (2026-12-04)."""

from __future__ import annotations

import re
import socket
from pathlib import Path

from dev_reload_helpers import DevServer, python_project
from test_dev_serves_a_websocket_over_a_real_socket import SAMPLE_KEY
from test_dev_streams_request_bodies import read_until_closed

ENTRY = """
from js import WebSocketPair, Object, Response as JsResponse
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        return JsResponse.new(None, status=101, webSocket=client)
"""

KEY = b"Sec-WebSocket-Key: " + SAMPLE_KEY + b"\r\n"
VERSION = b"Sec-WebSocket-Version: 13\r\n"


def _handshake(port: int, method: bytes, target: bytes, headers: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(method + b" " + target + b" HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     + headers + b"\r\n")
        head = b""
        while b"\r\n\r\n" not in head and (chunk := sock.recv(1)):
            head += chunk
        return head + (b"" if head.startswith(b"HTTP/1.1 101 ") else read_until_closed(sock))


def test_each_upgrade_is_logged_as_the_workers_101(tmp_path: Path) -> None:
    with DevServer(python_project(tmp_path / "app", ENTRY)) as server:
        answers = [_handshake(server.port, b"GET", b"/ws/x/../chat?room=1", KEY + VERSION),
                   _handshake(server.port, b"POST", b"/post", KEY + VERSION),
                   _handshake(server.port, b"HEAD", b"/head", KEY + VERSION),
                   _handshake(server.port, b"GET", b"/v12", KEY + b"Sec-WebSocket-Version: 12\r\n"),
                   _handshake(server.port, b"GET", b"/nokey", VERSION)]
        last = server.wait_for("[wrangler:info] GET /nokey ")
        lines = [re.sub(r"\(\d+ms\)$", "(Nms)", line) for line in server.lines[:last + 1]
                 if line.startswith("[wrangler:info] ") and "Ready on" not in line]
    assert [answer.split(b"\r\n", 1)[0] for answer in answers] == [
        b"HTTP/1.1 101 Switching Protocols", b"HTTP/1.1 400 Bad Request", b"HTTP/1.1 400 Bad Request",
        b"HTTP/1.1 426 Upgrade Required", b"HTTP/1.1 400 Bad Request"]
    refused = b"ERROR: WebSocket must be initiated with a GET request."
    assert answers[1] == (b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 54\r\n"
                          b"Content-Type: text/plain\r\n\r\n" + refused)
    assert answers[2] == answers[1][:-len(refused)]  # HEAD: the length, not the body
    assert lines == ["[wrangler:info] GET /ws/chat 101 Switching Protocols (Nms)",
                     "[wrangler:info] POST /post 101 Switching Protocols (Nms)",
                     "[wrangler:info] HEAD /head 101 Switching Protocols (Nms)",
                     "[wrangler:info] GET /v12 101 Switching Protocols (Nms)",
                     "[wrangler:info] GET /nokey 101 Switching Protocols (Nms)"]
