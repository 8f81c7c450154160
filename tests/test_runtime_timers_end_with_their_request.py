"""A JS timer belongs to the request whose code set it, as in workerd (its IoContext's
TimeoutManager, io-context.c++): once the response is out and the request's ``waitUntil`` work
has settled the IoContext is torn down, and a timer still pending never runs -- a
``setTimeout`` left behind by a handler that returned at once, or a ``setInterval``, stops there.
While ``waitUntil`` work is pending the request lives and its timers fire. At a module's top
level, outside any request, setting a timer is workerd's global-scope error. Once, a timer ran
whenever it came due, long after its request had ended."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import setInterval, setTimeout
from pyodide.ffi import create_once_callable, create_proxy
from workers import Response, WorkerEntrypoint

TICKS = []
RUNNING = []  # tasks of the handlers, kept from the garbage collector


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        kv = self.env.KV
        if path == "/left-behind":  # a timer the handler does not wait for
            async def write():
                await kv.put("left-behind", "written")
            setTimeout(create_once_callable(write), 50)
            return Response("answered at once")
        if path == "/waited":  # the same timer, while waitUntil work is pending
            written = asyncio.Event()
            async def write():
                await kv.put("waited", "written")
                written.set()
            setTimeout(create_once_callable(write), 50)
            self.ctx.waitUntil(asyncio.wait_for(written.wait(), 30))
            return Response("answered at once")
        if path == "/interval":  # ticks while waitUntil work is pending, then stops
            enough = asyncio.Event()
            def tick():
                TICKS.append(len(TICKS))
                if len(TICKS) >= 3:
                    enough.set()
            setInterval(create_proxy(tick), 10)
            self.ctx.waitUntil(asyncio.wait_for(enough.wait(), 30))
            return Response("answered at once")
        if path == "/after-the-end":  # code of the request still running after it ended
            async def later():
                await asyncio.sleep(0.05)
                async def write():
                    await kv.put("after-the-end", "written")
                setTimeout(create_once_callable(write), 0)
            RUNNING.append(asyncio.ensure_future(later()))  # no waitUntil: the request ends at once
            return Response("answered at once")
        return Response(str(len(TICKS)))
"""


def worker_in(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))


@pytest.mark.asyncio
async def test_a_timer_the_request_left_behind_never_runs(tmp_path):
    worker = worker_in(tmp_path)
    assert await (await worker.fetch("/left-behind")).text() == "answered at once"
    # four times the timer's delay: on this one loop asyncio runs due timers in the order they are
    # due, so a timer left behind would run (and its write with it) before this sleep ends
    await asyncio.sleep(0.2)
    assert await worker.env.KV.get("left-behind") is None


@pytest.mark.asyncio
async def test_a_timer_due_while_wait_until_work_is_pending_runs(tmp_path):
    worker = worker_in(tmp_path)
    assert await (await worker.fetch("/waited")).text() == "answered at once"
    assert await worker.env.KV.get("waited") == "written"  # worker.fetch returns once waitUntil settled


@pytest.mark.asyncio
async def test_an_interval_ticks_while_wait_until_work_is_pending_and_stops_with_the_request(tmp_path):
    worker = worker_in(tmp_path)
    await worker.fetch("/interval")
    ticks = int(await (await worker.fetch("/ticks")).text())
    assert ticks >= 3
    await asyncio.sleep(0.2)  # twenty times its period (due timers run in order on this one loop)
    assert int(await (await worker.fetch("/ticks")).text()) == ticks


@pytest.mark.asyncio
async def test_a_timer_set_after_the_request_ended_never_runs(tmp_path):
    worker = worker_in(tmp_path)
    await worker.fetch("/after-the-end")
    await asyncio.sleep(1.0)
    assert await worker.env.KV.get("after-the-end") is None


@pytest.mark.parametrize("top", ["setTimeout(create_proxy(lambda: None), 10)",
                                 "setInterval(create_proxy(lambda: None), 10)",
                                 "clearTimeout(1)"])
def test_a_timer_at_the_top_level_is_the_global_scope_error(tmp_path, top):
    entry = f"""
from js import clearTimeout, setInterval, setTimeout
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

{top}


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""
    with pytest.raises(JsException, match="^Error: Disallowed operation called within global scope. Asynchronous I/O"):
        load_worker(one_file_worker(tmp_path, entry))
