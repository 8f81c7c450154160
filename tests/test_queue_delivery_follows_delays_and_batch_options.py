"""Delays and batch options as Miniflare's broker applies them (``wrangler dev`` 4.164.0,
measured with a JavaScript Worker): a ``delaySeconds`` message joins the backlog only once its
delay is over, a retried one after ``retry()``'s delay (else the consumer's ``retry_delay``),
and ``max_batch_size`` cuts the backlog into batches; ``worker.deliver_queues()`` meets each
deadline at once, in time order."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            for item in await request.json():
                await self.env.JOBS.send(item["body"], delaySeconds=item.get("delay"))
            return Response("sent")

        async def queue(self, batch, env, ctx):
            for message in batch.messages:
                if message.body == "later" and message.attempts == 1:
                    message.retry(delaySeconds=20)
                elif message.body == "soon" and message.attempts == 1:
                    message.retry()
"""
@pytest.fixture
def worker(tmp_path):
    return worker_on_manual_clock(tmp_path, ENTRY, consumed_queue(max_batch_size=2, max_batch_timeout=30,
                                                                  retry_delay=10))


@pytest.mark.asyncio
async def test_delays_and_retry_delays_order_the_batches(worker):
    await worker.fetch("/", method="POST", json=[{"body": "later"}, {"body": "soon"}, {"body": "late", "delay": 15},
                                                 {"body": "c"}])
    deliveries = await worker.deliver_queues()
    assert [[(m.body, m.attempts) for m in d.messages] for d in deliveries] == [
        [("later", 1), ("soon", 1)],  # a full batch goes at once; "c" waits (batch timeout: 30 s)
        [("c", 1), ("soon", 2)],      # "soon" back at 10 s (retry_delay) fills the batch: it goes then
        [("late", 1), ("later", 2)],  # "late" arrives at 15 s, "later" is back at 20 s (its retry's delay)
    ]
    assert [d.log[-1][1] for d in deliveries] == ["QUEUE jobs 0/2 (0ms)", "QUEUE jobs 2/2 (0ms)",
                                                  "QUEUE jobs 2/2 (0ms)"]
