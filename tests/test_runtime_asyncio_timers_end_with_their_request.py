"""An asyncio timer the request's code set on the loop (``loop.call_later``/``call_at``, the
``asyncio.sleep`` of a task it started) ends with the request as a JS ``setTimeout`` does:
Pyodide's WebLoop makes each a JavaScript ``setTimeout``, which belongs to the request's
IoContext (io-context.c++'s TimeoutManager), torn down once the response is out and the
``waitUntil`` work has settled. While ``waitUntil`` work is pending the request lives and its
timers fire. Once, a callback the handler left behind ran whenever it came due, long after its
request had ended, under ``workers-env dev`` as under ``worker.fetch``."""

from __future__ import annotations

import asyncio
import time

import pytest
from worker_helpers import one_file_worker, served_text

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint

RAN = []
RUNNING = []  # tasks the handlers started, kept from the garbage collector


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = urlparse(request.url)
        path = url.path
        loop = asyncio.get_running_loop()
        if path == "/call-later":  # ?0.5: a longer delay, for a server whose request ends later under load
            loop.call_later(float(url.query or 0.05), RAN.append, "call-later")
            return Response("answered at once")
        if path == "/call-at":
            loop.call_at(loop.time() + 0.05, RAN.append, "call-at")
            return Response("answered at once")
        if path == "/sleep":  # a task the handler started and did not wait for
            async def later():
                await asyncio.sleep(0.05)
                RAN.append("sleep")
            RUNNING.append(asyncio.ensure_future(later()))
            await asyncio.sleep(0)  # its sleep begun while the request runs
            return Response("answered at once")
        if path == "/after-the-end":  # a task of the request setting a timer once the request is over
            async def later():
                for _ in range(20):
                    await asyncio.sleep(0)  # loop turns only: the request ends meanwhile
                loop.call_later(0.01, RAN.append, "after-the-end")
            RUNNING.append(asyncio.ensure_future(later()))
            return Response("answered at once")
        if path == "/started-after-the-end":  # the same timer, set by a task that one started after the end
            async def timer():
                loop.call_later(0.01, RAN.append, "started-after-the-end")

            async def later():
                for _ in range(20):
                    await asyncio.sleep(0)
                RUNNING.append(asyncio.ensure_future(timer()))
            RUNNING.append(asyncio.ensure_future(later()))
            return Response("answered at once")
        if path == "/waited":  # the same timer, while waitUntil work is pending
            done = asyncio.Event()
            loop.call_later(0.05, lambda: (RAN.append("waited"), done.set()))
            self.ctx.waitUntil(asyncio.wait_for(done.wait(), 30))
            return Response("answered at once")
        return Response(",".join(RAN))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/call-later", "/call-at", "/sleep", "/after-the-end", "/started-after-the-end"])
async def test_an_asyncio_timer_the_request_left_behind_never_runs(tmp_path, path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(path)).text() == "answered at once"
    # four times the timer's delay: on this one loop asyncio runs due timers in the order they are
    # due, so a timer left behind would run before this sleep ends, however busy the machine
    await asyncio.sleep(0.2)
    assert await (await worker.fetch("/ran")).text() == ""


@pytest.mark.asyncio
async def test_an_asyncio_timer_due_while_wait_until_work_is_pending_runs(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/waited")).text() == "answered at once"
    assert await (await worker.fetch("/ran")).text() == "waited"  # worker.fetch returns once waitUntil settled


def test_under_dev_a_left_behind_call_later_never_runs_and_a_waited_one_does(tmp_path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY))) as server:
        # 0.5 s: the server thread ends the request after the client has its answer; at a load of
        # 10-19 that took more than the other tests' 50 ms, and the timer ran first
        assert served_text(server, "/call-later?0.5") == "answered at once"
        time.sleep(1.5)  # three times the timer's delay
        assert served_text(server, "/ran") == ""
        assert served_text(server, "/waited") == "answered at once"
        deadline = time.monotonic() + 20
        while served_text(server, "/ran") != "waited" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert served_text(server, "/ran") == "waited"
