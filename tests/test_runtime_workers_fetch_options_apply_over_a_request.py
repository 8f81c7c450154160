"""``workers.fetch(resource, **options)`` is both SDKs' ``pyfetch(resource, **options)``: a
``workers.Request`` is its JS Request, and every option goes into the one init that Pyodide's
``pyfetch`` ``to_js``-converts for JavaScript's ``fetch(resource, init)``. So options apply over a
Request (``workers`` or JS) given as the resource, and header pairs may be a tuple (an Array once
converted), where building a ``workers.Request`` from them first would drop or refuse them."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker


@contextlib.contextmanager
def echo_origin() -> Iterator[str]:
    """A local origin answering each request with its method, ``x`` header and body as JSON."""

    class Echo(http.server.BaseHTTPRequestHandler):
        def answer(self) -> None:
            size = int(self.headers.get("content-length") or 0)
            data = json.dumps({"method": self.command, "x": self.headers.get("x"),
                               "body": self.rfile.read(size).decode()}).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = answer  # noqa: N815 - http.server's names

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


WORKER = """
from workers import Request, Response, WorkerEntrypoint, fetch

URL = "{url}"

async def sent(call):
    return await (await call).json()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([
            await sent(fetch(Request(URL), method="POST", body="abc", headers={{"x": "2"}})),
            await sent(fetch(Request(URL).js_object, method="PUT", body="z")),
            await sent(fetch(URL, headers=(("x", "1"),))),
            await sent(fetch(Request(URL, method="PUT", body="q"))),
        ])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])  # the built-in SDK on Pyodide 0.26, 0.28, the external one
def test_fetch_options_reach_javascript_as_one_init(tmp_path: Path, date: str) -> None:
    with echo_origin() as url:
        answer = json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/")
    assert answer == [
        {"method": "POST", "x": "2", "body": "abc"},
        {"method": "PUT", "x": None, "body": "z"},
        {"method": "GET", "x": "1", "body": ""},
        {"method": "PUT", "x": None, "body": "q"},
    ]
