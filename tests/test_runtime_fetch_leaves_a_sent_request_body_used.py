"""``fetch`` takes the body of a Request it is given -- as the resource, or as the init (the
incoming request handed on: ``fetch(url, request)``) -- so that Request is left used, as workerd's
Request constructor leaves it (http.c++ ``fetchImpl``): ``bodyUsed`` is true once the fetch is
made, and reading the body again fails as in production, rather than passing here. A Request
whose body the init replaces keeps its own. As ``wrangler dev`` 4.164.0 answered."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from worker_helpers import BODY_INITS, EchoOrigin, one_file_worker, serving

from workers_env import load_worker

WORKER = BODY_INITS + """
import json
from workers import Response, WorkerEntrypoint, fetch

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        incoming = request.js_object
        await js.fetch(ORIGIN + "/landed", incoming)
        as_init = js.Request.new("http://x/", init(method="POST", body="abc"))
        await js.fetch(ORIGIN + "/landed", as_init)
        as_resource = js.Request.new(ORIGIN + "/landed", init(method="POST", body="abc"))
        await js.fetch(as_resource)
        through_workers = js.Request.new(ORIGIN + "/landed", init(method="POST", body="abc"))
        await fetch(through_workers)
        replaced = js.Request.new(ORIGIN + "/landed", init(method="POST", body="abc"))
        await js.fetch(replaced, init(body="other"))
        without_body = js.Request.new(ORIGIN + "/landed")
        await js.fetch(without_body)
        return Response(json.dumps([r.bodyUsed for r in (incoming, as_init, as_resource, through_workers, replaced,
                                                         without_body)]))

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


def test_fetch_leaves_a_sent_request_body_used(tmp_path: Path) -> None:
    with serving(EchoOrigin) as url:
        worker = load_worker(one_file_worker(tmp_path, f"ORIGIN = {url!r}\n" + WORKER))

        async def scenario() -> list[bool]:
            resp = await asyncio.wait_for(worker.fetch("/", method="POST", body="in"), 10)
            assert resp.status == 200, await resp.text()
            return json.loads(await resp.text())

        assert asyncio.run(scenario()) == [True, True, True, True, False, False]
