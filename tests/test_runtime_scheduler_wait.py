"""``js.scheduler.wait(ms, {signal})`` is workerd's: ``[object Scheduler]``, a promise resolving
to ``undefined`` once the delay has passed; without a delay jsg's ``TypeError``, as for options
that are no object or a ``signal`` that is no ``AbortSignal`` (its words for a ``WaitOptions``); an aborted signal
(before or while waiting) rejects with its reason; at the top level, workerd's global-scope
error as the promise's rejection (the call itself does not throw). Measured under wrangler dev
4.164.0."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import time
from js import JSON, AbortController, AbortSignal, Object, scheduler
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
            "bad options": [await outcome(scheduler.wait(1, 5)), await outcome(scheduler.wait(1, "x"))],
            "bad signal": [await outcome(scheduler.wait(1, signal(v))) for v in ("x", JSON.parse("null"), later)],
            "no options": [await outcome(scheduler.wait(1, JSON.parse("null"))), await outcome(scheduler.wait(1, None))],
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
        "bad options": ["TypeError: Failed to execute 'wait' on 'Scheduler': parameter 2 is not of type 'WaitOptions'."] * 2,
        "bad signal": ["TypeError: Incorrect type for the 'signal' field on 'WaitOptions': the provided value is not of "
                       "type 'AbortSignal'."] * 3,
        "no options": ["None", "None"],
        "top": ["PyodideFuture", "Error: Disallowed operation called within global s"],
    }


ORDER_ENTRY = '''
import asyncio
from js import Response as JsResponse, scheduler
from workers import Response, WorkerEntrypoint


async def order(make):
    """What Python sees of the promise: its type, then the order of a call_soon made before the
    call, the promise settling and the await (as tools/pyodide's promise-returning-methods cases)."""
    out = []
    asyncio.get_running_loop().call_soon(lambda: out.append("soon"))
    p = make()
    out += [type(p).__name__, p.done(), hasattr(p, "then")]
    p.add_done_callback(lambda _: out.append("settled"))
    try:
        out.append(repr(await p))
    except Exception as exc:
        out.append(exc.name)
    await asyncio.sleep(0.01)
    return out


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "wait": await order(lambda: scheduler.wait(1)),
            "refused": await order(lambda: scheduler.wait()),
            "text": await order(lambda: JsResponse.new("x").text()),
            "chained": await scheduler.wait(1).then(lambda v: repr(v)),
        })
'''


@pytest.mark.asyncio
async def test_a_wait_is_a_js_method_promise_as_a_body_read_is(tmp_path):
    """``scheduler.wait`` hands Worker code the same kind of promise as every promise-returning
    method of workerd's (a body read here; measured against Pyodide 0.26.0a4, 0.28.2 and 314.0.6):
    a ``PyodideFuture`` pending right after the call -- a wait refused at once too; before, that
    one was settled at the call -- taking its outcome once the calling step is done."""
    worker = load_worker(one_file_worker(tmp_path, ORDER_ENTRY, date="2026-09-28"))
    answer = await (await worker.fetch("/")).json()
    assert answer == {
        "wait": ["PyodideFuture", False, True, "soon", "settled", "None"],
        "refused": ["PyodideFuture", False, True, "soon", "settled", "TypeError"],
        "text": ["PyodideFuture", False, True, "soon", "settled", "'x'"],
        "chained": "None",
    }
