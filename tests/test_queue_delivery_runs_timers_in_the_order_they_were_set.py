"""``worker.deliver_queues()`` runs the broker's timers due at the same virtual time in the
order they were set, as Miniflare's timers fire under ``wrangler dev`` 4.164.0
(measured with a JavaScript twin: a send to ``b`` then one to ``a`` -- ``b``'s batch first; a
``sendBatch`` of a plain message and one with ``delaySeconds: 1`` -- two batches, at 1 s and 2 s,
the batch timeout set before the delayed message arrives). Before 2026-12-05 queues due together
went in order of name and a delayed message arriving as a timeout ended joined its batch."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            for binding, body, delay in await request.json():
                await getattr(self.env, binding).send(body, delaySeconds=delay)
            return Response("sent")

        async def queue(self, batch, env, ctx):
            pass
"""
CONFIG = consumed_queue("b", "B") + consumed_queue("a", "A")


@pytest.mark.asyncio
async def test_batches_due_together_go_in_the_order_their_timers_were_set(tmp_path):
    worker = worker_on_manual_clock(tmp_path, ENTRY, CONFIG)
    await worker.fetch("/", method="POST", json=[["B", "to b", None], ["A", "to a", None]])
    assert [(d.queue, d.bodies) for d in await worker.deliver_queues()] == [("b", ["to b"]), ("a", ["to a"])]


@pytest.mark.asyncio
async def test_a_message_arriving_as_the_batch_timeout_ends_waits_for_the_next(tmp_path):
    worker = worker_on_manual_clock(tmp_path, ENTRY, CONFIG)
    await worker.fetch("/", method="POST", json=[["A", "plain", None], ["A", "delayed", 1]])
    assert [d.bodies for d in await worker.deliver_queues()] == [["plain"], ["delayed"]]
