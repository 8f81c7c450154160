"""A Worker's own ``Content-Length`` or ``Transfer-Encoding`` header is not what ``fetch`` sends:
kj frames the body it sends itself, so a wrong length neither cuts the body nor promises one
that never comes -- a GET without a body gets none (a POST's ``content-length: 3`` kept on the
GET a 303 makes of it would leave the origin waiting for a body), and a body sent with
``transfer-encoding: chunked`` goes with its length. As ``wrangler dev`` 4.164.0 sent them."""

from __future__ import annotations

import http.server
import json
from pathlib import Path

from worker_helpers import json_answer, one_file_worker, serving

WORKER = """
import json
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

ORIGIN = "{origin}"

def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)

CALLS = [
    ("/landed", init(method="POST", body="x=1", headers=init(**{{"content-length": "2"}}))),
    ("/landed", init(headers=init(**{{"content-length": "0"}}))),
    ("/landed", init(method="POST", body="abc", headers=init(**{{"transfer-encoding": "chunked"}}))),
    ("/303", init(method="POST", body="x=1", headers=init(**{{"content-length": "3"}}))),
    ("/307", init(method="POST", body="x=1", headers=init(**{{"content-length": "9"}}))),
]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([json.loads(await (await js.fetch(ORIGIN + path, options)).text())
                              for path, options in CALLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


class Origin(http.server.BaseHTTPRequestHandler):
    """``/303`` and ``/307`` redirect to ``/landed``, which answers the request's method, body and
    framing headers (the body read by its ``Content-Length``)."""

    def _answer(self) -> None:
        self.connection.settimeout(5)  # a promised body that never comes ends here, not in a hang
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.path != "/landed":
            self.send_response(int(self.path[1:]))
            self.send_header("location", "/landed")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        framing = {k.lower(): v for k, v in self.headers.items() if k.lower() in ("content-length", "transfer-encoding")}
        seen = json.dumps([self.command, body.decode(), framing]).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(seen)))
        self.end_headers()
        self.wfile.write(seen)

    do_GET = do_POST = _answer  # noqa: N815 - http.server's names

    def log_message(self, *args: object) -> None:
        pass


def test_fetch_sends_no_content_length_of_the_workers_own(tmp_path: Path) -> None:
    with serving(Origin) as url:
        answers = json_answer(one_file_worker(tmp_path, WORKER.format(origin=url)), "/")
    assert answers == [
        ["POST", "x=1", {"content-length": "3"}],
        ["GET", "", {}],
        ["POST", "abc", {"content-length": "3"}],
        ["GET", "", {}],
        ["POST", "x=1", {"content-length": "3"}],
    ]
