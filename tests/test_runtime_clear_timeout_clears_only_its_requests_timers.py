"""``clearTimeout(id)`` / ``clearInterval(id)`` clear a timer of the request whose code calls
them: workerd keeps each request's timers in its IoContext's ``TimeoutManager`` and
``clearTimeout`` looks the id up there only (io-context.c++ ``TimeoutManagerImpl::clearTimeout``:
an id it does not hold is taken as already canceled), so an id another request set, kept in a
module global, clears nothing. The id is a JavaScript number: ``5.0`` is timer 5. Once,
any request could clear any other's timer, and a float id cleared nothing."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import clearInterval, clearTimeout, setTimeout
from pyodide.ffi import create_once_callable
from workers import Response, WorkerEntrypoint

LAST = []  # the id of the last timer a request set, as a debounce keeps it


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        kv = self.env.KV
        if path == "/clear-the-last":  # another request's timer: not this one's to clear
            clearTimeout(LAST[-1])
            clearInterval(LAST[-1])
            return Response("cleared")
        fired = asyncio.Event()
        async def write():
            await kv.put(path, "fired")
            fired.set()
        LAST.append(setTimeout(create_once_callable(write), 100))
        if path == "/float-id":  # its own timer, by a float id: cleared
            clearTimeout(float(LAST[-1]))
            self.ctx.waitUntil(asyncio.sleep(0.3))  # the request lives past the timer's time
        else:
            self.ctx.waitUntil(asyncio.wait_for(fired.wait(), 5))
        return Response("set")
"""


@pytest.mark.asyncio
async def test_another_requests_timer_is_not_cleared(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))
    setting = asyncio.ensure_future(worker.fetch("/timer"))
    for _ in range(6000):  # until its handler has set the timer (up to 30 s; a fixed 0.02 s was short under load, flake56)
        if worker.module.LAST:
            break
        await asyncio.sleep(0.005)
    assert not setting.done()
    assert await (await worker.fetch("/clear-the-last")).text() == "cleared"
    await setting  # returns once the timer fired (or after 5 s, failing the waitUntil)
    assert await worker.env.KV.get("/timer") == "fired"


@pytest.mark.asyncio
async def test_a_float_id_clears_the_timer(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))
    await worker.fetch("/float-id")
    assert await worker.env.KV.get("/float-id") is None
