"""``run_sync(self.env.KV.get(...))`` -- a synchronous API over a binding, as sqlalchemy-cloudflare-d1
and langmem's Vectorize store make one -- in many tasks at once (requests served together, a
``gather``) keeps the stack as deep as in one. Production suspends each caller's stack (JSPI);
workers-env drives the loop from inside ``run_sync``, so a ``run_sync`` there ran the other tasks'
steps inside this one, each of their ``run_sync`` calls one more drive on the stack, and 100 tasks
met Python's recursion limit (``RecursionError``):
- with the built-in SDK's raw bindings since leftovers56 made every binding call's promise settle a
  microtask later (before, ``run_sync`` of the promise settled at the call answered at once); it
  answers at once again (review87);
- in the external SDK's era (from 2026-04-21), whose wrappers hand ``run_sync`` a coroutine that runs
  as a task: that task's steps now go first while what it waits on is a promise the emulator
  settled at the call -- the order of the built-in SDK's era, ``a1 v a2 c0 b1 v b2`` (README, "Where
  we had to choose"; left57)."""

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
        if request.url.endswith("/order"):
            log = []

            async def task(name):
                log.append(name + "1")
                log.append(run_sync(self.env.KV.get("k")))
                log.append(name + "2")

            async def counter():
                for i in range(2):
                    log.append("c%d" % i)
                    await asyncio.sleep(0)

            await asyncio.gather(task("a"), counter(), task("b"))
            return Response.json(log)
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

        await asyncio.gather(*(task() for _ in range(int(request.url.rsplit("/", 1)[1]))))
        return Response.json({"calls": len(depths), "deeper": max(depths) - min(depths)})
'''

EXTRA = """
[[kv_namespaces]]
binding = "KV"
id = "k1"
"""


@pytest.mark.parametrize(("date", "tasks"), [
    ("2025-11-01", 120), ("2026-03-01", 120),  # the built-in SDK (raw bindings): Pyodide 0.28
    ("2026-05-01", 1000),  # the external SDK's wrappers
])
def test_many_tasks_run_sync_binding_calls_at_one_depth(tmp_path, date, tasks):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=EXTRA)
    assert json_answer(folder, f"/{tasks}") == {"calls": 2 * tasks, "deeper": 0}


def test_run_sync_of_an_sdk_binding_call_answers_before_the_other_tasks_step(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-05-01", extra=EXTRA)
    env_put = json_answer(folder, "/order")
    assert env_put == ["a1", None, "a2", "c0", "b1", None, "b2", "c1"]
