"""A Fetcher binding's ``fetch`` -- a service binding's, a Durable Object stub's -- refuses an
init ``new Request`` would refuse before the binding sees it, as workerd builds a Request of the
arguments for every Fetcher: a ``redirect`` other than ``"follow"`` or ``"manual"`` (``"error"``
among them) and a ``method`` it does not know are workerd's ``TypeError``, raised as the SDKs'
``pyfetch`` raises what JavaScript threw (``OSError`` on Pyodide 0.26, ``AbortError`` on 0.28);
``redirect: "manual"`` reaches the binding. As ``wrangler dev`` 4.164.0 answered for a service
binding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import RecordingService

from workers_env import load_env, load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint

async def seen(make):
    try:
        return (await make()).status
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stub = self.env.DO.get(self.env.DO.idFromName("x"))
        return Response.json([[await seen(lambda: f.fetch("http://x/error", redirect="error")),
                               await seen(lambda: f.fetch("http://x/method", method="bad method")),
                               await seen(lambda: f.fetch("http://x/manual", redirect="manual"))]
                              for f in (self.env.SVC, stub)])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

REDIRECT = ('Invalid redirect value, must be one of "follow" or "manual" ("error" won\'t be implemented since it '
            'does not make sense at the edge; use "manual" and check the response status code).')


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "error"), [("2025-08-13", "OSError"), ("2025-10-01", "AbortError")])
async def test_a_fetcher_binding_refuses_an_init_a_request_cannot_take(tmp_path: Path, date: str, error: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "services": [{"binding": "SVC", "service": "other"}],
        "durable_objects": {"bindings": [{"name": "DO", "class_name": "Obj", "script_name": "other"}]}}))
    service = RecordingService()
    worker = load_worker(env=load_env(tmp_path, bindings={"SVC": service, "DO": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    refused = [f"{error}: {REDIRECT}", f"{error}: Invalid HTTP method string: bad method", 201]
    assert json.loads(await resp.text()) == [refused, refused]
    assert service.fetched == ["http://x/manual", "http://x/manual"]  # only the manual fetch reached it
