"""A chunked answer of ``workers-env dev`` writes each chunk's size as KJ does, in upper-case hex:
``2E`` for a 46-byte chunk where h11 writes ``2e`` (wrangler dev 4.164.0 side by side with
adewale/xampler's static-assets Worker, hunt29: its 46-byte ``index.html`` went ``2E``; 10 of 13
exchanges the same before, 12 after -- the one left, a gzip answer, differs in its deflate bytes)."""

from __future__ import annotations

import textwrap

from test_dev_server import exchange

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        size = int(request.url.rsplit("=", 1)[1])
        return Response("x" * size, headers={"content-type": "text/html"})  # HTML goes chunked
"""


def _raw(port: int, size: int) -> bytes:
    request = f"GET /?n={size} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()
    return exchange(port, request).partition(b"\r\n\r\n")[2]


def test_chunk_sizes_are_upper_case_hex(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-03-01"\ncompatibility_flags = ["python_workers"]\n')
    with BackgroundServer(load_worker(tmp_path)) as server:
        port = int(server.url.rsplit(":", 1)[1])
        assert _raw(port, 46) == b"2E\r\n" + b"x" * 46 + b"\r\n0\r\n\r\n"
        assert _raw(port, 250) == b"FA\r\n" + b"x" * 250 + b"\r\n0\r\n\r\n"
        assert _raw(port, 9) == b"9\r\n" + b"x" * 9 + b"\r\n0\r\n\r\n"
