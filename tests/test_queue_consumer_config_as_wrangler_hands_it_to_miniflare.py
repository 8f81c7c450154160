"""A queue's consumer and producers as ``wrangler dev`` 4.164.0 hands them to Miniflare
(measured with a JavaScript twin): a queue that is its own ``dead_letter_queue`` stops
``load_env`` as it stops ``wrangler dev`` (Miniflare's ``Dead letter queue for queue "jobs"
cannot be itself``); of a queue consumed twice the last entry's options hold (wrangler's
``Object.fromEntries``: a batch of 3, not 1); and the queue's first producer's
``delivery_delay`` holds for every binding of it and for a message moved there as a
dead-letter queue (Miniflare's broker reads the first producer it finds: a send through a
second binding without a delay waited 2 s, a dead letter 3 s)."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker, worker_on_manual_clock

from workers_env import ConfigError, load_env

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            for binding, body in await request.json():
                await getattr(self.env, binding).send(body)
            return Response("sent")

        async def queue(self, batch, env, ctx):
            for message in batch.messages:
                if message.body == "fails":
                    message.retry()
"""


def test_a_queue_that_is_its_own_dead_letter_queue_is_refused(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, extra=consumed_queue(dead_letter_queue="jobs"))
    with pytest.raises(ConfigError) as caught:
        load_env(folder)
    assert str(caught.value) == (
        'queues.consumers[0].dead_letter_queue = "jobs": wrangler dev refuses to start with it (Miniflare: '
        "'Dead letter queue for queue \"jobs\" cannot be itself'); name another queue, whose consumer takes what "
        "this one's retries give up on, or leave it out to drop them")


@pytest.mark.asyncio
async def test_the_last_consumer_entry_of_a_queue_holds(tmp_path):
    config = consumed_queue(max_batch_size=1, dead_letter_queue="jobs") + '\n[[queues.consumers]]\nqueue = "jobs"\n' \
        "max_batch_size = 3\n"
    worker = worker_on_manual_clock(tmp_path, ENTRY, config)  # (the first entry's own dead letter queue is not read)
    await worker.fetch("/", method="POST", json=[["JOBS", "a"], ["JOBS", "b"], ["JOBS", "c"]])
    assert [d.bodies for d in await worker.deliver_queues()] == [["a", "b", "c"]]


PRODUCERS = """
[[queues.producers]]
binding = "JOBS"
queue = "jobs"
delivery_delay = 2

[[queues.producers]]
binding = "AGAIN"
queue = "jobs"

[[queues.producers]]
binding = "DEAD"
queue = "dead"
delivery_delay = 30

[[queues.consumers]]
queue = "jobs"
max_retries = 0
dead_letter_queue = "dead"

[[queues.consumers]]
queue = "dead"
"""


@pytest.mark.asyncio
async def test_a_queues_first_producer_sets_its_delivery_delay(tmp_path):
    entry = ENTRY.replace("if message.body", 'if batch.queue == "jobs" and message.body')
    worker = worker_on_manual_clock(tmp_path, entry, PRODUCERS)
    await worker.fetch("/", method="POST", json=[["AGAIN", "fails"], ["DEAD", "late"]])
    assert [m.delay_seconds for m in worker.env.unwrapped("AGAIN").sent] == [2]  # JOBS's delay: AGAIN has none
    # "fails": on jobs at 2 s, delivered at 3 s, moved to "dead" then and there 30 s later; "late": there at 30 s
    deliveries = await worker.deliver_queues()
    assert [(d.queue, d.bodies) for d in deliveries] == [("jobs", ["fails"]), ("dead", ["late"]), ("dead", ["fails"])]
