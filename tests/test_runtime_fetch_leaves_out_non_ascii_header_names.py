"""A Worker's ``fetch`` with a header whose name is not ASCII (``x-é``, ``x-€``, ``X-É``, ``x-中``)
sends the request without that header, as wrangler dev 4.164.0 does (a JS Worker fetching a raw
local origin, 2026-12-04: status 200 each time, the origin saw only ``x-a``); it was http.client's
``UnicodeEncodeError: 'ascii' codec can't encode character '\\ufffd'`` raised into the Worker."""

from __future__ import annotations

import http.server
import json
import threading

from worker_helpers import json_answer, one_file_worker

ENTRY = """
from workers import Response, WorkerEntrypoint, fetch


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        origin = request.url.split("?", 1)[1]  # the test's origin
        out = []
        for name in ("x-\\u00e9", "x-\\u20ac", "X-\\u00c9", "x-\\u4e2d"):
            r = await fetch(origin, headers={name: "1", "x-a": "1"})
            out.append([r.status, await r.text()])
        return Response.json(out)
"""


class _Echo(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        body = json.dumps(sorted(k.lower() for k in self.headers if k.lower().startswith("x-"))).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_non_ascii_header_name_is_left_out_and_the_fetch_goes_on(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        answer = json_answer(one_file_worker(tmp_path, ENTRY, date="2026-01-15"), f"/?{origin}")
    finally:
        server.shutdown()
        server.server_close()
    assert answer == [[200, '["x-a"]']] * 4
