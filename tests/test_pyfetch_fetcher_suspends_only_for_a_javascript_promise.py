"""``pyfetch(url, fetcher=f)`` and ``workers.fetch(url, fetcher=f)`` await ``f(request, init)`` as it is,
as Pyodide's ``pyfetch`` does (``await fetcher(url, to_js(kwargs, ...))`` in 0.28.2's ``http.py`` and
314.0.6's ``_pyfetch.py``; the SDKs' patched pyfetch of Pyodide 0.26 ``await custom_fetch(...)``): a
Python ``async def`` answering at once, or a settled future handed back, does not suspend the
awaiting task, so two tasks gathered run ``a1 a2 b1 b2``; a JavaScript function's answer is a promise
that does (``js.fetch``, a ``create_proxy`` of an ``async def`` -- Pyodide hands Python a pending
``PyodideFuture`` of it -- a ``def`` returning ``js.Promise.resolve(...)``): ``a1 b1 a2 b2``. Measured
with real Pyodide 0.28.2 and 314.0.6 under Node (suspend58); workers-env gave ``a1 b1 a2 b2`` for the
first three (audit33's ``jspromise.suspending`` added a microtask's wait there). Pyodide 0.26's own
``pyfetch`` has no ``fetcher`` (JavaScript's ``fetch`` is called: a ``data:`` URL, suspended)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import GATHERED_PAIR, one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import js
import workers
from pyodide.ffi import create_proxy
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint

async def at_once(request, init):
    return js.Response.new("x")

async def raising(request, init):
    raise ValueError("no")

STORED = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        settled = js.Promise.resolve(js.Response.new("x"))
        await settled  # (a settled PyodideFuture: awaiting it again does not suspend)
        fetchers = {
            "async def": at_once,
            "async def raising": raising,
            "settled future": lambda request, init: settled,
            "js.fetch": js.fetch,
            "create_proxy": create_proxy(at_once),
            "js promise": lambda request, init: js.Promise.resolve(js.Response.new("x")),
        }
        callers = {"pyfetch": pyfetch, "workers.fetch": workers.fetch}
        orders = {}
        for caller, call in callers.items():
            for name, fetcher in fetchers.items():
                log = []
                await pair(lambda: call("data:,x", fetcher=fetcher), log)
                orders[f"{caller} {name}"] = " ".join(log)
        return Response.json(orders)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
''' + GATHERED_PAIR

NOT_SUSPENDED = {"async def": "a1 a2 b1 b2", "async def raising": "a1 a! b1 b!", "settled future": "a1 a2 b1 b2"}
SUSPENDED = dict.fromkeys(["js.fetch", "create_proxy", "js promise"], "a1 b1 a2 b2")


def orders(tmp_path, date, flags=()):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags))

    async def scenario():
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    return asyncio.run(scenario())


@pytest.mark.parametrize(("date", "flags"), [
    ("2025-11-01", ()),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", ()),  # the external SDK
    ("2026-09-08", ("python_workers_314",)),  # Pyodide 314: a text URL made a Request first
])
def test_only_a_javascript_promise_suspends_the_awaiting_task(tmp_path, date, flags):
    expected = {**NOT_SUSPENDED, **SUSPENDED}
    assert orders(tmp_path, date, flags) == {
        f"{caller} {name}": order for caller in ("pyfetch", "workers.fetch") for name, order in expected.items()}


def test_pyodide_026_pyfetch_calls_fetch_and_the_sdks_patched_copy_the_fetcher(tmp_path):
    assert orders(tmp_path, "2025-06-01") == {
        **{f"pyfetch {name}": "a1 b1 a2 b2" for name in [*NOT_SUSPENDED, *SUSPENDED]},  # fetch of data:,x
        **{f"workers.fetch {name}": order for name, order in {**NOT_SUSPENDED, **SUSPENDED}.items()}}
