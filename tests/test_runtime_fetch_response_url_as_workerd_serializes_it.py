"""A fetched response's ``url`` is the last URL of the request's list as workerd serializes it,
without its fragment (http.c++ ``makeHttpResponse``): from ``fetch_standard_url`` (2024-06-03)
the WHATWG serialization, before it kj's -- scheme and host lower-cased, ``.``/``..`` parts
collapsed, characters as given, no ``/`` after a bare host -- user info kept in both; a redirect
followed to an error status is ``redirected`` too, with that URL. Every case as ``wrangler dev``
4.164.0 answered it (``tools/wrangler/fetch_edges_probe.py``)."""

from __future__ import annotations

import http.server
import json
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker, serving

WORKER = """
import js
from workers import Response, WorkerEntrypoint

O = "{origin}"
URLS = [f"HTTP://{{O}}/x/../y/./Z#frag", f"http://{{O}}/p?q#f", f"http://user:pass@{{O}}/auth",
        f"http://{{O}}/redir#f0", f"http://{{O}}/a b", f"http://{{O}}", f"http://{{O}}/gone"]

async def answer(url):
    r = await js.fetch(url)
    return [r.url.replace(O, "O"), r.redirected, r.status, await r.text()]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await answer(url) for url in URLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


class Origin(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path in ("/redir", "/gone"):
            self.send_response(302)
            self.send_header("location", "/landed#lf" if self.path == "/redir" else "/missing")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        body = json.dumps(self.path).encode()
        self.send_response(404 if self.path == "/missing" else 200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


COMMON = [["http://O/y/Z", False, 200, '"/y/Z"'], ["http://O/p?q", False, 200, '"/p?q"'],
          ["http://user:pass@O/auth", False, 200, '"/auth"'], ["http://O/landed", True, 200, '"/landed"']]
GONE = ["http://O/missing", True, 404, '"/missing"']


@pytest.mark.parametrize(("date", "expected"), [
    ("2024-06-02", [*COMMON, ["http://O/a b", False, 200, '"/a%20b"'], ["http://O", False, 200, '"/"'], GONE]),
    ("2024-06-03", [*COMMON, ["http://O/a%20b", False, 200, '"/a%20b"'], ["http://O/", False, 200, '"/"'], GONE]),
])
def test_response_url_as_workerd_serializes_it(tmp_path: Path, date: str, expected: list[list[object]]) -> None:
    with serving(Origin) as url:
        worker = WORKER.format(origin=url.removeprefix("http://"))
        assert json_answer(one_file_worker(tmp_path, worker, date=date), "/") == expected
