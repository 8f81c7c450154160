"""A Worker's timer held back while callbacks are queued (runtime/heldtimers.py) is still the timer
the Worker holds: ``clearTimeout`` / ``handle.cancel()`` while it is held means it never fires, as a
cleared ``setTimeout`` in workerd, and the steps queued go on to the end. (review81: the hold puts
the timer itself back on asyncio's heap each turn, a cancelled stand-in in its place in the turn's
queue; a copy put back, or the stand-in run, would fire it after the clear.) The loop's clock runs
50 ms on at each read, so the 10 ms timers are due -- and held -- from the first step on."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker, slow_clock

from workers_env import load_worker

ENTRY = '''
import asyncio
import json
from urllib.parse import urlparse

import js
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        out = []
        cleared = asyncio.Event()

        def fired(what):
            out.append(f"{what} fired")

        timer = js.setTimeout(create_proxy(lambda: fired("setTimeout")), 10)
        handle = asyncio.get_running_loop().call_later(0.01, fired, "call_later")

        async def steps():
            for step in range(12):
                if step == 4:  # held by now: due since the first step, the queue never empty
                    out.append(f"cleared at step {step}")
                    js.clearTimeout(timer)
                    handle.cancel()
                    cleared.set()
                await asyncio.sleep(0)
            out.append("steps done")

        await asyncio.create_task(steps())
        await asyncio.sleep(0.01)  # (a turn with nothing queued: a timer put back would fire here)
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
async def test_a_cleared_held_timer_never_fires(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    slow_clock(asyncio.get_running_loop(), 0.05)
    assert await (await worker.fetch("/")).json() == ["cleared at step 4", "steps done"]
