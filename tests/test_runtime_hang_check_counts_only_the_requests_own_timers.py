"""A request hung on a stream write is reported as hung while another request in flight has a
JS timer pending: workerd's timers belong to the request that set them (its IoContext), so one
request's ``setTimeout`` is no work that could end another's wait. Once, any pending timer in
the process held every hang report back until it fired or was cleared."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import hang_seen_worker

from workers_env import JsException

ENTRY = """
import asyncio
from js import TransformStream, TextEncoder, setTimeout, clearTimeout
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/timer"):
            timer = setTimeout(create_proxy(lambda: None), 60_000)  # pending while this request waits
            for _ in range(3000):  # up to 30 s: until the other request has been reported hung (2 s was once
                # too short at a load of 30-40: flake55)
                if self.env.SEEN.hung():
                    break
                await asyncio.sleep(0.01)
            clearTimeout(timer)
            return Response("hung first" if self.env.SEEN.hung() else "timer cleared first")
        stream = TransformStream.new()
        await stream.writable.getWriter().write(TextEncoder.new().encode("nobody reads this"))
        return Response("unreachable")
"""


@pytest.mark.asyncio
async def test_another_requests_pending_timer_does_not_hide_a_hang(tmp_path):
    worker, seen = hang_seen_worker(tmp_path, ENTRY)

    async def hung() -> None:
        with pytest.raises(JsException, match="your Worker's code had hung"):
            await worker.fetch("/write")
        seen.state["hung"] = True

    timer, _ = await asyncio.gather(worker.fetch("/timer"), hung())
    assert await timer.text() == "hung first"
