"""``run_sync(self.env.KV.get(...))`` -- a synchronous API over a binding, as sqlalchemy-cloudflare-d1
and langmem's Vectorize store make one -- in many tasks at once (requests served together, a
``gather``) keeps the stack as deep as in one. Production suspends each caller's stack (JSPI);
workers-env drives the loop from inside ``run_sync``, so a ``run_sync`` there ran the other tasks'
steps inside this one, each of their ``run_sync`` calls one more drive on the stack: 100 tasks met
Python's recursion limit (``RecursionError``) with the built-in SDK's raw bindings since
leftovers56 made every binding call's promise settle a microtask later (before, ``run_sync`` of
the promise settled at the call answered at once). It answers at once again (review87). The
external SDK's wrappers hand ``run_sync`` a coroutine, which runs as a task the loop is driven for:
still nested there, as before session 56 (README, "Where we had to choose")."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import sys
from pyodide.ffi import run_sync
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        depths = []

        def get():  # a synchronous API over the binding
            frame, depth = sys._getframe(), 0
            while frame is not None:
                frame, depth = frame.f_back, depth + 1
            depths.append(depth)
            return run_sync(self.env.KV.get("k"))

        async def task():
            for _ in range(2):
                get()
                await asyncio.sleep(0)

        await asyncio.gather(*(task() for _ in range(120)))
        return Response.json({"calls": len(depths), "deeper": max(depths) - min(depths)})
'''

EXTRA = """
[[kv_namespaces]]
binding = "KV"
id = "k1"
"""


@pytest.mark.parametrize("date", ["2025-11-01", "2026-03-01"])  # the built-in SDK (raw bindings): Pyodide 0.28
def test_many_tasks_run_sync_binding_calls_at_one_depth(tmp_path, date):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA)
    assert json_answer(folder, "/") == {"calls": 240, "deeper": 0}
