"""A binding call Worker code does not await has begun all the same, as a JavaScript call has.

Pyodide hands Python the promise of a JavaScript call as a ``pyodide.webloop.PyodideFuture``
(built-in SDK: bindings are raw JavaScript); the external SDK's ``_BindingWrapper`` calls the
binding at once and returns a coroutine that awaits and converts the promise (workers-py
``rpc.py`` ``_conver_and_invoke``). Either way a ``put`` nobody awaits still writes. Test code's
``load_env`` env keeps plain coroutines (``asyncio.run(env.KV.get(...))`` works). A forgotten
``await`` warns "coroutine 'env.KV.put' was never awaited", naming the call (the SDK's own
coroutine would name an inner helper).
"""

from __future__ import annotations

import asyncio
import gc
import json
import warnings

import pytest
from worker_helpers import one_file_worker, typical_pyproject

from workers_env import load_env, load_worker

ENTRY = '''
import asyncio
import json

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        pending = kv.put("forgotten", "written")  # no await
        out = {"type": type(pending).__name__}
        await asyncio.sleep(0)
        out["read"] = await kv.get("forgotten")
        got = kv.get("forgotten")
        out["get type"] = type(got).__name__
        if hasattr(got, "then"):  # a PyodideFuture: the promise's then()
            out["then"] = await got.then(lambda v: v.upper())
        else:
            out["awaited"] = await got
        done, _ = await asyncio.wait([asyncio.ensure_future(kv.get("forgotten"))])
        out["wait"] = [t.result() for t in done]
        if out["type"] != "PyodideFuture":
            pending.close()  # the external SDK's coroutine: its promise ran already
        return Response(json.dumps(out))

    on_fetch = fetch
'''


KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n'


def _worker(tmp_path, date):
    return load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=KV))


@pytest.mark.asyncio
async def test_builtin_sdk_a_binding_call_is_a_started_pyodide_future(tmp_path):
    worker = _worker(tmp_path, "2025-10-01")
    out = json.loads(await (await worker.fetch("/")).text())
    assert out == {"type": "PyodideFuture", "read": "written", "get type": "PyodideFuture", "then": "WRITTEN",
                   "wait": ["written"]}


@pytest.mark.asyncio
async def test_external_sdk_a_binding_call_is_a_coroutine_whose_call_was_made(tmp_path):
    worker = _worker(tmp_path, "2026-05-01")  # the external SDK's era
    out = json.loads(await (await worker.fetch("/")).text())
    assert out == {"type": "coroutine", "read": "written", "get type": "coroutine", "awaited": "written",
                   "wait": ["written"]}


def test_test_codes_env_keeps_plain_coroutines(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n')
    typical_pyproject(tmp_path)
    env = load_env(tmp_path / "wrangler.toml")
    asyncio.run(env.KV.put("a", "1"))
    assert asyncio.run(env.KV.get("a")) == "1"


@pytest.mark.asyncio
async def test_run_sync_of_an_unawaited_binding_call_in_worker_code(tmp_path):
    entry = '''
from pyodide.ffi import run_sync
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        run_sync(self.env.KV.put("k", "v"))
        return Response(run_sync(self.env.KV.get("k")))
'''
    assert await (await load_worker(one_file_worker(tmp_path, entry, date="2025-10-01", extra=KV)).fetch("/")).text() == "v"


@pytest.mark.asyncio
async def test_js_fetch_unawaited_is_a_started_pyodide_future(tmp_path):
    """``js.fetch(url)`` is a ``PyodideFuture`` too, its request sent at the call (Pyodide
    0.28.2 under Node: ``type(js.Promise.resolve(1)).__name__`` is ``PyodideFuture``)."""
    entry = '''
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        pending = js.fetch("http://127.0.0.1:1/")  # nothing listens: refused at once, no network
        kind = type(pending).__name__
        try:
            await pending
        except Exception as exc:
            return Response(kind + " " + type(exc).__name__)
        return Response(kind)
'''
    text = await (await load_worker(one_file_worker(tmp_path, entry, date="2025-10-01")).fetch("/")).text()
    assert text.startswith("PyodideFuture")


FORGETS = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            self.env.CACHE.put("k", "v")  # no await
            return Response("ok")
"""


@pytest.mark.asyncio
async def test_the_never_awaited_warning_names_the_binding_and_method(tmp_path):
    folder = one_file_worker(tmp_path, FORGETS, date="2026-05-01",
                             extra='[[kv_namespaces]]\nbinding = "CACHE"\nid = "0123456789abcdef0123456789abcdef"\n')
    worker = load_worker(folder)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert await (await worker.fetch("/")).text() == "ok"
        gc.collect()
    texts = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    assert "coroutine 'env.CACHE.put' was never awaited" in texts
