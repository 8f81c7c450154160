"""A send to a queue the Worker consumes answers with the broker's backlog as it was before the
message, as Miniflare's broker does under ``wrangler dev`` 4.164.0 (measured with a JavaScript
Worker: seven ``{"n":i}`` then a ``text`` "x" gave ``backlogCount`` 0, 7, 8 and ``backlogBytes``
0, 49, 50, the oldest message's time a ``Date``); a queue nobody consumes keeps answering
the empty backlog."""

from __future__ import annotations

import pytest

from workers_env import ManualClock, load_env
from workers_env._jsvalues import JsDate

CONFIG = """
name = "w"
compatibility_date = "2026-05-01"

[[queues.producers]]
binding = "JOBS"
queue = "jobs"

[[queues.producers]]
binding = "MAIL"
queue = "mail"

[[queues.consumers]]
queue = "jobs"
"""


@pytest.fixture
def env(tmp_path):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    return load_env(tmp_path, clock=ManualClock(1_800_000_000))


@pytest.mark.asyncio
async def test_the_answer_is_the_backlog_before_the_message(env):
    jobs = env.unwrapped("JOBS")
    assert await jobs.sendBatch([{"body": {"n": i}} for i in range(7)]) == {
        "metadata": {"metrics": {"backlogCount": 0, "backlogBytes": 0}}}
    answer = await jobs.send("x", {"contentType": "text"})
    oldest = answer["metadata"]["metrics"].pop("oldestMessageTimestamp")
    assert answer == {"metadata": {"metrics": {"backlogCount": 7, "backlogBytes": 49}}}
    assert isinstance(oldest, JsDate) and oldest.ms == 1_800_000_000_000
    metrics = await jobs.metrics()
    assert (metrics["backlogCount"], metrics["backlogBytes"]) == (8, 50)
    assert jobs.bodies == [{"n": i} for i in range(7)] + ["x"]  # still recorded for tests


@pytest.mark.asyncio
async def test_a_queue_nobody_consumes_answers_an_empty_backlog(env):
    mail = env.unwrapped("MAIL")
    await mail.send({"to": "a"})
    assert await mail.send({"to": "b"}) == {"metadata": {"metrics": {"backlogCount": 0, "backlogBytes": 0}}}
    assert mail.broker is None
