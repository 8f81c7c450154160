"""A ``queue()`` handler that raises has its whole batch retried, each message after the delay
its own ``retry(delaySeconds=...)`` gave before the exception, else the consumer's
``retry_delay``: workerd hands Miniflare the retries recorded with the ``exception`` outcome
(measured with a JavaScript twin under ``wrangler dev`` 4.164.0: ``m1.retry({delaySeconds: 3});
throw`` -- ``m2`` back after 1 s, ``m1`` after 4 s). Before 2026-12-05 the retries were dropped
with the exception and both came back together."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.JOBS.sendBatch([{"body": "m1"}, {"body": "m2"}])
            return Response("sent")

        async def queue(self, batch, env, ctx):
            if batch.messages[0].attempts == 1:
                batch.messages[0].retry(delaySeconds=3)
                raise RuntimeError("boom")
"""


@pytest.mark.asyncio
async def test_the_retry_delay_given_before_the_exception_is_kept(tmp_path):
    worker = worker_on_manual_clock(tmp_path, ENTRY, consumed_queue(max_retries=1))
    await worker.fetch("/", method="POST")
    deliveries = await worker.deliver_queues()
    assert [[(m.body, m.attempts) for m in d.messages] for d in deliveries] == [
        [("m1", 1), ("m2", 1)], [("m2", 2)], [("m1", 2)]]
    assert str(deliveries[0].error) == "boom" and deliveries[0].result.outcome == "exception"
    assert deliveries[0].result.retry_messages == [{"msgId": deliveries[0].messages[0].id, "delaySeconds": 3}]


EXITING = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.JOBS.send("m")
            return Response("sent")

        async def queue(self, batch, env, ctx):
            if batch.messages[0].attempts == 1:
                raise SystemExit(3)
"""


@pytest.mark.asyncio
async def test_a_handler_raising_system_exit_is_a_failed_batch(tmp_path):
    """A ``SystemExit`` (or ``KeyboardInterrupt``) out of ``queue()`` rejects the handler, as out
    of ``fetch()``: the batch retried, the queue going on. It escaped ``deliver_queues()`` and
    left the batch in flight for good (under ``workers-env dev``: the queue stalled)."""
    worker = worker_on_manual_clock(tmp_path, EXITING, consumed_queue())
    await worker.fetch("/", method="POST")
    deliveries = await worker.deliver_queues()
    assert [[(m.body, m.attempts) for m in d.messages] for d in deliveries] == [[("m", 1)], [("m", 2)]]
    assert isinstance(deliveries[0].error, SystemExit) and deliveries[1].error is None
