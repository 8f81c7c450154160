"""``workers-env dev`` answers a Worker that returns the ``WebSocket`` end it accepted itself as
``wrangler dev`` 4.164.0 does (a JavaScript twin, compatibility date 2026-08-01, over a raw
socket): workerd answers the handshake first -- the 101, or KJ's refusal of a handshake without a
key -- then fails to couple the end (``couple`` in workerd's ``api/web-socket.c++``), logs
``Uncaught TypeError: Can't return WebSocket in a Response after calling accept().`` and closes
the connection: the client reads the 101 and then the end of the stream. workers-env answered a
500 before."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

from test_dev_streams_request_bodies import read_until_closed
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

WORKER = """
from js import WebSocketPair, Object, Response as JsResponse
from pyodide.ffi import to_js
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        return JsResponse.new(None, status=101, webSocket=server,
                              headers=to_js({"x-extra": "1"}, dict_converter=Object.fromEntries))
"""

HANDSHAKE = (b"GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             b"Sec-WebSocket-Version: 13\r\n")
KEY = b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
LOGGED = "Uncaught TypeError: Can't return WebSocket in a Response after calling accept()."


def _answer(port: int, head: bytes) -> bytes:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(head + b"\r\n")
    data = read_until_closed(sock)  # the server closes the connection: no hang
    sock.close()
    return data


def test_the_101_then_the_error_logged_and_the_connection_closed(tmp_path: Path, caplog):
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"), \
            BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-08-01"))) as server:
        answered = _answer(server.port, HANDSHAKE + KEY)
        refused = _answer(server.port, HANDSHAKE)
    assert answered == (b"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                        b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nx-extra: 1\r\n\r\n")
    assert refused == (b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 32\r\n"
                       b"Content-Type: text/plain\r\n\r\nERROR: Missing Sec-WebSocket-Key")
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("Uncaught")] == [LOGGED, LOGGED]
