"""A ``queues.consumers`` option out of Miniflare's range stops ``load_env`` with a
``ConfigError``, as ``wrangler dev`` 4.164.0 refuses to start with it (zod's texts, measured:
``max_batch_size = 101`` is ``Too big: expected number to be <=100``, ``retry_delay = 1.5``
``Invalid input: expected int, received number``, ``retry_delay`` 86401 and -1 ``Too big: expected
number to be <=86400`` and ``Too small: expected number to be >=0``, queues43); a batch size of 0,
which Miniflare takes and
then delivers empty batches without end, is refused too."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_env

BASE = 'name = "w"\ncompatibility_date = "2026-05-01"\n[[queues.producers]]\nbinding = "JOBS"\nqueue = "jobs"\n'


@pytest.mark.parametrize(("option", "text"), [
    ("max_batch_size = 101", 'queues.consumers[0].max_batch_size = 101: wrangler dev refuses to start with it '
                             '(Miniflare: "Too big: expected number to be <=100"); give a number from 1 to 100'),
    ("retry_delay = 1.5", 'queues.consumers[0].retry_delay = 1.5: wrangler dev refuses to start with it (Miniflare: '
                          '"Invalid input: expected int, received number"); give a whole number from 0 to 86400'),
    ("retry_delay = 86401", 'queues.consumers[0].retry_delay = 86401: wrangler dev refuses to start with it '
                            '(Miniflare: "Too big: expected number to be <=86400"); give a whole number from 0 to 86400'),
    ("retry_delay = -1", 'queues.consumers[0].retry_delay = -1: wrangler dev refuses to start with it (Miniflare: '
                         '"Too small: expected number to be >=0"); give a whole number from 0 to 86400'),
    ("max_batch_timeout = -1", 'queues.consumers[0].max_batch_timeout = -1: wrangler dev refuses to start with it '
                               '(Miniflare: "Too small: expected number to be >=0"); give a number from 0 to 60'),
    ("max_batch_size = 0", "queues.consumers[0].max_batch_size = 0: wrangler dev takes it and then delivers empty "
                           "batches without end; give a batch size from 1 to 100"),
    # one past each other end of Miniflare's ranges (V4QueueConsumerOptionsSchema in wrangler 4.164.0's
    # miniflare: min(0).max(100), min(0).max(60), min(0).max(100); retryDelay an int from 0 to 86400)
    ("max_batch_size = -1", 'queues.consumers[0].max_batch_size = -1: wrangler dev refuses to start with it '
                            '(Miniflare: "Too small: expected number to be >=0"); give a number from 1 to 100'),
    ("max_batch_timeout = 61", 'queues.consumers[0].max_batch_timeout = 61: wrangler dev refuses to start with it '
                               '(Miniflare: "Too big: expected number to be <=60"); give a number from 0 to 60'),
    ("max_retries = 101", 'queues.consumers[0].max_retries = 101: wrangler dev refuses to start with it '
                          '(Miniflare: "Too big: expected number to be <=100"); give a number from 0 to 100'),
    ("max_retries = -1", 'queues.consumers[0].max_retries = -1: wrangler dev refuses to start with it '
                         '(Miniflare: "Too small: expected number to be >=0"); give a number from 0 to 100'),
])
def test_out_of_range_is_refused(tmp_path, option, text):
    (tmp_path / "wrangler.toml").write_text(BASE + f'[[queues.consumers]]\nqueue = "jobs"\n{option}\n')
    with pytest.raises(ConfigError) as caught:
        load_env(tmp_path)
    assert str(caught.value) == text


@pytest.mark.parametrize("options", [
    "max_batch_size = 100\nmax_batch_timeout = 60\nmax_retries = 0\nretry_delay = 86400\n",
    "max_batch_size = 1\nmax_batch_timeout = 0\nmax_retries = 100\nretry_delay = 0\n",
])
def test_the_ends_of_the_ranges_are_taken(tmp_path, options):
    (tmp_path / "wrangler.toml").write_text(BASE + f'[[queues.consumers]]\nqueue = "jobs"\n{options}')
    assert load_env(tmp_path).unwrapped("JOBS").broker.consumes("jobs")
