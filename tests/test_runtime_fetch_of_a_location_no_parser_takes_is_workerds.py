"""A ``fetch`` answer whose ``Location`` no URL parser takes (``http://[``) is workerd's: followed,
``TypeError: Invalid Location header; unable to follow redirect.``; with ``redirect: "manual"``
the 3xx itself, ``Location`` and body as sent. workers-env raised Python's ``ValueError: Invalid
IPv6 URL`` in both modes (urllib's redirect handler parsed the header before ours was asked).
Measured with workerd 1.20261117.1 (wrangler 4.164.0's) and 1.20261201.1, ``workerd test`` of a
JavaScript Worker and a local origin (currency55), for 301, 302 and 307; 303 and 308 too since
audit32 (a 308 was still urllib's ``ValueError``): workerd parses the ``Location`` of each of the
five redirect statuses (``isRedirectStatusCode``) the same way before choosing the next method
(http.c++ ``handleHttpRedirectResponse``)."""

from __future__ import annotations

import http.server
from pathlib import Path

from worker_helpers import json_answer, one_file_worker, serving

ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

async def seen(url, mode):
    try:
        r = await js.fetch(url, to_js({{"redirect": mode}}, dict_converter=js.Object.fromEntries))
        return [r.status, r.headers.get("location"), r.redirected, await r.text()]
    except Exception as exc:
        return f"{{exc.name}}: {{exc.message}}"

STATUSES = (301, 302, 303, 307, 308)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await seen("{origin}/" + str(status), mode)
                              for mode in ("follow", "manual") for status in STATUSES])
"""


class Origin(http.server.BaseHTTPRequestHandler):
    """``/<status>`` answers that status with ``Location: http://[`` and a body naming the path."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = f"GET {self.path}".encode()
        self.send_response(int(self.path[1:]))
        self.send_header("Location", "http://[")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_location_no_parser_takes_fails_a_follow_and_comes_back_to_manual(tmp_path: Path) -> None:
    with serving(Origin) as origin:
        got = json_answer(one_file_worker(tmp_path, ENTRY.format(origin=origin), date="2026-11-24"), "/")
    assert got == ["TypeError: Invalid Location header; unable to follow redirect."] * 5 + [
        [status, "http://[", False, f"GET /{status}"] for status in (301, 302, 303, 307, 308)]
