"""Python code calling a ``create_proxy`` of an ``async def`` starts its body as a task at the
call, as Pyodide's ``callPyObjectKwargs`` does for a coroutine function (``_ensure_future``): the
body runs after the loop callbacks queued before the call and before those queued after it; a
sync function's coroutine (an object whose ``__call__`` is async) is made a task a microtask
later, after both. Two gathered tasks awaiting such calls run ``a1 b1 ... a2 b2``; a call nobody
awaits runs all the same (no "never awaited" warning), and cancelling the future leaves the body
running. Real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 alike (cancel: 0.28.2 and 314.0.6; group
``proxy-async-calls``, proxycall58). workers-env handed back the coroutine, run when awaited.
JavaScript's callers (a timer, a ``then``) still run it as before."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio, warnings
import js
from pyodide.ffi import create_proxy, create_once_callable
from workers import Response, WorkerEntrypoint


def calls(log):
    async def co(x):
        log.append("body " + x)
        await asyncio.sleep(0)
        log.append("end " + x)
        return x

    async def now(x):
        log.append("now " + x)
        return x

    class A:
        async def __call__(self, x):
            return await co(x)

    return co, now, A


async def when(make):
    log = []
    co, now, A = calls(log)
    loop = asyncio.get_running_loop()
    loop.call_soon(log.append, "soon1")
    x = make(co, now, A)
    log.append("called")
    loop.call_soon(log.append, "soon2")
    log.append("got " + await x)
    return " ".join(log)


async def gathered(pick):
    log = []
    co, now, A = calls(log)

    async def task(label):
        log.append(label + "1")
        await create_proxy(pick(co, now))(label)
        log.append(label + "2")

    await asyncio.gather(task("a"), task("b"))
    return " ".join(log)


async def unawaited():
    log = []
    co, now, A = calls(log)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        create_proxy(co)("a")
        for i in range(4):
            await asyncio.sleep(0)
    return [" ".join(log), [str(m.message) for m in w]]


async def cancelled():
    log = []
    co, now, A = calls(log)
    x = create_proxy(co)("a")
    x.cancel()
    for i in range(4):
        await asyncio.sleep(0)
    return [x.cancelled(), " ".join(log)]


async def from_javascript():
    log = []
    co, now, A = calls(log)
    js.setTimeout(create_proxy(co), 0, "t")
    await asyncio.sleep(0.02)
    return [" ".join(log), await js.Promise.resolve("p").then(create_proxy(now))]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "async def": await when(lambda co, now, A: create_proxy(co)("a")),
            "at once": await when(lambda co, now, A: create_proxy(now)("a")),
            "once callable": await when(lambda co, now, A: create_once_callable(co)("a")),
            "sync": await when(lambda co, now, A: create_proxy(lambda v: co(v))("a")),
            "async __call__": await when(lambda co, now, A: create_proxy(A())("a")),
            "gathered at once": await gathered(lambda co, now: now),
            "gathered": await gathered(lambda co, now: co),
            "unawaited": await unawaited(),
            "cancelled": await cancelled(),
            "from javascript": await from_javascript(),
        })
'''


@pytest.fixture(scope="module")
def orders(tmp_path_factory):
    return json_answer(one_file_worker(tmp_path_factory.mktemp("w"), ENTRY), "/")


@pytest.mark.parametrize(("name", "order"), [
    ("async def", "called soon1 body a soon2 end a got a"),
    ("at once", "called soon1 now a soon2 got a"),
    ("once callable", "called soon1 body a soon2 end a got a"),
    ("sync", "called soon1 soon2 body a end a got a"),
    ("async __call__", "called soon1 soon2 body a end a got a"),
])
def test_the_body_starts_as_a_task(orders, name, order):
    assert orders[name] == order


def test_gathered_calls_interleave(orders):
    assert orders["gathered at once"] == "a1 b1 now a now b a2 b2"
    assert orders["gathered"] == "a1 b1 body a body b end a end b a2 b2"


def test_a_call_nobody_awaits_still_runs(orders):
    assert orders["unawaited"] == ["body a end a", []]


def test_cancelling_the_future_leaves_the_body_running(orders):
    assert orders["cancelled"] == [True, "body a end a"]


def test_javascript_callers_run_it_as_before(orders):
    assert orders["from javascript"] == ["body t end t", "p"]
