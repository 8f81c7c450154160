"""A WebSocket end's listeners run in the request that scheduled its event, even when one delivery
hands out the events of ends of several requests at once: request B's listener clearing its own
``setTimeout`` clears it. ws41's delivery ran every end's listeners in the context of the request
that scheduled first, so B's ``clearTimeout`` was another request's and ignored, and B's timer
fired (review47; before ws41 each end was its own ``call_soon``, in its own request). So do the
microtasks a listener queues, which run before the next end's event."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
import asyncio
from urllib.parse import urlparse
from js import WebSocketPair, Object, setTimeout, clearTimeout, queueMicrotask
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        name = urlparse(request.url).query
        ev = []
        a, b = Object.values(WebSocketPair.new())
        a.accept()
        b.accept()
        timer = setTimeout(create_proxy(lambda: ev.append("timer fired")), 30)
        if "micro" in name:  # from a microtask the listener queued
            clear = lambda e: queueMicrotask(create_proxy(lambda: clearTimeout(timer)))
        else:
            clear = lambda e: clearTimeout(timer)
        b.addEventListener("message", create_proxy(lambda e: (ev.append("msg " + e.data), clear(e))))
        a.send(name)
        await asyncio.sleep(0.15 if name.startswith("B") else 0.01)
        return Response.json(ev)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["", "micro"])
async def test_each_requests_listener_clears_its_own_timer(tmp_path, how):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2026-09-15"))
    first, second = await asyncio.gather(worker.fetch(f"/?A{how}"), worker.fetch(f"/?B{how}"))
    assert [await first.json(), await second.json()] == [[f"msg A{how}"], [f"msg B{how}"]]
