"""A producer's ``delivery_delay`` (wrangler calls it deprecated and of no effect, yet passes it
to Miniflare, which applies it) out of Miniflare's schema -- a whole number from 0 to 86,400 --
stops ``load_env`` with a ``ConfigError`` quoting Miniflare's refusal, as ``wrangler dev`` 4.164.0
does not start with it, whether or not the Worker consumes the queue (the producers' schema is a
union, so a fraction is zod's bare ``Invalid input``). Miniflare reads a queue's delay from its
first producer, for every producer of that queue. Measured with ``tools/wrangler/queue_probe.py
config``."""

from __future__ import annotations

import pytest
from workers_env import ConfigError, ManualClock, load_env

BASE = 'name = "w"\ncompatibility_date = "2026-05-01"\n'


def producer(delay: str, queue: str = "jobs", binding: str = "JOBS") -> str:
    return f'[[queues.producers]]\nbinding = "{binding}"\nqueue = "{queue}"\ndelivery_delay = {delay}\n'


@pytest.mark.parametrize(("delay", "text"), [
    ("86401", 'queues.producers[0].delivery_delay = 86401: wrangler dev refuses to start with it (Miniflare: '
              '"Too big: expected number to be <=86400"); give a whole number from 0 to 86400'),
    ("-1", 'queues.producers[0].delivery_delay = -1: wrangler dev refuses to start with it (Miniflare: '
           '"Too small: expected number to be >=0"); give a whole number from 0 to 86400'),
    ("1.5", 'queues.producers[0].delivery_delay = 1.5: wrangler dev refuses to start with it (Miniflare: '
            '"Invalid input"); give a whole number from 0 to 86400'),
])
def test_out_of_range_is_refused_without_a_consumer_too(tmp_path, delay, text):
    (tmp_path / "wrangler.toml").write_text(BASE + producer(delay))
    with pytest.raises(ConfigError) as caught:
        load_env(tmp_path)
    assert str(caught.value) == text


def test_the_index_names_the_entry(tmp_path):
    (tmp_path / "wrangler.toml").write_text(BASE + producer("0") + producer("86401", "mail", "MAIL"))
    with pytest.raises(ConfigError, match=r"^queues\.producers\[1\]\.delivery_delay = 86401: "):
        load_env(tmp_path)


@pytest.mark.asyncio
async def test_the_ends_are_taken_and_a_queues_first_producer_gives_its_delay(tmp_path):
    (tmp_path / "wrangler.toml").write_text(BASE + producer("86400") + producer("0", binding="AGAIN")
                                            + '[[queues.consumers]]\nqueue = "jobs"\n')
    env = load_env(tmp_path, clock=ManualClock(1_000))
    await env.JOBS.send(1)
    await env.AGAIN.send(2)
    assert [m.delay_seconds for m in env.JOBS.sent + env.AGAIN.sent] == [86400, 86400]
    assert (env.JOBS.broker.pending(), env.JOBS.broker.next_due()) == (2, 1_000 + 86400)

