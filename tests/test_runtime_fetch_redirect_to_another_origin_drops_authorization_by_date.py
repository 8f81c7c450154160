"""From ``strip_authorization_on_cross_origin_redirect`` (2025-09-01) a redirect ``fetch``
follows to another origin -- ``localhost`` for ``127.0.0.1``, the same port -- drops the
request's ``Authorization`` header, and it stays dropped for the redirects after; a redirect
within the origin keeps it, and before that date every redirect does (http.c++
``handleHttpRedirectResponse``; ``wrangler dev`` 4.164.0 answered so,
``tools/wrangler/fetch_redirect_differential.py``)."""

from __future__ import annotations

import http.server
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker, serving

WORKER = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

ORIGIN = "{origin}"

async def seen(path):
    init = to_js({{"headers": {{"authorization": "Bearer t"}}}}, dict_converter=js.Object.fromEntries)
    return await (await js.fetch(ORIGIN + path, init)).text()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await seen("/same"), await seen("/other"), await seen("/other-and-back")])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def origin_handler(port: list[int]) -> type[http.server.BaseHTTPRequestHandler]:
    class Origin(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            location = {"/same": "/landed", "/other": f"//localhost:{port[0]}/landed",
                        "/other-and-back": f"//localhost:{port[0]}/back",
                        "/back": f"http://127.0.0.1:{port[0]}/landed"}.get(self.path)
            if location is not None:
                self.send_response(302)
                self.send_header("location", location)
                self.send_header("content-length", "0")
                self.end_headers()
                return
            body = (self.headers.get("authorization") or "none").encode()
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Origin


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-08-31", ["Bearer t", "Bearer t", "Bearer t"]),
    ("2025-09-01", ["Bearer t", "none", "none"]),
])
def test_a_redirect_to_another_origin_drops_authorization_by_date(tmp_path: Path, date: str,
                                                                  expected: list[str]) -> None:
    port: list[int] = []
    with serving(origin_handler(port)) as url:
        port.append(int(url.rpartition(":")[2]))
        assert json_answer(one_file_worker(tmp_path, WORKER.format(origin=url), date=date), "/") == expected
