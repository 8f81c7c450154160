"""The Request a Worker receives has ``redirect: "manual"``, as workerd makes every incoming
Request (global-scope.c++), so a Worker that hands it to ``fetch`` -- ``fetch(url, request)``,
``fetch(new Request(url, request.clone()))`` -- passes a redirect on to its client as the 3xx it
is rather than following it; an init's own ``redirect`` still decides. As ``wrangler dev``
4.164.0 answered (``request.redirect`` is ``"manual"``, also for its clone and a Request made
from it; a new Request's is ``"follow"``)."""

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

async def seen(make):
    r = await make()
    return [r.status, r.redirected, r.headers.get("location")]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        incoming = request.js_object
        follow = to_js({{"redirect": "follow"}}, dict_converter=js.Object.fromEntries)
        return Response(json.dumps({{
            "redirect": [incoming.redirect, incoming.clone().redirect, js.Request.new("http://x/", incoming).redirect,
                         js.Request.new("http://x/").redirect],
            "fetch(url, request)": await seen(lambda: js.fetch(ORIGIN + "/moved", incoming)),
            "fetch(Request of a clone)": await seen(lambda: js.fetch(js.Request.new(ORIGIN + "/moved", incoming.clone()))),
            "told to follow": await seen(lambda: js.fetch(js.Request.new(ORIGIN + "/moved", incoming.clone()), follow)),
            "fetch(url)": await seen(lambda: js.fetch(ORIGIN + "/moved")),
        }}))

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


class Origin(http.server.BaseHTTPRequestHandler):
    """``/moved`` answers 302 to ``/landed``, which answers 200."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(302 if self.path == "/moved" else 200)
        if self.path == "/moved":
            self.send_header("location", "/landed")
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_incoming_request_passes_redirects_on(tmp_path: Path) -> None:
    with serving(Origin) as url:
        worker = load_worker(one_file_worker(tmp_path, WORKER.format(origin=url)))

        async def scenario() -> dict[str, object]:
            resp = await asyncio.wait_for(worker.fetch("/"), 10)
            return json.loads(await resp.text())

        answers = asyncio.run(scenario())
    assert answers == {
        "redirect": ["manual", "manual", "manual", "follow"],
        "fetch(url, request)": [302, False, "/landed"],
        "fetch(Request of a clone)": [302, False, "/landed"],
        "told to follow": [200, True, None],
        "fetch(url)": [200, True, None],
    }
