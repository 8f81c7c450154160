"""Two dead-letter queues that feed each other, their messages always retried, never run dry
(under ``wrangler dev`` too, on real time); ``worker.deliver_queues()`` stops after its cap of
batches (10,000, README's figure) with an error that says why and what to change, instead of
looping for ever. As many batches as the cap are all delivered; the one past it stays pending."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

from workers_env import WorkersEnvError
from workers_env.runtime import queuedelivery
from workers_env.runtime.events import QueueResult

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.JOBS.send("x")
            return Response("sent")

        async def queue(self, batch, env, ctx):
            if batch.messages[0].body == "x":
                batch.retryAll()
"""
CONFIG = (consumed_queue(max_retries=0, dead_letter_queue="dlq")
          + '\n[[queues.consumers]]\nqueue = "dlq"\nmax_retries = 0\ndead_letter_queue = "jobs"\n')


@pytest.mark.asyncio
async def test_the_loop_is_cut_with_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(queuedelivery, "MAX_DRAINED_BATCHES", 6)
    worker = worker_on_manual_clock(tmp_path, ENTRY, CONFIG)
    await worker.fetch("/")
    with pytest.raises(WorkersEnvError) as caught:
        await worker.deliver_queues()
    assert str(caught.value) == (
        "worker.deliver_queues() stopped after 6 batches with messages still pending on ['jobs', 'dlq']: the "
        "queue() handler keeps retrying them and the dead-letter queues feed each other. Ack the messages, or give "
        "a dead-letter queue no dead_letter_queue of its own")


class RetryingWorker:
    """A Worker whose ``queue()`` retries every batch, at no cost of its own: 10,000 batches of the
    real Worker above took 3.7 s, each its handler's run; the broker's loop is the same."""

    def __init__(self) -> None:
        self.batches = 0

    async def _queue_batch(self, queue: str, messages: list, metadata: object, result: QueueResult,
                           opened: object = None) -> QueueResult:
        self.batches += 1
        result.retry_batch = {"retry": True}
        return result


@pytest.mark.asyncio
async def test_the_cap_is_ten_thousand_batches(tmp_path):
    broker = worker_on_manual_clock(tmp_path, ENTRY, CONFIG).env.JOBS.broker
    broker.enqueue("jobs", [("x", "json", None, 3)], 100)
    worker = RetryingWorker()
    with pytest.raises(WorkersEnvError, match=r"^worker\.deliver_queues\(\) stopped after 10000 batches with"):
        await queuedelivery.deliver_pending(worker, broker, 100)  # type: ignore[arg-type]
    assert worker.batches == 10_000 and broker.pending() == 1


@pytest.mark.asyncio
@pytest.mark.parametrize(("batches", "delivered_first"), [(6, 6), (7, 6)])
async def test_as_many_batches_as_the_cap_are_delivered(tmp_path, monkeypatch, batches, delivered_first):
    monkeypatch.setattr(queuedelivery, "MAX_DRAINED_BATCHES", 6)
    worker = worker_on_manual_clock(tmp_path, ENTRY, consumed_queue(max_batch_size=1))
    for n in range(batches):
        await worker.env.JOBS.send(n)
    if batches == delivered_first:
        assert [d.bodies for d in await worker.deliver_queues()] == [[n] for n in range(batches)]
        return
    with pytest.raises(WorkersEnvError, match="stopped after 6 batches"):
        await worker.deliver_queues()
    assert [d.bodies for d in await worker.deliver_queues()] == [[6]]  # the one past the cap was left pending
