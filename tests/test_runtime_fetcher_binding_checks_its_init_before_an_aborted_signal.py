"""A Fetcher binding's ``fetch`` given an init ``new Request`` refuses *and* a signal aborted
already refuses the init: workerd's ``fetchImplNoOutputLock`` builds the Request first
(``Request::constructor``, "If Request's constructor would throw, we must throw here, too"), and
only the Request's ``fetchImplNoOutputLock`` then rejects with an aborted signal's reason
(workerd src/workerd/api/http.c++). With a valid init the reason comes back, the binding
unasked. Both for the SDK's ``self.env`` binding (raised as ``pyfetch`` raises what JavaScript
threw: ``AbortError`` on Pyodide 0.28) and the JavaScript ``env``'s (audit32)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

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
        gone = js.AbortSignal.abort(js.Error.new("gone"))
        return Response.json([
            await seen(lambda: self.env.SVC.fetch("http://x/a", redirect="error", signal=gone)),
            await seen(lambda: self.env.SVC.fetch("http://x/b", method="bad method", signal=gone)),
            await seen(lambda: svc.fetch("http://x/c", init(redirect="error", signal=gone))),
            await seen(lambda: svc.fetch("http://x/d", init(redirect="manual", signal=gone))),
        ])
"""

REDIRECT = ('Invalid redirect value. Use "follow" or "manual". To use "error", enable the fetch_redirect_error '
            "compatibility flag.")


def test_the_init_is_refused_before_the_aborted_signal(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": "2025-10-01",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SVC", "service": "other"}]}))
    service = RecordingService()
    worker = load_worker(env=load_env(tmp_path, bindings={"SVC": service}))

    async def answer() -> list:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return json.loads(await resp.text())

    assert asyncio.run(answer()) == [f"AbortError: {REDIRECT}", "AbortError: Invalid HTTP method string: bad method",
                                     f"TypeError: {REDIRECT}", "Error: gone"]
    assert service.fetched == []  # the binding never asked
