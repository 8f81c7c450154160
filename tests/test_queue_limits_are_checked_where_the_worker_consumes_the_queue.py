"""Miniflare's broker checks the queue's limits only when a local consumer takes the queue: a
message of more than 128,000 bytes as serialised (a ``json`` body's JSON text, a ``v8`` one's
V8 serialisation: 128,000 characters are 128,006 bytes), a batch of more than 100 messages, one
message of it over 128,000 bytes, or more than 288,000 bytes in all -- in that order. The Worker
then sees ``Error: Unknown Internal Error (15000)`` from 2026-03-12 (``queue_expose_error_codes``),
``Error: Queue send failed: <Miniflare's text>`` before; nothing is sent. A producer whose queue
nobody consumes takes all of it. Measured under wrangler dev 4.164.0 with a JavaScript Worker
(``tools/wrangler/queue_probe.py limits``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import JsException, load_env

OTHER = '\n[[queues.producers]]\nbinding = "OTHER"\nqueue = "nobody-consumes-it"\n'


def env_of(tmp_path, date, flags=()):
    """The producers themselves (``env.unwrapped``: before 2026-04-21 ``env.JOBS`` is the raw binding)."""
    env = load_env(one_file_worker(tmp_path, "", date=date, extra=consumed_queue() + OTHER, flags=flags))
    return SimpleNamespace(JOBS=env.unwrapped("JOBS"), OTHER=env.unwrapped("OTHER"))


async def refusal(call):
    with pytest.raises(JsException) as caught:
        await call
    return f"{caught.value.name}: {caught.value.message}"


BEFORE = "2026-03-11"


@pytest.mark.asyncio
async def test_one_message_over_128000_bytes_is_refused(tmp_path):
    env = env_of(tmp_path, BEFORE)
    assert await env.JOBS.send("a" * 127998)  # its JSON text: 128,000 bytes
    assert await refusal(env.JOBS.send("a" * 127999)) == (
        "Error: Queue send failed: message length of 128001 bytes exceeds limit of 128000")
    assert await refusal(env.JOBS.send("é" * 64001, {"contentType": "text"})) == (
        "Error: Queue send failed: message length of 128002 bytes exceeds limit of 128000")
    assert await refusal(env.JOBS.send(b"\0" * 128001, {"contentType": "bytes"})) == (
        "Error: Queue send failed: message length of 128001 bytes exceeds limit of 128000")
    assert await env.JOBS.send("a" * 127990, {"contentType": "v8"})
    assert await refusal(env.JOBS.send("a" * 128000, {"contentType": "v8"})) == (
        "Error: Queue send failed: message length of 128006 bytes exceeds limit of 128000")
    assert len(env.JOBS.sent) == 2  # the refused ones were not sent
    assert await env.OTHER.send("a" * 1_000_000)  # nobody consumes it: nothing is checked


@pytest.mark.asyncio
async def test_a_batch_is_refused_by_its_count_then_its_largest_message_then_its_total(tmp_path):
    env = env_of(tmp_path, BEFORE)
    texts = lambda *sizes: [{"body": "a" * n, "contentType": "text"} for n in sizes]  # noqa: E731
    assert await env.JOBS.sendBatch([{"body": 1}] * 100)
    assert await refusal(env.JOBS.sendBatch([{"body": 1}] * 101)) == (
        "Error: Queue sendBatch failed: batch message count of 101 exceeds limit of 100")
    assert await refusal(env.JOBS.sendBatch(texts(128001) + [{"body": 1}] * 100)) == (
        "Error: Queue sendBatch failed: batch message count of 101 exceeds limit of 100")
    assert await env.JOBS.sendBatch(texts(128000))  # the largest message may be as large as a send's
    assert await refusal(env.JOBS.sendBatch(texts(128001, 128001, 128001))) == (
        "Error: Queue sendBatch failed: message in batch has length 128001 bytes which exceeds single message "
        "size limit of 128000")
    assert await env.JOBS.sendBatch(texts(96000, 96000, 96000))
    assert await refusal(env.JOBS.sendBatch(texts(96000, 96000, 96001))) == (
        "Error: Queue sendBatch failed: batch size of 288001 bytes exceeds limit of 288000")
    assert len(env.JOBS.sent) == 104
    assert await env.OTHER.sendBatch([{"body": 1}] * 101 + texts(128001, 128001, 128001))


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags"), [("2026-03-12", ()), (BEFORE, ("queue_expose_error_codes",))])
async def test_from_2026_03_12_the_refusal_is_an_unknown_internal_error(tmp_path, date, flags):
    env = env_of(tmp_path, date, flags)
    assert await refusal(env.JOBS.send("a" * 127999)) == "Error: Unknown Internal Error (15000)"
    assert await refusal(env.JOBS.sendBatch([{"body": 1}] * 101)) == "Error: Unknown Internal Error (15000)"


@pytest.mark.asyncio
async def test_a_worker_sees_the_refusal_as_a_js_error(tmp_path):
    entry = """\
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                try:
                    await self.env.JOBS.send("a" * 200_000)
                except Exception as exc:
                    return Response(f"{type(exc).__name__}: {exc}")
                return Response("sent")

            async def queue(self, batch, env, ctx):
                pass
    """
    from workers_env import load_worker

    worker = load_worker(one_file_worker(tmp_path, entry, date=BEFORE, extra=consumed_queue()))
    assert await (await worker.fetch("/")).text() == (
        "JsException: Error: Queue send failed: message length of 200002 bytes exceeds limit of 128000")
    assert await worker.deliver_queues() == []
