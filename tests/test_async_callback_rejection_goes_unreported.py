"""An ``async`` WebSocket listener or timer callback that raises is a rejected promise nobody
handles, as in production: Pyodide makes a promise of the coroutine its JavaScript caller gets back
(0.26.0a4, 0.28.2 and 314.0.6: started after the caller's code, a call that drops it an unhandled
rejection under Node), and workerd logs none. workers-env scheduled the coroutine as a bare task,
and asyncio logged ``PyodideTask exception was never retrieved`` with workers-env's frames when
it was collected (review47). The listeners after it, and the connection, are not touched: it
raises nothing at the dispatch."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest
from worker_helpers import one_file_worker, reported

from workers_env import load_worker

WORKER = """
import asyncio
from urllib.parse import urlparse
from js import WebSocketPair, Object, setTimeout
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ev = []

        async def boom(e=None):
            ev.append("async start")
            await asyncio.sleep(0)
            raise ValueError("boom in async callback")

        if urlparse(request.url).query == "timer":
            setTimeout(create_proxy(boom), 0)
        else:
            a, b = Object.values(WebSocketPair.new())
            a.accept()
            b.accept()
            b.addEventListener("message", create_proxy(boom))
            b.addEventListener("message", create_proxy(lambda e: ev.append("second " + e.data)))
            b.addEventListener("error", create_proxy(lambda e: ev.append("error event")))
            a.addEventListener("close", create_proxy(lambda e: ev.append(f"a close {e.code}")))
            a.send("1")
            a.close(1000, "bye")
        await asyncio.sleep(0.05)
        return Response.json(ev)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "kind", "events"), [
    ("2026-09-14", "ws", ["second 1", "a close 1000", "async start"]),
    ("2026-09-15", "ws", ["second 1", "a close 1000", "async start"]),
    ("2026-09-15", "timer", ["async start"]),
])
async def test_rejection_is_not_logged(tmp_path, caplog, capsys, date, kind, events):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date))
    capsys.readouterr()
    with caplog.at_level(logging.DEBUG):
        assert await (await worker.fetch("/?" + kind)).json() == events
        await asyncio.sleep(0.02)
        gc.collect()
        await asyncio.sleep(0)
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert reported(caplog, capsys, "boom in async callback") == []  # (nor on the Worker's console)
