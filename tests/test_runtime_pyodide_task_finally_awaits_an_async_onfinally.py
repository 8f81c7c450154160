"""A task's (a promise's) ``finally_(onfinally)`` awaits what ``onfinally`` returns, as Pyodide's
``PyodideFuture.finally_`` does (``while inspect.isawaitable(r): r = await r``): an ``async def``
clean-up runs to its end before the outcome passes on -- the task's value, or its error -- and
an error it raises is the outcome instead. A ``then`` handler's awaitable is awaited until what
it gives is no awaitable (a coroutine returning a coroutine gives the inner one's value)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json

from workers import Response, WorkerEntrypoint

seen = []


async def value():
    await asyncio.sleep(0)
    return 5


async def failing():
    await asyncio.sleep(0)
    raise ValueError("task failed")


async def clean_up():
    await asyncio.sleep(0)
    seen.append("cleaned")


async def clean_up_badly():
    await asyncio.sleep(0)
    raise KeyError("clean-up failed")


async def inner():
    await asyncio.sleep(0)
    return "inner"


async def outer(_):
    return inner()


async def outcome(promise):
    try:
        return await promise
    except Exception as error:
        return f"{type(error).__name__}: {error}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        passed = await outcome(asyncio.create_task(value()).finally_(clean_up))
        after_pass = list(seen)
        failed = await outcome(asyncio.create_task(failing()).finally_(clean_up))
        replaced = await outcome(asyncio.create_task(value()).finally_(clean_up_badly))
        nested = await outcome(asyncio.create_task(value()).then(outer))
        return Response(json.dumps([passed, after_pass, failed, seen, replaced, nested]))
'''


@pytest.mark.asyncio
async def test_finally_awaits_an_async_onfinally_and_then_awaits_fully(tmp_path):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")).text())
    assert got == [5, ["cleaned"], "ValueError: task failed", ["cleaned", "cleaned"], "KeyError: 'clean-up failed'",
                   "inner"]
