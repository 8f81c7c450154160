"""A delivered batch's ``metadata.metrics`` is the backlog the broker left behind, as Miniflare
hands it with the batch under ``wrangler dev`` 4.164.0: ``backlogCount``, ``backlogBytes`` and,
when something is left, ``oldestMessageTimestamp`` -- a ``Date`` (the SDK's ``datetime``), the
time of the oldest message left; none when the backlog is empty."""

from __future__ import annotations

from datetime import datetime

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

ENTRY = """\
    from workers import WorkerEntrypoint, Response

    SEEN = []

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await self.env.JOBS.sendBatch([{"body": n} for n in range(7)])
            return Response("sent")

        async def queue(self, batch, env, ctx):
            SEEN.append(dict(batch.metadata["metrics"]))
"""


@pytest.mark.asyncio
async def test_the_oldest_message_left_is_a_date(tmp_path):
    worker = worker_on_manual_clock(tmp_path, ENTRY, consumed_queue())
    await worker.fetch("/", method="POST")
    assert [d.bodies for d in await worker.deliver_queues()] == [[0, 1, 2, 3, 4], [5, 6]]
    first, second = worker.module.SEEN
    oldest = first.pop("oldestMessageTimestamp")
    assert isinstance(oldest, datetime) and oldest.timestamp() == 1_800_000_000
    assert first == {"backlogCount": 2, "backlogBytes": 2}
    assert second == {"backlogCount": 0, "backlogBytes": 0}
