"""A WebSocket end's listeners run in the request that scheduled its event, even when one delivery
hands out the events of ends of several requests at once: request B's listener clearing its own
``setTimeout`` clears it. ws41's delivery ran every end's listeners in the context of the request
that scheduled first, so B's ``clearTimeout`` was another request's and ignored, and B's timer
fired (review47; before ws41 each end was its own ``call_soon``, in its own request)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
import asyncio
from urllib.parse import urlparse
from js import WebSocketPair, Object, setTimeout, clearTimeout
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
        b.addEventListener("message", lambda e: (ev.append("msg " + e.data), clearTimeout(timer)))
        a.send(name)
        await asyncio.sleep(0.15 if name == "B" else 0.01)
        return Response.json(ev)
"""


@pytest.mark.asyncio
async def test_each_requests_listener_clears_its_own_timer(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2026-09-15"))
    first, second = await asyncio.gather(worker.fetch("/?A"), worker.fetch("/?B"))
    assert [await first.json(), await second.json()] == [["msg A"], ["msg B"]]
