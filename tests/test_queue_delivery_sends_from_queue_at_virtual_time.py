"""What a ``queue()`` handler sends while ``worker.deliver_queues()`` runs is sent at the virtual
time the delivery has reached, as under ``wrangler dev`` it is sent when the batch runs: its
``timestamp`` that time and its delay counted from it, so it takes its place among the timers
already set. Before 2026-12-05 it was sent at the env clock's time (the delivery's start): a
timestamp a second early and, here, ``child`` ahead of ``late`` in their batch."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.A.send("seed")
            await self.env.B.send("late", delaySeconds=2)
            return Response("sent")

        async def queue(self, batch, env, ctx):
            if batch.queue == "a":
                await self.env.B.send("child", delaySeconds=1)
"""


@pytest.mark.asyncio
async def test_a_handlers_send_is_at_the_deliverys_virtual_time(tmp_path):
    worker = worker_on_manual_clock(tmp_path, ENTRY, consumed_queue("a", "A") + consumed_queue("b", "B"))
    await worker.fetch("/", method="POST")
    deliveries = await worker.deliver_queues()
    # "seed" goes at 1 s and sends "child", there at 2 s, just after "late" (sent at 0 s for 2 s)
    assert [(d.queue, d.bodies) for d in deliveries] == [("a", ["seed"]), ("b", ["late", "child"])]
    assert [m.timestamp for m in deliveries[1].messages] == [1_800_000_000_000, 1_800_000_001_000]
