"""A Worker's ``send()``s to a client that does not read are queued without bound and delivered
whole and in order once it reads, as workerd queues them (``outgoingMessages`` in
``api/web-socket.c++``: no limit, no backpressure): ``send()`` neither blocks nor refuses. Measured
under ``wrangler dev`` 4.164.0 with a JavaScript twin sending 64 MiB in 1,024 messages to a raw
socket that read nothing for 8 s: workerd's process grew by 68 MiB (256 MiB: 208 MiB) and every
message arrived; ``workers-env dev`` grew by 60 MiB (256 MiB: 280 MiB)."""

from __future__ import annotations

import socket
import struct
import time
from pathlib import Path

from test_dev_serves_a_websocket_over_a_real_socket import _connect, _exactly, _send
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

WORKER = """
from pyodide.ffi import create_proxy
from js import WebSocketPair, Object, Response as JsResponse
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        server.accept()

        def flood(event):
            for index in range(64):
                server.send(str(index % 10) * 65536)
            server.send("done")

        server.addEventListener("message", create_proxy(flood))
        return JsResponse.new(None, status=101, webSocket=client)
"""


def _frame(sock: socket.socket) -> bytes:
    first, second = _exactly(sock, 2)
    size = second & 0x7F
    if size == 126:
        size = struct.unpack("!H", _exactly(sock, 2))[0]
    elif size == 127:
        size = struct.unpack("!Q", _exactly(sock, 8))[0]
    return _exactly(sock, size)


def test_a_backlog_of_4_mib_arrives_whole(tmp_path: Path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-09-15"))) as server:
        sock, _ = _connect(server.port, "/flood")
        _send(sock, 1, b"go")
        time.sleep(0.2)  # not reading: the Worker's sends are queued
        got = [_frame(sock) for _ in range(65)]
        sock.close()
    assert got == [str(index % 10).encode() * 65536 for index in range(64)] + [b"done"]
