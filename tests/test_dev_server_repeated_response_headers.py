"""A response header a Worker appends several times goes out as several header lines, as workerd
writes them (``wrangler dev`` 4.164.0): ``X-Multi: 1`` and ``X-Multi: 2``, not ``X-Multi: 1, 2``,
like ``Set-Cookie`` -- but a name KJ's header table indexes (``Vary``, ``Cache-Control``: see
runtime/wireheaders.py) goes on one line, its values joined by ``", "``, as KJ holds it
(tools/wrangler/header_wire_probe.py; two lines here before 2026-12-04); inside the Worker,
``headers.get`` joins them all with ``", "``."""

from __future__ import annotations

from test_dev_server import exchange, serving

ENTRY = """
from js import Headers
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        h = Headers.new()
        h.append("Set-Cookie", "a=1; Path=/")
        h.append("X-Multi", "1")
        h.append("Set-Cookie", "b=2; HttpOnly")
        h.append("X-Multi", "2, 3")
        h.append("Vary", "Accept")
        h.append("Vary", "Origin")
        return Response(h.get("x-multi"), headers=h)
"""


def _header_lines(raw: bytes) -> list[tuple[str, str]]:
    head = raw.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")[1:]
    return [(name.lower(), value.strip()) for name, _, value in (line.partition(":") for line in head)]


def test_each_appended_value_is_a_header_line_of_its_own(tmp_path) -> None:
    with serving(tmp_path / "app", ENTRY) as server:
        raw = exchange(server.port, b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
    lines = _header_lines(raw)
    assert [v for k, v in lines if k == "x-multi"] == ["1", "2, 3"]
    assert [v for k, v in lines if k == "set-cookie"] == ["a=1; Path=/", "b=2; HttpOnly"]
    assert [v for k, v in lines if k == "vary"] == ["Accept, Origin"]
    assert raw.endswith(b"\r\n\r\n1, 2, 3")  # the Worker's own get() joins them
