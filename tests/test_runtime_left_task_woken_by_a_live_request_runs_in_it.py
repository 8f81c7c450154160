"""A task a request left running that another request's code wakes -- a consumer started once,
fed through an ``asyncio.Queue`` by later requests -- runs that step as code of the waking
request, as in production: Pyodide's WebLoop schedules the task's wakeup with a ``setTimeout``
(or a ``MessageChannel`` message) of the IoContext current when the queue's future settled, so
the step runs in that request's IoContext and a timer it sets (its ``asyncio.sleep``) is that
request's, firing while it lives. Once, every such timer was cancelled as set, as the timer of
the request that started the task (long over): the consumer stopped at its first sleep."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint

QUEUE = asyncio.Queue()
DONE = []
RUNNING = []


async def consume():
    while True:
        item = await QUEUE.get()
        await asyncio.sleep(0.05)
        DONE.append(item)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/start":
            RUNNING.append(asyncio.ensure_future(consume()))
            return Response("started")
        if path == "/start-waiting":  # the consumer's wait on the queue begun while this request runs
            RUNNING.append(asyncio.ensure_future(consume()))
            await asyncio.sleep(0)
            return Response("started")
        if path == "/put-and-go":  # over at once: the consumer's sleep, this request's timer, never fires
            QUEUE.put_nowait(path)
            return Response("put")
        if path == "/done":
            return Response(",".join(DONE))
        QUEUE.put_nowait(path)
        await asyncio.sleep(0.3)  # this request lives six times the consumer's sleep
        return Response(",".join(DONE))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("start", ["/start", "/start-waiting"])
async def test_a_left_consumer_woken_by_a_live_request_sleeps_as_its_code(tmp_path, start):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(start)).text() == "started"
    await asyncio.sleep(0.05)
    assert await (await worker.fetch("/b")).text() == "/b"
    assert await (await worker.fetch("/c")).text() == "/b,/c"


@pytest.mark.asyncio
async def test_its_timer_ends_with_the_request_that_woke_it(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/start")).text() == "started"
    assert await (await worker.fetch("/put-and-go")).text() == "put"
    await asyncio.sleep(0.3)
    assert await (await worker.fetch("/done")).text() == ""
