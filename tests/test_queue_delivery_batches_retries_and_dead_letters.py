"""``worker.deliver_queues()`` hands what the Worker sent to a queue it consumes to its
``queue()`` handler as ``wrangler dev`` 4.164.0 does (Miniflare's broker, measured with a
JavaScript Worker): batches of ``max_batch_size`` (Miniflare's default 5), ``attempts`` one
higher on each retry, a message that failed ``max_retries + 1`` times (default 3 attempts) moved
to the dead-letter queue with its id and timestamp and ``attempts`` from 1, or dropped -- with
Miniflare's log lines -- all at once, on virtual time."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            for body in await request.json():
                await self.env.JOBS.send(body)
            return Response("sent")

        async def queue(self, batch, env, ctx):
            if batch.messages[0].body.get("metadata"):
                metrics = batch.metadata["metrics"]
                return await self.env.JOBS.send({"backlog": [metrics["backlogCount"], metrics["backlogBytes"]]})
            for message in batch.messages:
                if message.body.get("retry"):
                    message.retry()
                elif message.body.get("throw"):
                    raise RuntimeError("boom")
"""
CONFIG = consumed_queue(max_retries=1, dead_letter_queue="dlq") + '\n[[queues.consumers]]\nqueue = "dlq"\nmax_retries = 0\n'


@pytest.fixture
def worker(tmp_path):
    return worker_on_manual_clock(tmp_path, ENTRY, CONFIG)


@pytest.mark.asyncio
async def test_sends_arrive_in_batches_of_the_default_five(worker):
    await worker.fetch("/", method="POST", json=[{"n": i} for i in range(7)])
    deliveries = await worker.deliver_queues()
    assert [(d.queue, d.bodies) for d in deliveries] == [
        ("jobs", [{"n": i} for i in range(5)]), ("jobs", [{"n": 5}, {"n": 6}])]
    assert [d.log for d in deliveries] == [[("info", "QUEUE jobs 5/5 (0ms)")], [("info", "QUEUE jobs 2/2 (0ms)")]]
    assert deliveries[0].messages[0].timestamp == 1_800_000_000_000 and len(deliveries[0].messages[0].id) == 32
    assert await worker.deliver_queues() == []  # nothing left


@pytest.mark.asyncio
async def test_a_retried_message_comes_back_then_goes_to_the_dead_letter_queue(worker):
    await worker.fetch("/", method="POST", json=[{"n": 1}, {"n": 2, "retry": True}])
    deliveries = await worker.deliver_queues()
    assert [(d.queue, [(m.body["n"], m.attempts) for m in d.messages]) for d in deliveries] == [
        ("jobs", [(1, 1), (2, 1)]), ("jobs", [(2, 2)]), ("dlq", [(2, 1)])]
    first, again, dead = deliveries
    assert again.messages[0].id == first.messages[1].id == dead.messages[0].id
    assert again.messages[0].timestamp == dead.messages[0].timestamp
    assert first.log == [("info", "QUEUE jobs 1/2 (0ms)")]
    assert again.log == [("warn", f'Moving message "{first.messages[1].id}" on queue "jobs" to dead letter queue '
                                  '"dlq" after 2 failed attempts...'), ("info", "QUEUE jobs 0/1 (0ms)")]
    assert dead.log == [("warn", f'Dropped message "{first.messages[1].id}" on queue "dlq" after 1 failed '
                                 "attempt!"), ("info", "QUEUE dlq 0/1 (0ms)")]


@pytest.mark.asyncio
async def test_a_handler_that_raises_retries_the_whole_batch(worker):
    await worker.fetch("/", method="POST", json=[{"n": 1}, {"n": 2, "throw": True}])
    deliveries = await worker.deliver_queues()
    assert [(d.queue, len(d.messages), type(d.error).__name__) for d in deliveries] == [
        ("jobs", 2, "RuntimeError"), ("jobs", 2, "RuntimeError"), ("dlq", 2, "RuntimeError")]
    assert deliveries[0].result.outcome == "exception"
    assert deliveries[0].log == [("info", "QUEUE jobs 0/2 (0ms)")]


@pytest.mark.asyncio
async def test_worker_queue_still_delivers_by_hand(worker):
    result = await worker.queue([{"n": 1}], queue="jobs")
    assert result.outcome == "ok"
    assert await worker.deliver_queues() == []


@pytest.mark.asyncio
async def test_the_batch_carries_the_backlog_left_behind(worker):
    await worker.fetch("/", method="POST", json=[{"metadata": True, "n": i} for i in range(7)])
    first = (await worker.deliver_queues())[0]
    assert len(first.messages) == 5
    # the handler sent what its batch.metadata said: 2 messages of {"metadata":true,"n":5} (23 bytes) left;
    # its send joined them while the batch was in flight, and the next batch took all three
    assert worker.env.unwrapped("JOBS").bodies[-2:] == [{"backlog": [2, 46]}, {"backlog": [0, 0]}]


@pytest.mark.asyncio
async def test_a_consumer_without_max_retries_tries_three_times(tmp_path):
    """Miniflare's default of 2 retries (``DEFAULT_RETRIES``), not production's 3: a message
    always retried is delivered three times, then dropped."""
    worker = worker_on_manual_clock(tmp_path, ENTRY, consumed_queue())
    await worker.fetch("/", method="POST", json=[{"retry": True}])
    deliveries = await worker.deliver_queues()
    assert [[m.attempts for m in d.messages] for d in deliveries] == [[1], [2], [3]]
    assert deliveries[-1].log == [("warn", f'Dropped message "{deliveries[0].messages[0].id}" on queue "jobs" after 3 '
                                           "failed attempts!"), ("info", "QUEUE jobs 0/1 (0ms)")]
