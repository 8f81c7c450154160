"""A Worker's ``fetch`` sends none of its own ``Host`` (the URL's goes), ``Connection``,
``Keep-Alive``, ``TE``, ``Trailer`` or (another than a WebSocket's) ``Upgrade`` -- KJ writes the connection-level headers itself, and writes none of
them for a plain request -- and workers-env adds nothing workerd does not: no ``Connection:
close``, ``User-Agent`` or ``Accept-Encoding``. As a JavaScript twin's fetch reached a local
origin under ``wrangler dev`` 4.164.0 (tools/wrangler/header_wire_probe.py)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker, sent_to_origin

WORKER = """
from js import fetch
from workers import Response, WorkerEntrypoint

GIVEN = {
    "host": [["Host", "evil.example"], ["x-a", "1"]],
    "connection": [["Connection", "keep-alive"], ["Keep-Alive", "5"], ["TE", "trailers"], ["x-a", "1"]],
    "trailer": [["Trailer", "x-t"], ["Upgrade", "h2c"], ["x-a", "1"]],
}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await fetch(request.headers.get("x-origin") + "/o", headers=GIVEN[request.url.rsplit("/", 1)[1]])
        return Response("done")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("case", ["host", "connection", "trailer"])
async def test_only_the_urls_host_and_the_workers_own_header(tmp_path, case):
    sent = await sent_to_origin(one_file_worker(tmp_path, WORKER), f"/{case}")
    assert sent == b"GET /o HTTP/1.1\r\nHost: H\r\nCF-Worker: w.example.com\r\nx-a: 1\r\n\r\n"
