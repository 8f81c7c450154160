"""``workers-env dev`` writes the 101 of a WebSocket handshake as workerd does: ``Connection`` and
``Upgrade``, ``Sec-WebSocket-Accept``, then the Worker's headers in KJ's order and spelling --
the indexed ones first (``Cache-Control``, ``Set-Cookie`` a line each, ``Vary: a, b`` one line,
``Sec-WebSocket-Protocol``), then the others as the Worker first spelt them, a line per value --
where it wrote them lower-cased, each name's values joined, in the Headers' order. As a
JavaScript twin's 101 came from ``wrangler dev`` 4.164.0 (tools/wrangler/header_wire_probe.py's
``/ws``, 2026-12-05)."""

from __future__ import annotations

import socket
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

WORKER = """
from js import WebSocketPair, Object, Response
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        return Response.new(None, status=101, webSocket=client, headers=[
            ["X-Zed", "1"], ["a-lower", "2"], ["Sec-WebSocket-Protocol", "chat"], ["set-cookie", "a=1"],
            ["Set-Cookie", "b=2"], ["Cache-Control", "x"], ["x-zed", "3"], ["vary", "a"], ["Vary", "b"]])
"""

#: what wrangler dev 4.164.0's JavaScript twin answered, byte for byte (no Date line)
WRANGLER = (b"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
            b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nCache-Control: x\r\nSet-Cookie: a=1\r\n"
            b"Set-Cookie: b=2\r\nVary: a, b\r\nSec-WebSocket-Protocol: chat\r\nX-Zed: 1\r\nX-Zed: 3\r\na-lower: 2\r\n\r\n")


def test_the_101_is_workerds(tmp_path: Path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER))) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(b"GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            head = b""
            while not head.endswith(b"\r\n\r\n") and (chunk := sock.recv(1)):
                head += chunk
    assert head == WRANGLER
