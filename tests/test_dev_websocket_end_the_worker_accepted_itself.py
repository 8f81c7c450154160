"""``workers-env dev`` answers a Worker that returns the ``WebSocket`` end it accepted itself as
``wrangler dev`` 4.164.0 does (a JavaScript twin, compatibility date 2026-08-01, over a raw
socket): workerd answers the handshake first -- the 101, or KJ's refusal of a handshake without a
key -- then fails to couple the end (``couple`` in workerd's ``api/web-socket.c++``), logs
``Uncaught TypeError: Can't return WebSocket in a Response after calling accept().`` (wrangler
prints it twice, as it prints an error workerd's own code throws in a handler, then workerd's
hung-request error: tools/wrangler/dev_uncaught_kinds_probe.py) and closes the connection: the
client reads the 101 and then the end of the stream. workers-env answered a 500 before."""

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
LOGGED = "Can't return WebSocket in a Response after calling accept()."
HUNG = ("Uncaught Error: The Workers runtime canceled this request because it detected that your Worker's code had "
        "hung and would never generate a response. Refer to: https://developers.cloudflare.com/workers/observability/errors/ ")


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
    uncaught = [r for r in caplog.records if r.getMessage().startswith("Uncaught")]
    assert [(r.getMessage(), r.exc_info and str(r.exc_info[1])) for r in uncaught] == 2 * [
        ("Uncaught exception in the worker's WebSocket response", f"TypeError: {LOGGED}"), (HUNG, None)]


FRAME = bytes([0x81, 0x85, 1, 2, 3, 4]) + bytes(b ^ k for b, k in zip(b"hello", b"\x01\x02\x03\x04\x01"))


def test_a_client_sending_frames_meanwhile_reads_the_101_then_the_end_not_a_reset(tmp_path: Path):
    """A client that sends a frame with its handshake and another as soon as it reads the 101 (as
    a client sends once open) reads the 101 and then the end of the stream, as from wrangler dev
    4.164.0 (the JavaScript twin, measured over a raw socket: 3 of 3 clean ends); workers-env
    closed the connection without its end first, so the frame arriving meanwhile made it a reset
    (ECONNRESET at the client, 2 of 2)."""
    with BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-08-01"))) as server:
        for _ in range(3):
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            sock.sendall(HANDSHAKE + KEY + b"\r\n" + FRAME)
            data = b""
            try:
                while chunk := sock.recv(65536):
                    data += chunk
                    sock.sendall(FRAME)  # the client's next message, once it reads the 101
            finally:
                sock.close()
            assert data.startswith(b"HTTP/1.1 101 Switching Protocols\r\n") and data.endswith(b"\r\n\r\n")
