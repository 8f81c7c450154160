"""A request whose body cannot be sent again -- given as a ReadableStream (another body's
``body`` too) or the incoming request's -- fails at a redirect other than 303 with workerd's
``TypeError`` (http.c++ ``handleHttpRedirectResponse``: ``status != 303 &&
!canRewindBody()``), even at a 301 that would turn its POST into a bodiless GET; a 303 is
followed, and a body given as a string, or taken from a Request made with one, is sent again.
As ``wrangler dev`` 4.164.0 answered."""

from __future__ import annotations

import asyncio
import http.server
import json
from pathlib import Path

from worker_helpers import one_file_worker, serving

from workers_env import load_worker

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

async def outcome(make):
    try:
        r = await make()
    except Exception as exc:
        return f"{{exc.name}}: {{exc.message}}"
    return [r.status, r.redirected, await r.text()]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        incoming = request.js_object
        calls = {{
            "stream 307": lambda: js.fetch(ORIGIN + "/307", init(method="POST", body=stream(), duplex="half")),
            "stream 301": lambda: js.fetch(ORIGIN + "/301", init(method="POST", body=stream(), duplex="half")),
            "stream 303": lambda: js.fetch(ORIGIN + "/303", init(method="POST", body=stream(), duplex="half")),
            "stream, manual": lambda: js.fetch(ORIGIN + "/307", init(method="POST", body=stream(), redirect="manual")),
            "a body's body 307": lambda: js.fetch(ORIGIN + "/307", init(
                method="POST", body=js.Response.new("abc").body, duplex="half")),
            "string 307": lambda: js.fetch(ORIGIN + "/307", init(method="POST", body="abc")),
            "Request of a Request 307": lambda: js.fetch(js.Request.new(
                ORIGIN + "/307", js.Request.new("http://x/", init(method="POST", body="abc")))),
            # the incoming Request's own redirect is "manual": told to follow, its body fails it
            "incoming clone 307": lambda: js.fetch(js.Request.new(ORIGIN + "/307", incoming.clone()),
                                                   init(redirect="follow")),
            "incoming body 307": lambda: js.fetch(ORIGIN + "/307", init(method="POST", body=incoming.body, duplex="half")),
        }}
        return Response(json.dumps({{name: await outcome(make) for name, make in calls.items()}}))

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

ONE_TIME = ("TypeError: A request with a one-time-use body (it was initialized from a stream, not a buffer) "
            "encountered a redirect requiring the body to be retransmitted. To avoid this error in the future, "
            "construct this request from a buffer-like body initializer.")


class Origin(http.server.BaseHTTPRequestHandler):
    """``/<status>`` redirects to ``/landed``; ``/landed`` answers its method and body."""

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.path != "/landed":
            self.send_response(int(self.path[1:]))
            self.send_header("location", "/landed")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        seen = f"{self.command} {body.decode()}".encode()
        self.send_response(200)
        self.send_header("content-length", str(len(seen)))
        self.end_headers()
        self.wfile.write(seen)

    do_GET = do_POST = _answer  # noqa: N815 - http.server's names

    def log_message(self, *args: object) -> None:
        pass


def test_a_redirect_of_a_one_time_body_fails_but_at_303(tmp_path: Path) -> None:
    with serving(Origin) as url:
        worker = load_worker(one_file_worker(tmp_path, WORKER.format(origin=url)))

        async def scenario() -> dict[str, object]:
            resp = await asyncio.wait_for(worker.fetch("/", method="POST", body="in"), 10)
            return json.loads(await resp.text())

        answers = asyncio.run(scenario())
    assert answers == {
        "stream 307": ONE_TIME,
        "stream 301": ONE_TIME,
        "stream 303": [200, True, "GET "],
        "stream, manual": [307, False, ""],
        "a body's body 307": ONE_TIME,
        "string 307": [200, True, "POST abc"],
        "Request of a Request 307": [200, True, "POST abc"],
        "incoming clone 307": ONE_TIME,
        "incoming body 307": ONE_TIME,
    }
