"""``workers-env dev`` logs no ``[wrangler:info]`` request line for a request whose client hung up
mid-body, as ``wrangler dev`` 4.164.0 logs none: the handler goes on once its read has failed
(``Error: Network connection lost.``), and what it answers goes nowhere; the next request is
logged as usual."""

from __future__ import annotations

import socket
from pathlib import Path

from dev_reload_helpers import DevServer, python_project

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/upload"):
            try:
                await request.text()
            except Exception as error:
                print("read failed:", error)
                return Response("too late")
        return Response("ok")
"""


def test_a_client_gone_mid_body_gets_no_request_line(tmp_path: Path) -> None:
    with DevServer(python_project(tmp_path / "app", ENTRY)) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(b"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npart")
        failed = server.wait_for("read failed: Error: Network connection lost.")
        assert server.get("/after") == (200, "ok")
        logged = server.wait_for("[wrangler:info] GET /after 200 OK", after=failed)
        assert not any("/upload" in line for line in server.lines[:logged + 1])
