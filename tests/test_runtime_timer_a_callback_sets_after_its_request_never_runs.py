"""An asyncio timer that a plain loop callback sets once its request is over -- a
``loop.call_soon`` callback, a future's done callback the request's code added, run after the
end in that request's context -- never runs: production runs that callback in the request's
IoContext, gone by then, so its ``setTimeout`` (Pyodide's WebLoop makes every asyncio timer one)
never fires, as a left task's timers do not. workers-env cancelled only the timers a task's step
set, and such a callback's timer ran when it came due. A callback of the same kind run while
``waitUntil`` work keeps the request alive still sets a timer that fires."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint

RAN = []
RUNNING = []  # tasks the handlers started, kept from the garbage collector


async def turns(n):
    for _ in range(n):
        await asyncio.sleep(0)  # loop turns only: the request ends meanwhile


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        loop = asyncio.get_running_loop()
        if path == "/done-callback":  # added by the handler, run once a left task settles the future
            future = loop.create_future()
            future.add_done_callback(lambda _: loop.call_later(0.01, RAN.append, "done-callback"))

            async def later():
                await turns(20)
                future.set_result(None)
            RUNNING.append(asyncio.ensure_future(later()))
            return Response("answered at once")
        if path == "/call-soon":  # scheduled by a left task's step after the end
            async def later():
                await turns(20)
                loop.call_soon(lambda: loop.call_later(0.01, RAN.append, "call-soon"))
            RUNNING.append(asyncio.ensure_future(later()))
            return Response("answered at once")
        if path == "/sleep-in-callback":  # a task a callback starts after the end sleeps for good
            async def sleeper():
                await asyncio.sleep(0.01)
                RAN.append("sleep-in-callback")

            async def later():
                await turns(20)
                loop.call_soon(lambda: RUNNING.append(asyncio.ensure_future(sleeper())))
            RUNNING.append(asyncio.ensure_future(later()))
            return Response("answered at once")
        if path == "/waited":  # the same callback while waitUntil work keeps the request alive
            done = asyncio.Event()
            future = loop.create_future()
            future.add_done_callback(lambda _: loop.call_later(0.01, lambda: (RAN.append("waited"), done.set())))

            async def later():
                await turns(20)
                future.set_result(None)
            RUNNING.append(asyncio.ensure_future(later()))
            self.ctx.waitUntil(asyncio.wait_for(done.wait(), 30))
            return Response("answered at once")
        return Response(",".join(RAN))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/done-callback", "/call-soon", "/sleep-in-callback"])
async def test_the_timer_never_runs(tmp_path, path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(path)).text() == "answered at once"
    await asyncio.sleep(0.5)  # fifty times the timer's delay
    assert await (await worker.fetch("/ran")).text() == ""


@pytest.mark.asyncio
async def test_while_wait_until_work_is_pending_it_runs(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/waited")).text() == "answered at once"
    assert await (await worker.fetch("/ran")).text() == "waited"
