"""A ``delaySeconds`` Miniflare's schema refuses -- not a whole number from 0 to 86,400 (jsg
has truncated it already: 1.5 is 1) -- fails the send when a local consumer takes the queue,
whether the call's (``send``, ``sendBatch``'s options) or a batch message's own. Miniflare cannot
word that refusal (its zod text spans lines, which a status text may not), so the Worker sees a
500's ``Error: Queue send failed: Internal Server Error`` (``sendBatch failed`` for a batch)
before 2026-03-12 and ``Error: Unknown Internal Error (15000)`` from it; nothing is sent. Where
nobody consumes the queue every delay is taken. A size refusal comes before the delay's.
Measured under wrangler dev 4.164.0 (``tools/wrangler/queue_probe.py limits``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import JsException, load_env

OTHER = '\n[[queues.producers]]\nbinding = "OTHER"\nqueue = "nobody-consumes-it"\n'


def producers(tmp_path, date):
    env = load_env(one_file_worker(tmp_path, "", date=date, extra=consumed_queue() + OTHER))
    return SimpleNamespace(JOBS=env.unwrapped("JOBS"), OTHER=env.unwrapped("OTHER"))


async def refusal(call):
    with pytest.raises(JsException) as caught:
        await call
    return f"{caught.value.name}: {caught.value.message}"


CALLS = {
    "send 86401": lambda q: q.send(1, {"delaySeconds": 86401}),
    "send -1": lambda q: q.send(1, {"delaySeconds": -1}),
    "batch option 86401": lambda q: q.sendBatch([{"body": 1}], {"delaySeconds": 86401}),
    "batch option -1": lambda q: q.sendBatch([{"body": 1}], {"delaySeconds": -1}),
    "batch message 86401": lambda q: q.sendBatch([{"body": 1, "delaySeconds": 86401}]),
    "batch message -1": lambda q: q.sendBatch([{"body": 1}, {"body": 2, "delaySeconds": -1}]),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("call", list(CALLS))
async def test_a_delay_out_of_range_is_an_internal_server_error(tmp_path, call):
    queues = producers(tmp_path, "2026-03-11")
    method = "send" if call.startswith("send") else "sendBatch"
    assert await refusal(CALLS[call](queues.JOBS)) == f"Error: Queue {method} failed: Internal Server Error"
    assert queues.JOBS.sent == [] and queues.JOBS.broker.pending() == 0
    assert await CALLS[call](queues.OTHER)  # nobody consumes it: taken
    assert len(queues.OTHER.sent) == (2 if call == "batch message -1" else 1)


@pytest.mark.asyncio
async def test_from_2026_03_12_it_is_an_unknown_internal_error(tmp_path):
    queues = producers(tmp_path, "2026-03-12")
    assert await refusal(queues.JOBS.send(1, {"delaySeconds": 86401})) == "Error: Unknown Internal Error (15000)"


@pytest.mark.asyncio
async def test_the_whole_range_is_taken_and_a_fraction_is_truncated_first(tmp_path):
    queues = producers(tmp_path, "2026-03-11")
    for delay in (0, 1.5, 86400, 86400.9):
        assert await queues.JOBS.send(1, {"delaySeconds": delay})
    assert [m.delay_seconds for m in queues.JOBS.sent] == [0, 1, 86400, 86400]


@pytest.mark.asyncio
async def test_the_size_is_refused_before_the_delay(tmp_path):
    queues = producers(tmp_path, "2026-03-11")
    assert await refusal(queues.JOBS.send("a" * 127999, {"delaySeconds": 86401})) == (
        "Error: Queue send failed: message length of 128001 bytes exceeds limit of 128000")
