"""Of a message's ``ack()`` and ``retry()`` -- and the batch's ``ackAll()`` and ``retryAll()``
-- the first that applies wins, as workerd's queue.c++ keeps them: a later call that contradicts
it changes nothing and logs workerd's warning; ``ack()`` after ``ackAll()`` is silent; a second
``retry()`` replaces the first's options in its place in ``retry_messages``; a second
``retryAll()`` without a delay keeps the first's. Each sequence measured through Miniflare's
``getWorker().queue()`` (wrangler 4.164.0) with a JavaScript consumer: the same
``FetcherQueueResult`` and the same warning lines."""

from __future__ import annotations

import asyncio
import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import QueueMessage, load_worker

ENTRY = """
from workers import WorkerEntrypoint

CALLS = []

class Default(WorkerEntrypoint):
    async def queue(self, batch, env=None, ctx=None):
        for who, name, *args in CALLS:
            target = batch if who == "batch" else batch.messages[who]
            getattr(target, name)(**(args[0] if args else {}))
"""


def ignored(call: str, after: str, message: str | None = None) -> str:
    on = f" on message {message}" if message else ""
    return (f"Received a call to {call}(){on} after {after}() was already called. "
            f"Calling {call}(){' on a message' if message else ''} after calling {after}() has no effect.")


@pytest.mark.parametrize(("date"), ["2025-09-01", "2026-05-01"])  # the built-in SDK's JS objects; the SDK's wrapper
@pytest.mark.parametrize(("calls", "acks", "retries", "ack_all", "retry_batch", "warned"), [
    ([(0, "ack"), (0, "retry", {"delaySeconds": 5})], ["m0"], [], False, {"retry": False},
     [ignored("retry", "ack", "m0")]),
    ([(0, "retry", {"delaySeconds": 5}), (0, "ack")], [], [{"msgId": "m0", "delaySeconds": 5}], False,
     {"retry": False}, [ignored("ack", "retry", "m0")]),
    ([("batch", "ackAll"), (0, "retry")], [], [], True, {"retry": False}, [ignored("retry", "ackAll", "m0")]),
    ([("batch", "retryAll"), (0, "ack")], [], [], False, {"retry": True}, [ignored("ack", "retryAll", "m0")]),
    ([("batch", "ackAll"), ("batch", "retryAll")], [], [], True, {"retry": False}, [ignored("retryAll", "ackAll")]),
    ([("batch", "retryAll"), ("batch", "ackAll")], [], [], False, {"retry": True}, [ignored("ackAll", "retryAll")]),
    ([("batch", "ackAll"), (0, "ack")], [], [], True, {"retry": False}, []),
    ([(0, "ack"), (0, "ack"), (1, "ack")], ["m0", "m1"], [], False, {"retry": False}, []),
    ([(0, "retry", {"delaySeconds": 5}), (0, "retry")], [], [{"msgId": "m0"}], False, {"retry": False}, []),
    ([(0, "retry"), (1, "retry"), (0, "retry", {"delaySeconds": 9})], [],
     [{"msgId": "m0", "delaySeconds": 9}, {"msgId": "m1"}], False, {"retry": False}, []),
    ([("batch", "retryAll", {"delaySeconds": 5}), ("batch", "retryAll")], [], [], False,
     {"retry": True, "delaySeconds": 5}, []),
    ([("batch", "retryAll", {"delaySeconds": 5}), (0, "retry", {"delaySeconds": 2})], [],
     [{"msgId": "m0", "delaySeconds": 2}], False, {"retry": True, "delaySeconds": 5}, []),
])
def test_first_call_wins(tmp_path, caplog, date, calls, acks, retries, ack_all, retry_batch, warned):
    caplog.set_level(logging.WARNING)
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra='[[queues.consumers]]\nqueue = "jobs"\n'))
    worker.module.CALLS[:] = calls
    result = asyncio.run(worker.queue([QueueMessage("a", id="m0"), QueueMessage("b", id="m1")], queue="jobs"))
    assert (result.explicit_acks, result.retry_messages, result.ack_all, result.retry_batch) == (
        acks, retries, ack_all, retry_batch)
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("Received a call")] == warned
