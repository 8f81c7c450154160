"""``headers=`` of the SDK's ``Response``/``Request`` takes what both SDKs' ``_to_js_headers``
take -- a list of pairs, a ``dict``, a JS ``Headers`` -- and refuses the ``HTTPMessage`` that
their own ``request.headers`` is, with their ``TypeError`` (workerd ``_workers.py``, workers-py
``utils.py``): ``Response(body, headers=request.headers)`` fails in production, so here too,
while ``headers=dict(request.headers.items())`` works."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from workers import Request, Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        results = []
        for make in (lambda h: Response("x", headers=h), lambda h: Request("https://a.test/", headers=h)):
            for headers in (request.headers, dict(request.headers.items()), [("x-a", "1")]):
                try:
                    made = make(headers)
                    results.append("ok " + (made.headers.get("x-a") or "-"))
                except TypeError as exc:
                    results.append(f"TypeError: {exc}")
        return Response.json(results)
'''

REFUSED = "TypeError: Received unexpected type for headers argument"


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-01"])  # the built-in SDK, the external one
async def test_request_headers_are_not_a_headers_argument(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    reply = await (await worker.fetch("/", headers={"X-A": "1"})).json()
    assert reply == [REFUSED, "ok 1", "ok 1"] * 2
