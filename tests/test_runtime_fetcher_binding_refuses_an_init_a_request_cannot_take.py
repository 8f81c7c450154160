"""A Fetcher binding's ``fetch`` -- a service binding's, a Durable Object stub's -- refuses an
init ``new Request`` would refuse before the binding sees it, as workerd builds a Request of the
arguments for every Fetcher: a ``redirect`` other than ``"follow"`` or ``"manual"`` (``"error"``
among them) and a ``method`` it does not know are workerd's ``TypeError``, raised as the SDKs'
``pyfetch`` raises what JavaScript threw (``OSError`` on Pyodide 0.26, ``AbortError`` on 0.28);
``redirect: "manual"`` reaches the binding; the JavaScript ``env``'s binding refuses them too, as
JavaScript ``TypeError`` s (it let them reach the binding before currency55; workerd 1.20261201.1
refuses a ``redirect`` there, measured). As ``wrangler dev`` 4.164.0 answered for a service
binding -- but for the redirect's text, workerd 1.20261201.1's, which names ``fetch_redirect_error``
(with that flag ``"error"`` is taken: ``test_runtime_fetch_redirect_error_mode_is_workerds.py``).

Such an init with a signal aborted already is refused for the init: ``fetchImplNoOutputLock``
builds the Request first (``Request::constructor``, "If Request's constructor would throw, we must
throw here, too"), and only the Request's ``fetchImplNoOutputLock`` then rejects with an aborted
signal's reason (workerd src/workerd/api/http.c++). With a valid init the reason comes back, the
binding unasked. Both for the SDK's ``self.env`` binding and the JavaScript ``env``'s (audit32)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import RecordingService

from workers_env import load_env, load_worker

ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, import_from_javascript

async def seen(make):
    try:
        return (await make()).status
    except Exception as exc:
        return f"{exc.name}: {exc.message}" if hasattr(exc, "message") else f"{type(exc).__name__}: {exc}"

def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        svc = import_from_javascript("cloudflare:workers").env.SVC  # the JavaScript env's binding
        if request.url.endswith("/aborted"):
            gone = js.AbortSignal.abort(js.Error.new("gone"))
            return Response.json([
                await seen(lambda: self.env.SVC.fetch("http://x/a", redirect="error", signal=gone)),
                await seen(lambda: self.env.SVC.fetch("http://x/b", method="bad method", signal=gone)),
                await seen(lambda: svc.fetch("http://x/c", init(redirect="error", signal=gone))),
                await seen(lambda: svc.fetch("http://x/d", init(redirect="manual", signal=gone))),
            ])
        stub = self.env.DO.get(self.env.DO.idFromName("x"))
        return Response.json([[await seen(lambda: f.fetch("http://x/error", redirect="error")),
                               await seen(lambda: f.fetch("http://x/method", method="bad method")),
                               await seen(lambda: f.fetch("http://x/manual", redirect="manual"))]
                              for f in (self.env.SVC, stub)] + [
                             [await seen(lambda: svc.fetch("http://x/error", init(redirect="error"))),
                              await seen(lambda: svc.fetch("http://x/method", init(method="bad method"))),
                              await seen(lambda: svc.fetch("http://x/manual", init(redirect="manual")))]])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

REDIRECT = ('Invalid redirect value. Use "follow" or "manual". To use "error", enable the fetch_redirect_error '
            "compatibility flag.")


async def answered(tmp_path: Path, date: str, path: str) -> tuple[Any, RecordingService]:
    """The Worker's JSON answer to ``path`` and the service (``SVC``, and ``DO``'s stub) it asked."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "services": [{"binding": "SVC", "service": "other"}],
        "durable_objects": {"bindings": [{"name": "DO", "class_name": "Obj", "script_name": "other"}]}}))
    service = RecordingService()
    worker = load_worker(env=load_env(tmp_path, bindings={"SVC": service, "DO": service}))
    resp = await worker.fetch(path)
    assert resp.status == 200, await resp.text()
    return json.loads(await resp.text()), service


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "error"), [("2025-08-13", "OSError"), ("2025-10-01", "AbortError")])
async def test_a_fetcher_binding_refuses_an_init_a_request_cannot_take(tmp_path: Path, date: str, error: str) -> None:
    answer, service = await answered(tmp_path, date, "/")
    refused = [f"{error}: {REDIRECT}", f"{error}: Invalid HTTP method string: bad method", 201]
    thrown = [f"TypeError: {REDIRECT}", "TypeError: Invalid HTTP method string: bad method", 201]
    assert answer == [refused, refused, thrown]
    assert service.fetched == ["http://x/manual"] * 3  # only the manual fetch reached it


@pytest.mark.asyncio
async def test_the_init_is_refused_before_the_aborted_signal(tmp_path: Path) -> None:
    answer, service = await answered(tmp_path, "2025-10-01", "/aborted")
    assert answer == [f"AbortError: {REDIRECT}", "AbortError: Invalid HTTP method string: bad method",
                      f"TypeError: {REDIRECT}", "Error: gone"]
    assert service.fetched == []  # the binding never asked
