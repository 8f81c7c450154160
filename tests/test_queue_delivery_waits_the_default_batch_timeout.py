"""A batch smaller than ``max_batch_size`` waits ``max_batch_timeout`` after its first message,
Miniflare's default 1 second where the consumer gives none (``DEFAULT_BATCH_TIMEOUT = 1`` in
wrangler 4.164.0's ``broker.worker.js``; production's default is 5): one message sent to each of
three queues at once is delivered from the queue waiting 0.5 s first, then the one on the
default, then the one waiting 1.5 s -- on virtual time, as on the wall clock under ``wrangler
dev``."""

from __future__ import annotations

import pytest
from worker_helpers import worker_on_manual_clock

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            for binding in ("SLOW", "JOBS", "FAST"):
                await getattr(self.env, binding).send(binding)
            return Response("sent")

        async def queue(self, batch, env, ctx):
            pass
"""
CONFIG = "".join(f'\n[[queues.producers]]\nbinding = "{binding}"\nqueue = "{queue}"\n'
                 for binding, queue in (("SLOW", "slow"), ("JOBS", "jobs"), ("FAST", "fast")))
CONFIG += ('\n[[queues.consumers]]\nqueue = "slow"\nmax_batch_timeout = 1.5\n'
           '\n[[queues.consumers]]\nqueue = "jobs"\n'
           '\n[[queues.consumers]]\nqueue = "fast"\nmax_batch_timeout = 0.5\n')


@pytest.mark.asyncio
async def test_the_default_batch_timeout_is_one_second(tmp_path):
    worker = worker_on_manual_clock(tmp_path, ENTRY, CONFIG)
    await worker.fetch("/")
    deliveries = await worker.deliver_queues()
    assert [(d.queue, d.bodies) for d in deliveries] == [("fast", ["FAST"]), ("jobs", ["JOBS"]), ("slow", ["SLOW"])]
