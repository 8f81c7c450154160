"""``workers.fetch(url, signal=request.signal)`` once the client has gone: JavaScript's ``fetch``
ignores an incoming request's signal without ``request_signal_passthrough`` (basics.c++
``isIgnoredForSubrequests``), and the SDKs' patched ``pyfetch`` of Pyodide 0.26 hands it on as it
is, so the subrequest is sent; Pyodide 0.28's ``pyfetch`` hands ``fetch`` ``abortSignalAny`` of it
and its own controller's -- a new signal, already aborted with the client's reason, that no
subrequest ignores -- so ``workers.fetch`` raises ``pyodide.http.AbortError: The client has
disconnected``. ``js.fetch`` with the same signal is sent in every era."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import local_origin, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import fetch as js_fetch
from workers import Response, WorkerEntrypoint, fetch

SEEN = {}
ORIGIN = "http://%s/"

async def outcome(call):
    try:
        return f"fetched {(await call).status}"
    except Exception as exc:
        return f"{type(exc).__name__}: {getattr(exc, 'message', exc)}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if urlparse(request.url).path == "/seen":
            return Response.json(SEEN)
        signal = request.js_object.signal

        async def watch():  # the request's waitUntil work, outliving its handler
            for _ in range(50):
                if signal.aborted:
                    break
                await asyncio.sleep(0.02)
            SEEN["workers"] = await outcome(fetch(ORIGIN, signal=signal))
            SEEN["js"] = await outcome(js_fetch(ORIGIN, signal=signal))
        self.ctx.waitUntil(watch())
        await asyncio.sleep(30)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize(("date", "workers_fetch"), [
    ("2025-08-13", "fetched 204"),  # Pyodide 0.26: the signal as it is, ignored
    ("2025-10-01", "AbortError: The client has disconnected"),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", "AbortError: The client has disconnected"),  # the external SDK
])
def test_workers_fetch_of_a_gone_clients_signal(tmp_path: Path, date: str, workers_fetch: str) -> None:
    with local_origin() as (origin, _):
        worker = load_worker(one_file_worker(tmp_path, ENTRY.replace("%s", origin), date=date,
                                             flags=["enable_request_signal"]))

        async def scenario() -> dict[str, str]:
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(worker.fetch("/hang"), 0.3)
            for _ in range(200):  # until the waitUntil work has fetched
                seen = await (await worker.fetch("/seen")).json()
                if len(seen) == 2:
                    return seen
                await asyncio.sleep(0.02)
            return seen

        assert asyncio.run(scenario()) == {"workers": workers_fetch, "js": "fetched 204"}
