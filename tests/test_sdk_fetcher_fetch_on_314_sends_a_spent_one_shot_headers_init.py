"""On Pyodide 314 (``python_workers_314``) the SDK's Fetcher ``fetch(url, headers=<a generator>)``
sends the callee no headers, as ``workers.fetch`` does: 314's ``pyfetch`` makes its one ``to_js``'d
init, builds a Request of the URL with it -- reading the generator -- then hands ``fetch`` that
Request and the same init again, whose spent iterator makes the Request's headers empty (measured
with real Pyodide under Node: 314.0.6's fetcher gets ``[]``, 0.28.2's ``[["x-a","1"]]``). left57
read the generator into a list before that Request, so the callee got the headers on 314 too --
review88. On 0.28 (2025-11-01) the callee gets them
(tests/test_fetcher_fetch_reads_one_shot_headers_once.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from fetcher_init_helpers import as_request
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
import workers
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        r = await self.env.SVC.fetch("http://b/", headers=(p for p in [("x-a", "1")]))
        listed = await self.env.SVC.fetch("http://b/", headers=[("x-a", "2")])
        return Response.json([str(r.headers.get("x-seen")), str(listed.headers.get("x-seen"))])
'''


class Echo:
    """The service: answers the ``x-a`` header its Request got as ``x-seen``."""

    async def fetch(self, request: Any, init: Any = None) -> Any:
        from workers_env import js, to_js

        request = as_request(request, init)
        seen = request.headers.get("x-a") if request.headers.has("x-a") else "none"
        return js.Response.new("", to_js({"headers": {"x-seen": seen}},
                                         dict_converter=js.Object.fromEntries))


def test_the_callee_gets_no_headers_from_a_spent_generator(tmp_path: Path) -> None:
    folder = one_file_worker(tmp_path, ENTRY, date="2026-10-01",
                             extra='services = [{binding = "SVC", service = "echo"}]\n')
    worker = load_worker(env=load_env(folder, bindings={"SVC": Echo()}))

    async def scenario() -> Any:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    assert asyncio.run(scenario()) == ["none", "2"]
