"""``js.scheduler.wait(ms, {signal})`` is workerd's: ``[object Scheduler]``, a promise resolving
to ``undefined`` once the delay has passed; without a delay jsg's ``TypeError``; an aborted signal
(before or while waiting) rejects with its reason; at the top level, workerd's global-scope
error as the promise's rejection (the call itself does not throw). Measured under wrangler dev
4.164.0."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import time
from js import AbortController, AbortSignal, Object, scheduler
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

AT_TOP = scheduler.wait(1)  # a promise, rejected


async def outcome(promise):
    try:
        return repr(await promise)
    except Exception as exc:
        return f"{exc} {getattr(exc, 'code', '')}".strip()


def signal(value):
    return Object.fromEntries(to_js([["signal", value]]))


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        start = time.monotonic()
        waited = await scheduler.wait(30)
        elapsed = time.monotonic() - start
        later = AbortController.new()
        pending = scheduler.wait(10_000, signal(later.signal))
        later.abort()
        return Response.json({
            "repr": repr(scheduler), "waited": [repr(waited), elapsed >= 0.025],
            "none": await outcome(scheduler.wait()), "nan": await outcome(scheduler.wait("x")),
            "aborted": await outcome(scheduler.wait(10, signal(AbortSignal.abort()))),
            "abort while waiting": await outcome(pending),
            "timeout": await outcome(scheduler.wait(10_000, signal(AbortSignal.timeout(20)))),
            "top": [type(AT_TOP).__name__, AT_TOP.done() and str(AT_TOP.exception())[:50]],
        })
'''


@pytest.mark.asyncio
async def test_scheduler_wait_is_workerds(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-09-28"))
    assert await (await worker.fetch("/")).json() == {
        "repr": "[object Scheduler]", "waited": ["None", True],
        "none": "TypeError: Failed to execute 'wait' on 'Scheduler': parameter 1 is not of type 'number'.",
        "nan": "None", "aborted": "AbortError: The operation was aborted 20",
        "abort while waiting": "AbortError: The operation was aborted 20",
        "timeout": "TimeoutError: The operation was aborted due to timeout 23",
        "top": ["PyodideFuture", "Error: Disallowed operation called within global s"],
    }
