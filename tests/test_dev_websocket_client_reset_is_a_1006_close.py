"""A client that resets its TCP connection (RST), or half-closes it (``shutdown(SHUT_WR)``),
without a close frame is to the Worker's end what one closing it cleanly is: a ``close`` event
``1006 WebSocket disconnected without sending Close frame.``, ``wasClean`` false, ``readyState``
1, and no ``error`` event -- as a JavaScript twin's end saw each under ``wrangler dev`` 4.164.0
over a raw socket (2026-09-15; a FIN, a RST after a message and before any, a half-close, which
workerd answers by closing the connection)."""

from __future__ import annotations

import json
import socket
import struct
import time
from pathlib import Path

import pytest
from test_dev_serves_a_websocket_over_a_real_socket import _connect, _http, _receive, _send
from test_dev_streams_request_bodies import read_until_closed
from worker_helpers import one_file_worker, websocket_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

WORKER = websocket_worker("""\
        server.addEventListener("message", create_proxy(lambda event: server.send(event.data)))
        server.addEventListener("close", create_proxy(lambda event: LOG.append(
            ["close", event.code, event.reason, event.wasClean, server.readyState])))
        server.addEventListener("error", create_proxy(lambda event: LOG.append(["error", event.message])))
""")

GONE = ["close", 1006, "WebSocket disconnected without sending Close frame.", False, 1]


def _reset(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close() sends a RST
    sock.close()


def _half_close(sock: socket.socket) -> None:
    sock.shutdown(socket.SHUT_WR)
    assert read_until_closed(sock) == b""  # the server ends the connection, without a close frame
    sock.close()


@pytest.mark.parametrize(("talk", "end"), [(True, _reset), (False, _reset), (True, _half_close)],
                         ids=["reset-after-a-message", "reset-at-once", "half-close"])
def test_the_workers_end_hears_1006_and_no_error(tmp_path: Path, talk, end):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-09-15"))) as server:
        sock, head = _connect(server.port, "/ws")
        assert head.startswith(b"HTTP/1.1 101 ")
        if talk:
            _send(sock, 1, b"hi")
            assert _receive(sock) == (1, b"hi")
        end(sock)
        deadline = time.monotonic() + 60  # the server hears the socket go when its loop gets to it (a load of 16)
        while not (log := json.loads(_http(server.port, "/log").split(b"\r\n\r\n", 1)[1])) \
                and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.05)  # an error event would come right after the close
        log = json.loads(_http(server.port, "/log").split(b"\r\n\r\n", 1)[1])
    assert log == [GONE]
