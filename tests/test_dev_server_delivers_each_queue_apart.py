"""Under ``workers-env dev`` each queue's batches are delivered apart from every other queue's,
as each of Miniflare's queue brokers is a Durable Object of its own under ``wrangler dev``: a
``queue()`` still busy with one queue's batch holds no other queue's. Before 2026-12-05 the dev
server delivered one batch at a time, whatever its queue."""

from __future__ import annotations

import json
import time
import urllib.request

from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """\
    import asyncio
    from workers import WorkerEntrypoint, Response

    EVENTS = []

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.method == "POST":
                await self.env.SLOW.send("s")
                await self.env.FAST.send("f")
                return Response("sent")
            return Response.json(EVENTS)

        async def queue(self, batch, env, ctx):
            if batch.queue == "slow":
                EVENTS.append("slow began")
                await asyncio.sleep(0.6)
                EVENTS.append("slow ended")
            else:
                EVENTS.append("fast")
"""
CONFIG = consumed_queue("slow", "SLOW", max_batch_timeout=0) + consumed_queue("fast", "FAST", max_batch_timeout=0.05)


def test_a_busy_queue_holds_no_other(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=CONFIG))
    with BackgroundServer(worker, deliver_queues=True) as server:
        urllib.request.urlopen(urllib.request.Request(server.url + "/", method="POST"), timeout=10).read()
        deadline = time.monotonic() + 10
        while len(seen := json.loads(urllib.request.urlopen(server.url + "/", timeout=10).read())) < 3:
            assert time.monotonic() < deadline, seen
            time.sleep(0.02)
    assert seen == ["slow began", "fast", "slow ended"]
