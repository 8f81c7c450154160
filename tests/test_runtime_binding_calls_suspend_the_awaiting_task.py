"""Awaiting a binding call suspends the awaiting task at least once, as awaiting any JavaScript
promise does under Pyodide (its future takes the promise's outcome in a ``then`` reaction): two
tasks gathered, each awaiting ``env.KV.get(...)``, ``env.DB.prepare(...).first()``,
``env.VEC.query(...)``, a queue's ``send``, run a1 b1 a2 b2 -- measured with a JavaScript binding
whose call returns a resolved promise in real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (Python Workers
need Pyodide's bundle from the network, so not under wrangler dev here). workers-env settled the
emulator's answer at the call and ran a1 a2 b1 b2, so gathered work ran in another order than
deployed. In both SDK eras: the external SDK's wrappers await the same promise."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = {
            "kv": lambda: self.env.KV.get("k"),
            "d1": lambda: self.env.DB.prepare("SELECT 1").first(),
            "vectorize": lambda: self.env.VEC.query([0.1, 0.2, 0.3], topK=1),
            "queue": lambda: self.env.Q.send("x"),
        }
        orders = {}
        for name, call in calls.items():
            log = []

            async def task(label):
                log.append(label + "1")
                await call()
                log.append(label + "2")

            await asyncio.gather(task("a"), task("b"))
            orders[name] = log
        return Response.json(orders)
'''

EXTRA = """
[[kv_namespaces]]
binding = "KV"
id = "k1"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000001"

[[vectorize]]
binding = "VEC"
index_name = "idx"

[[queues.producers]]
binding = "Q"
queue = "q"
"""


@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-01"])  # the built-in SDK (raw bindings), the external one
def test_gathered_binding_calls_interleave_as_deployed(tmp_path, date):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA)
    (folder / "pyproject.toml").write_text(((folder / "pyproject.toml").read_text() if (folder / "pyproject.toml").exists()
                                            else "") + '\n[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\n')
    assert json_answer(folder, "/") == dict.fromkeys(["kv", "d1", "vectorize", "queue"], ["a1", "b1", "a2", "b2"])
