"""A handler given to ``then`` of the promise a JavaScript call returns (``js.Promise.resolve``,
``reject``, ``all``) runs where Pyodide runs it, measured on 0.26.0a4 and 0.28.2
(tools/pyodide/pyodide_cases.py, group ``promise-order``): that promise is a ``PyodideFuture``, so
the handler runs a loop turn and a task step later -- after ``call_soon`` callbacks, tasks and an
``await`` queued before -- while ``Promise.new(...)``'s JsProxy runs it as a JavaScript microtask:
after the running code's step, before them."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import json

import js
from workers import Response, WorkerEntrypoint


async def settled_then():
    out = []
    asyncio.get_running_loop().call_soon(lambda: out.append("soon"))
    js.Promise.resolve(1).then(lambda v: out.append("then"))
    out.append("sync")
    await asyncio.sleep(0.01)
    return out


async def chain_task_await():
    out = []
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: out.append("soon1"))
    p = js.Promise.resolve(1)
    p.then(lambda v: out.append("then1")).then(lambda v: out.append("then2"))
    loop.call_soon(lambda: out.append("soon2"))

    async def t():
        out.append("task")

    async def aw():
        await p
        out.append("awaited")

    asyncio.create_task(t())
    asyncio.create_task(aw())
    await asyncio.sleep(0.01)
    return out


async def then_then_await():
    out = []
    asyncio.get_running_loop().call_soon(lambda: out.append("soon"))
    js.Promise.resolve(1).then(lambda v: out.append("then"))
    await js.Promise.resolve(2)
    out.append("after-await")
    await asyncio.sleep(0.01)
    return out


async def hops():
    out = []
    loop = asyncio.get_running_loop()

    def hop(n):
        out.append(n)
        if n < 4:
            loop.call_soon(hop, n + 1)

    loop.call_soon(hop, 1)
    js.Promise.resolve(1).then(lambda v: out.append("then"))
    js.Promise.reject(js.Error.new("x")).catch(lambda e: out.append("catch"))
    await asyncio.sleep(0.01)
    return out


async def constructed():
    out = []
    res = []
    p = js.Promise.new(lambda r, j: res.append(r))
    p.then(lambda v: out.append("then"))
    asyncio.get_running_loop().call_soon(lambda: out.append("soon-before-resolve"))
    res[0](1)
    await asyncio.sleep(0.01)
    return out


async def microtasks():
    out = []
    res = []
    p = js.Promise.new(lambda r, j: res.append(r))
    p.then(lambda v: out.append("then1")).then(lambda v: out.append("then2"))
    p.then(lambda v: out.append("thenB"))
    asyncio.get_running_loop().call_soon(lambda: out.append("soon"))
    res[0](1)
    out.append("after-resolve")
    q = js.Promise.new(lambda r, j: r(2))
    q.then(lambda v: out.append("q-then"))
    out.append("after-q")
    await asyncio.sleep(0.01)
    return out


async def types():
    return [type(js.Promise.resolve(1)).__name__, type(js.Promise.all([])).__name__,
            isinstance(js.Promise.resolve(1), asyncio.Future)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        names = [settled_then, chain_task_await, then_then_await, hops, constructed, microtasks, types]
        return Response(json.dumps({f.__name__: await f() for f in names}))
'''


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[object]]:
    folder: Path = tmp_path_factory.mktemp("then-order")
    one_file_worker(folder, ENTRY, date="2025-10-01")
    return json_answer(folder, "/")


def test_a_settled_promises_then_runs_after_an_earlier_call_soon(answers: dict[str, list[object]]) -> None:
    assert answers["settled_then"] == ["sync", "soon", "then"]


def test_then_chains_run_after_tasks_and_an_await_of_the_same_promise(answers: dict[str, list[object]]) -> None:
    assert answers["chain_task_await"] == ["soon1", "soon2", "task", "awaited", "then1", "then2"]


def test_an_await_in_the_same_step_finishes_before_an_earlier_then(answers: dict[str, list[object]]) -> None:
    assert answers["then_then_await"] == ["soon", "after-await", "then"]


def test_then_and_catch_run_two_loop_turns_later(answers: dict[str, list[object]]) -> None:
    assert answers["hops"] == [1, 2, "then", "catch", 3, 4]


def test_a_constructed_promises_then_runs_at_its_resolution(answers: dict[str, list[object]]) -> None:
    assert answers["constructed"] == ["then", "soon-before-resolve"]


def test_a_constructed_promises_handlers_run_as_microtasks(answers: dict[str, list[object]]) -> None:
    assert answers["microtasks"] == ["after-resolve", "after-q", "then1", "thenB", "q-then", "then2", "soon"]


def test_a_called_promise_is_a_pyodide_future(answers: dict[str, list[object]]) -> None:
    assert answers["types"] == ["PyodideFuture", "PyodideFuture", True]
