"""A body ``fetch`` sends without a ``Content-Type`` -- a ``Uint8Array``, a ``ReadableStream`` --
goes without one, as workerd adds none (the standard library's own
``application/x-www-form-urlencoded`` is not sent); a string's ``text/plain;charset=UTF-8`` and
the Worker's own type go as they are. As ``wrangler dev`` 4.164.0 sent them."""

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

def stream():
    return js.ReadableStream.new(init(start=lambda c: (c.enqueue(js.Uint8Array.new([97, 98])), c.close())))

BODIES = [
    init(method="POST", body=js.Uint8Array.new([1, 2])),
    init(method="POST", body=stream(), duplex="half"),
    init(method="POST", body="abc"),
    init(method="POST", body=js.Uint8Array.new([1, 2]), headers=init(**{{"content-type": "a/b"}})),
]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([json.loads(await (await js.fetch(ORIGIN, options)).text()) for options in BODIES])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


class Origin(http.server.BaseHTTPRequestHandler):
    """Answers the request's body length and ``Content-Type`` (null: none)."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        seen = json.dumps([len(body), self.headers.get("content-type")]).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(seen)))
        self.end_headers()
        self.wfile.write(seen)

    def log_message(self, *args: object) -> None:
        pass


def test_fetch_adds_no_content_type_to_a_body_without_one(tmp_path: Path) -> None:
    with serving(Origin) as url:
        answers = json_answer(one_file_worker(tmp_path, WORKER.format(origin=url)), "/")
    assert answers == [[2, None], [2, None], [3, "text/plain;charset=UTF-8"], [2, "a/b"]]
