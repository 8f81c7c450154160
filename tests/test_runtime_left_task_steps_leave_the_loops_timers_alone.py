"""A task a request left running is looked at as each of its steps ends, to cancel the asyncio
timers the step set (the request's IoContext is gone, so its ``setTimeout`` never fires). A step
that set none -- an ``await asyncio.sleep(0)``, a wait on a queue -- walks none of the loop's
timers: once, every such step read the loop's whole heap of timers, so a left task spinning on
``sleep(0)`` beside ten thousand pending timers (other requests', the test's) took about a
minute for twenty thousand steps. Its timer set after the end is still cancelled as set."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from workers import Response, WorkerEntrypoint

SPUN = []
RUNNING = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/spin"):
            async def spin():
                for _ in range(200):
                    await asyncio.sleep(0)
                SPUN.append("spun")
                await asyncio.sleep(0.05)
                SPUN.append("slept")  # never: its sleep is set once the request is over
            RUNNING.append(asyncio.ensure_future(spin()))
            return Response("answered")
        return Response(",".join(SPUN))
"""


class CountedWalks(list):
    """The loop's heap of timers, counting how often something walks it."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


@pytest.mark.asyncio
async def test_a_left_tasks_steps_that_set_no_timer_walk_none(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    loop = asyncio.get_running_loop()
    loop._scheduled = CountedWalks(loop._scheduled)
    assert await (await worker.fetch("/spin")).text() == "answered"
    walked_before = CountedWalks.walks
    for _ in range(220):  # the left task's 200 steps run meanwhile
        await asyncio.sleep(0)
    assert CountedWalks.walks - walked_before < 20
    await asyncio.sleep(0.3)  # six times its sleep's delay
    assert await (await worker.fetch("/ran")).text() == "spun"
