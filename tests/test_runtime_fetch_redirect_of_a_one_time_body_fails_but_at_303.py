"""A request whose body cannot be sent again -- given as a ReadableStream (another body's
``body`` too) or the incoming request's -- fails at a redirect other than 303 with workerd's
``TypeError`` (http.c++ ``handleHttpRedirectResponse``: ``status != 303 &&
!canRewindBody()``), even at a 301 that would turn its POST into a bodiless GET; a 303 is
followed, and a body given as a string, or taken from a Request made with one, is sent again.
As ``wrangler dev`` 4.164.0 answered."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from worker_helpers import BODY_INITS, EchoOrigin, one_file_worker, serving

from workers_env import load_worker

WORKER = BODY_INITS + """
import json
from workers import Response, WorkerEntrypoint

async def outcome(make):
    try:
        r = await make()
    except Exception as exc:
        return f"{exc.name}: {exc.message}"
    return [r.status, r.redirected, json.loads(await r.text()) if r.status == 200 else None]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        incoming = request.js_object
        calls = {
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
        }
        return Response(json.dumps({name: await outcome(make) for name, make in calls.items()}))

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

TEXT = "text/plain;charset=UTF-8"
ONE_TIME = ("TypeError: A request with a one-time-use body (it was initialized from a stream, not a buffer) "
            "encountered a redirect requiring the body to be retransmitted. To avoid this error in the future, "
            "construct this request from a buffer-like body initializer.")


def test_a_redirect_of_a_one_time_body_fails_but_at_303(tmp_path: Path) -> None:
    with serving(EchoOrigin) as url:
        worker = load_worker(one_file_worker(tmp_path, f"ORIGIN = {url!r}\n" + WORKER))

        async def scenario() -> dict[str, object]:
            resp = await asyncio.wait_for(worker.fetch("/", method="POST", body="in"), 10)
            return json.loads(await resp.text())

        answers = asyncio.run(scenario())
    assert answers == {
        "stream 307": ONE_TIME,
        "stream 301": ONE_TIME,
        "stream 303": [200, True, ["GET", "", {}]],
        "stream, manual": [307, False, None],
        "a body's body 307": ONE_TIME,
        "string 307": [200, True, ["POST", "abc", {"content-length": "3", "content-type": TEXT}]],
        "Request of a Request 307": [200, True, ["POST", "abc", {"content-length": "3", "content-type": TEXT}]],
        "incoming clone 307": ONE_TIME,
        "incoming body 307": ONE_TIME,
    }
