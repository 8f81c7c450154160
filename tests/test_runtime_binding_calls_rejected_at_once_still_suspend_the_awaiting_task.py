"""A binding call the emulator rejects at the call (a KV key refused, a D1 statement that does not
parse, the JavaScript ``env``'s Fetcher given an init ``new Request`` refuses or a signal aborted
already) still suspends the task awaiting it, as a resolved one does
(tests/test_runtime_binding_calls_suspend_the_awaiting_task.py): workerd hands a promise-returning
API's throw back as a rejected promise (the ``capture_async_api_throws`` flag, on from 2022-10-31:
every Python Worker's date), and Pyodide's future takes a rejection in a ``then`` reaction too, so
two tasks gathered each awaiting such a call run a1 b1 a2 b2. audit33's mutants -- the microtask
only for a call settled with a value, and a Fetcher's early refusal handed back settled --
survived leftovers56's tests, which awaited calls that succeed."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from worker_helpers import RecordingService

from workers_env import load_env, load_worker

ENTRY = '''
import asyncio
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, import_from_javascript


def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        svc = import_from_javascript("cloudflare:workers").env.SVC  # the JavaScript env's Fetcher
        calls = {
            "kv": lambda: self.env.KV.get(""),
            "d1": lambda: self.env.DB.prepare("SELEC 1").first(),
            "init": lambda: svc.fetch("http://x/", init(method="bad method")),
            "aborted": lambda: svc.fetch("http://x/", init(signal=js.AbortSignal.abort())),
        }
        orders = {}
        for name, call in calls.items():
            log = []

            async def task(label):
                log.append(label + "1")
                try:
                    await call()
                except Exception:
                    log.append(label + "!")
                else:
                    log.append(label + "2")

            await asyncio.gather(task("a"), task("b"))
            orders[name] = " ".join(log)
        return Response.json(orders)
'''


def test_gathered_rejected_binding_calls_interleave_as_deployed(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": "2025-10-01",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SVC", "service": "other"}],
        "kv_namespaces": [{"binding": "KV", "id": "k"}],
        "d1_databases": [{"binding": "DB", "database_name": "d", "database_id": "x"}]}))
    service = RecordingService()
    worker = load_worker(env=load_env(tmp_path, bindings={"SVC": service}))

    async def answer() -> dict[str, str]:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    assert asyncio.run(answer()) == dict.fromkeys(["kv", "d1", "init", "aborted"], "a1 b1 a! b!")
    assert service.fetched == []  # (refused before the binding is asked)
