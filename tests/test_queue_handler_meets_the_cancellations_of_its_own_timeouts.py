"""A ``queue()`` handler's own ``asyncio.timeout`` (or anything else that cancels the task running
it) reaches the handler's code as Python's asyncio delivers it: the ``CancelledError`` at the
handler's ``await``, turned into ``TimeoutError`` by the timeout's block, which the handler catches
and goes on from -- as in production, where Pyodide's loop runs the handler as a task like any.
Since review78 the handler runs inside :class:`workers_env.runtime.severable.Severable` (a batch a
reload cuts off is resumed no more); everything but that cut-off passes through it to the handler
(audit28's SV4: a cancellation thrown into the task re-raised past the handler's code, the batch
then failed with a ``CancelledError`` and ``except TimeoutError`` never ran)."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, worker_on_manual_clock

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint

    SEEN = []


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/seen"):
                return Response(" | ".join(SEEN))
            await self.env.JOBS.send("m")
            return Response("sent")

        async def queue(self, batch, env, ctx):
            for message in batch.messages:
                try:
                    async with asyncio.timeout(0.01):
                        await asyncio.sleep(30)
                except TimeoutError:
                    SEEN.append(f"{message.body} timed out")
                try:
                    await asyncio.wait_for(asyncio.sleep(30), 0.01)
                except TimeoutError:
                    SEEN.append(f"{message.body} waited for")
                message.ack()
"""


@pytest.mark.asyncio
async def test_the_handler_catches_its_own_timeout_and_goes_on(tmp_path):
    worker = worker_on_manual_clock(tmp_path, ENTRY, consumed_queue(max_retries=0))
    await worker.fetch("/", method="POST")
    deliveries = await worker.deliver_queues()
    assert [(d.error, d.result.outcome) for d in deliveries] == [(None, "ok")]
    assert await (await worker.fetch("/seen")).text() == "m timed out | m waited for"
