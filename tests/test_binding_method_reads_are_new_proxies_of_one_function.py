"""A binding's method read from a binding handed out raw (the built-in SDK's ``self.env.KV``, a
legacy handler's ``env``) is what Pyodide hands out: a new JsProxy per read -- ``env.KV.get is
env.KV.get`` false -- of one JS function, so two reads compare equal and share a ``js_id``, while
``get`` and ``put`` differ (npm pyodide 0.26.0a4, 0.28.2, 314.0.6 under Node: a JS object's
prototype method read twice, call60). workers-env keeps that function per name (call60: it was
made afresh on every read, so two reads compared unequal); a test that patches the binding's
method is still heard at the next read, a method read before the patch calls what it read
(as a JS function read before a property was set), and threads sharing the env read and call
it together."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        first, second = kv.get, kv.get
        out = {"type": type(kv).__name__, "is": first is second, "==": first == second, "!=": first != second,
               "js_id": first.js_id == second.js_id, "get == put": first == kv.put,
               "get js_id == put js_id": first.js_id == kv.put.js_id, "value": await first("k")}
        return Response.json(out)
'''

KV = '''
[[kv_namespaces]]
binding = "KV"
id = "kv1"
'''


def _worker(tmp_path: Path, date: str = "2025-11-02") -> tuple[object, object]:
    one_file_worker(tmp_path, ENTRY, date=date, extra=KV)
    env = load_env(tmp_path / "wrangler.toml")
    asyncio.run(env.KV.put("k", "v"))
    return env, load_worker(env=env)


def _answer(worker: object) -> dict[str, object]:
    async def fetch() -> dict[str, object]:
        return await (await worker.fetch("http://x/")).json()  # type: ignore[attr-defined]

    return asyncio.run(fetch())


def test_two_reads_are_two_proxies_of_one_function(tmp_path: Path) -> None:
    _, worker = _worker(tmp_path)
    assert _answer(worker) == {"type": "JsProxy", "is": False, "==": True, "!=": False, "js_id": True,
                               "get == put": False, "get js_id == put js_id": False, "value": "v"}


def test_a_legacy_handlers_env_reads_the_same(tmp_path: Path) -> None:
    one_file_worker(tmp_path, '''
from workers import Response


async def on_fetch(request, env):
    return Response(repr([env.KV.get is env.KV.get, env.KV.get == env.KV.get, env.KV.get == env.KV.put]))
''', date="2024-05-01", extra=KV)
    worker = load_worker(env=load_env(tmp_path / "wrangler.toml"))

    async def fetch() -> str:
        return await (await worker.fetch("http://x/")).text()  # type: ignore[attr-defined]

    assert asyncio.run(fetch()) == "[False, True, False]"


def test_a_patched_binding_method_is_called_from_the_next_read(tmp_path: Path) -> None:
    """``monkeypatch`` of the emulator's method: the next read calls the patch (and is no longer
    equal to a read made before it), a method read before calls the method it read."""
    env, worker = _worker(tmp_path)
    assert _answer(worker)["value"] == "v"
    core = env.unwrapped("KV")
    raw = worker.env.KV  # type: ignore[attr-defined]
    before = raw.get

    async def patched(key: object, *options: object) -> str:
        return "patched"

    core.get = patched
    try:
        assert _answer(worker)["value"] == "patched"
        assert raw.get != before
        assert asyncio.run(before("k")) == "v"
    finally:
        del core.get
    assert _answer(worker)["value"] == "v"


def test_threads_sharing_the_env_read_and_call_it_together(tmp_path: Path) -> None:
    env, _ = _worker(tmp_path)
    raw = load_worker(env=env).env.KV  # type: ignore[attr-defined]
    got: list[object] = []
    start = threading.Barrier(8)

    def reader() -> None:
        start.wait()
        for _ in range(50):
            got.append(asyncio.run(raw.get("k")) == "v" and raw.get == raw.get)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == [True] * 400


class _Service:
    async def add(self, a: int, b: int) -> int:
        return a + b

    async def fetch(self, request: object) -> None:
        return None


def test_a_services_rpc_method_is_a_new_function_at_each_read(tmp_path: Path) -> None:
    """A service's RPC method is no prototype method: workerd's ``Fetcher::getRpcMethod`` allocates a
    new ``JsRpcProperty`` at each read (http.c++), so two reads are two JS objects -- ``==`` false,
    as Pyodide compares them with ``===`` (a getter answering a new function per read: npm pyodide
    0.26.0a4, 0.28.2, 314.0.6) -- while its ``fetch`` (``Fetcher.prototype.fetch``) is one function.
    review93b: call60's kept functions made two RPC reads equal."""
    one_file_worker(tmp_path, '''
from workers import Response


async def on_fetch(request, env):
    s = env.SVC
    first, second = s.add, s.add
    return Response(repr([first == second, first != second, s.fetch == s.fetch, s.add == s.fetch,
                          await first(1, 2), await second(3, 4)]))
''', date="2024-05-01", extra='[[services]]\nbinding = "SVC"\nservice = "svc"\n')
    worker = load_worker(env=load_env(tmp_path / "wrangler.toml", bindings={"SVC": _Service()}))

    async def fetch() -> str:
        return await (await worker.fetch("http://x/")).text()  # type: ignore[attr-defined]

    assert asyncio.run(fetch()) == "[False, True, True, False, 3, 7]"
