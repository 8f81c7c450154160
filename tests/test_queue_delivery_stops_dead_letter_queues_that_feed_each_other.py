"""Two dead-letter queues that feed each other, their messages always retried, never run dry
(under ``wrangler dev`` too, on real time); ``worker.deliver_queues()`` stops after its cap of
batches with an error that says why and what to change, instead of looping for ever."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

from workers_env import WorkersEnvError
from workers_env.runtime import queuedelivery

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.JOBS.send("x")
            return Response("sent")

        async def queue(self, batch, env, ctx):
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
