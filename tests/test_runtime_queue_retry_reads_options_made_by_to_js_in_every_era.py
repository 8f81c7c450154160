"""``message.retry(options)`` / ``batch.retryAll(options)`` read ``options.delaySeconds`` as
workerd's ``QueueRetryOptions`` struct does: from whatever object ``to_js(dict)`` made in the
Worker's era -- a ``Map`` on Pyodide 0.26 (an object with no such member: retried with no delay,
no error), a ``LiteralMap`` on 0.28 (its keys are properties: the delay is read), a plain
``Object`` on the 3.14 era's Pyodide."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from pyodide.ffi import to_js
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def queue(self, batch, env=None, ctx=None):
        for message in batch.messages:
            message.retry(to_js({"delaySeconds": 30}))
        batch.retryAll(to_js({"delaySeconds": 7}))
"""


@pytest.mark.parametrize(("date", "message_delay", "batch_retry"), [
    ("2025-09-01", {}, {"retry": True}),
    ("2026-09-07", {"delaySeconds": 30}, {"retry": True, "delaySeconds": 7}),
    ("2026-09-08", {"delaySeconds": 30}, {"retry": True, "delaySeconds": 7}),
])
def test_retry_options_made_by_to_js(tmp_path, date, message_delay, batch_retry):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra='[[queues.consumers]]\nqueue = "jobs"\n')
    result = asyncio.run(load_worker(folder).queue([{"n": 1}], queue="jobs"))
    [retried] = result.retry_messages
    assert {k: v for k, v in retried.items() if k != "msgId"} == message_delay
    assert result.retry_batch == batch_retry
