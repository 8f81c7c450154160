"""``workers.Request``'s fetch-standard properties, as both SDKs define them (each returns its JS
Request's own property) over workerd's ``Request`` (``http.h``): ``redirect``, ``integrity``
(always ``""``) and ``keepalive`` (always ``false``) exist; ``mode``, ``credentials``,
``destination``, ``referrer``, ``referrerPolicy`` and ``isHistoryNavigation`` do not, so reading
one is Pyodide's ``AttributeError`` naming the JavaScript property."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
from workers import Request, Response, WorkerEntrypoint

def attempt(read):
    try:
        return read()
    except AttributeError as exc:
        return "AttributeError: " + str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = Request("https://example.com/", redirect="manual")
        return Response.json({
            "integrity": request.integrity,
            "keepalive": request.keepalive,
            "redirect": [request.redirect, made.redirect],
            "js": [request.js_object.integrity, request.js_object.keepalive],
            "absent": [attempt(lambda: getattr(request, name)) for name in
                       ("mode", "credentials", "destination", "referrer", "referrer_policy",
                        "is_history_navigation")],
        })

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])  # the built-in SDK on Pyodide 0.26, 0.28, the external one
def test_request_properties_are_the_js_requests_own(tmp_path: Path, date: str) -> None:
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date))

    async def scenario() -> dict:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    assert asyncio.run(scenario()) == {
        "integrity": "",
        "keepalive": False,
        "redirect": ["manual", "manual"],  # an incoming Request's is "manual" (wrangler dev 4.164.0)
        "js": ["", False],
        "absent": ["AttributeError: mode", "AttributeError: credentials", "AttributeError: destination",
                   "AttributeError: referrer", "AttributeError: referrerPolicy",
                   "AttributeError: isHistoryNavigation"],
    }
