"""``PyodideFuture.then`` (so ``catch`` and ``finally_``, and a ``PyodideTask``'s) runs its handler
as Pyodide 0.26 and 0.28 do: the future's done callback starts a task that calls it, so the
handler runs a loop turn after the done callback -- after a ``call_soon`` made before it, inside a
task -- and its ``BaseException`` (``CancelledError``) ends that task, leaving the returned future
pending; a returned future cancelled meanwhile still has its handler run. Every expected value
was read from Pyodide 0.28.2 and 0.26.2 under Node."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json

from pyodide.webloop import PyodideFuture
from workers import Response, WorkerEntrypoint


async def turns(n=5):
    for _ in range(n):
        await asyncio.sleep(0)


async def cases():
    loop = asyncio.get_running_loop()
    found = {}
    out = []
    fut = PyodideFuture()
    fut.then(lambda v: out.append(["then", v, asyncio.current_task() is not None]))
    fut.set_result(1)
    loop.call_soon(lambda: out.append("soon1"))
    loop.call_soon(lambda: loop.call_soon(lambda: out.append("soon2")))
    await turns()
    found["pending"] = out

    out = []
    fut = PyodideFuture()
    fut.set_result(4)
    following = fut.then(lambda v: out.append("then") or v)
    loop.call_soon(lambda: out.append("soon1"))
    loop.call_soon(lambda: loop.call_soon(lambda: out.append("soon2")))
    loop.call_soon(lambda: loop.call_soon(lambda: loop.call_soon(lambda: out.append("soon3"))))
    out.append(["awaited", await following])
    await turns()
    found["awaited"] = out

    out = []

    async def three():
        return 3

    task = asyncio.ensure_future(three())
    task.then(lambda v: out.append(["then", v]))
    loop.call_soon(lambda: out.append("soon1"))
    loop.call_soon(lambda: loop.call_soon(lambda: out.append("soon2")))
    loop.call_soon(lambda: loop.call_soon(lambda: loop.call_soon(lambda: out.append("soon3"))))
    await turns(6)
    found["task"] = out

    def cancelling(value):
        raise asyncio.CancelledError()

    fut = PyodideFuture()
    fut.set_result(6)
    following = fut.then(cancelling)
    await turns()
    found["cancelled_in_handler"] = following.done()

    out = []
    fut = PyodideFuture()
    following = fut.then(lambda v: out.append("ran"))
    following.cancel()
    fut.set_result(7)
    await turns()
    found["following_cancelled"] = out
    return found


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps(await cases()))
'''


@pytest.mark.asyncio
async def test_a_then_handler_runs_as_pyodides_does(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert json.loads(await (await worker.fetch("/")).text()) == {
        "pending": ["soon1", ["then", 1, True], "soon2"],
        "awaited": ["soon1", "then", "soon2", ["awaited", 4], "soon3"],
        "task": ["soon1", "soon2", ["then", 3], "soon3"],
        "cancelled_in_handler": False,
        "following_cancelled": ["ran"],
    }
