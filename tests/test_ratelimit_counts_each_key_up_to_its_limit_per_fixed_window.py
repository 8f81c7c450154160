"""``env.RL.limit({"key": k})`` counts as wrangler dev 4.164.0's Miniflare counts: up to
``simple.limit`` calls per key in a fixed window of ``simple.period`` seconds aligned to the
clock (``floor(now_ms / (period * 1000))``), a call at the limit failing and counting nothing,
``delta`` a call's weight, a call's own ``limit``/``period`` (tools/wrangler/ratelimit_differential.py:
113/113 against a JavaScript twin). Held to a slow reference of the same arithmetic."""

from __future__ import annotations

import asyncio
import math
import random

from worker_helpers import one_file_worker, rate_limit

from workers_env import JsDict, ManualClock, RateLimit, load_env

CONFIG = rate_limit("RL", "1", 3, 10) + rate_limit("MINUTE", "2", 2, 60)
#: 2027-01-15T08:00:00Z: a whole minute, so windows of 10 s and 60 s begin here
START = 1_800_000_000.0


def _env(tmp_path, start=START):
    clock = ManualClock(start)
    return load_env(one_file_worker(tmp_path, "", extra=CONFIG), clock=clock), clock


def _calls(binding, *options):
    async def run():
        return [(await binding.limit(o))["success"] for o in options]
    return asyncio.run(run())


def test_a_key_passes_up_to_the_limit_and_fails_past_it(tmp_path):
    env, _ = _env(tmp_path)
    assert _calls(env.RL, *[{"key": "a"}] * 5) == [True, True, True, False, False]
    assert _calls(env.RL, {"key": "b"}, {"key": ""}, {}) == [True, True, True]  # no key is the key ""
    assert env.unwrapped("RL").counter.count("a", 10, int(START * 1000)) == 3  # the failures counted nothing


def test_the_answer_is_an_object_with_success(tmp_path):
    env, _ = _env(tmp_path)
    result = asyncio.run(env.RL.limit({"key": "a"}))
    assert type(result) is JsDict and result == {"success": True} and result.success is True
    assert isinstance(env.unwrapped("RL"), RateLimit)


def test_the_window_rolls_over_at_the_clocks_boundary_not_a_period_after_the_first_call(tmp_path):
    env, clock = _env(tmp_path, START + 7)  # 3 s before the 10 s boundary
    assert _calls(env.RL, *[{"key": "a"}] * 4) == [True, True, True, False]
    clock.advance(2.999)  # 9.999 s into the window
    assert _calls(env.RL, {"key": "a"}) == [False]
    clock.advance(0.001)  # the boundary itself: a new window
    assert _calls(env.RL, *[{"key": "a"}] * 4) == [True, True, True, False]
    assert _calls(env.MINUTE, {"key": "a"}, {"key": "a"}, {"key": "a"}) == [True, True, False]
    clock.advance(49.999)  # a minute's window is the minute of the clock
    assert _calls(env.MINUTE, {"key": "a"}) == [False]
    clock.advance(0.001)
    assert _calls(env.MINUTE, {"key": "a"}) == [True]


def test_delta_weighs_a_call_and_one_call_may_pass_the_limit(tmp_path):
    env, _ = _env(tmp_path)
    assert _calls(env.RL, {"key": "d", "delta": 2}, {"key": "d", "delta": 5}, {"key": "d"}) == [True, True, False]
    assert _calls(env.RL, {"key": "e", "delta": 2.9}, {"key": "e", "delta": "1"}, {"key": "e"}) == [True, True, False]


def test_a_calls_own_limit_and_period(tmp_path):
    env, _ = _env(tmp_path)
    assert _calls(env.RL, {"key": "o", "limit": 1}, {"key": "o", "limit": 1}, {"key": "o", "limit": 10}) == \
        [True, False, True]
    assert _calls(env.RL, {"key": "o", "limit": 2.5}, {"key": "o", "limit": 2.5}) == [True, False]  # 2 < 2.5, 3 >= 2.5
    # NaN and the infinities cross Miniflare's JSON as null, which compares as 0; 0 and less: always full
    for limit in (math.nan, math.inf, 0, -1):
        assert _calls(env.RL, {"key": "n", "limit": limit}) == [False]
    # (key, period) is the count: the same key under another period counts apart
    assert _calls(env.RL, *[{"key": "p", "period": 60}] * 4, {"key": "p"}) == [True, True, True, False, True]


def test_keywords_are_the_options_object(tmp_path):
    env, _ = _env(tmp_path)
    async def run():
        return [(await env.RL.limit(key="k")).success for _ in range(4)]
    assert asyncio.run(run()) == [True, True, True, False]


def _reference(calls, limit, period):
    """The same arithmetic, slowly: each call's success from the sum of the weights that
    succeeded under its key and period in its window."""
    taken: list[tuple[str, int, int, int]] = []
    out = []
    for key, delta, now_ms in calls:
        window = now_ms // (period * 1000)
        count = sum(d for k, p, w, d in taken if (k, p, w) == (key, period, window))
        out.append(count < limit)
        if count < limit:
            taken.append((key, period, window, delta))
    return out


def test_random_calls_agree_with_the_slow_reference(tmp_path):
    rng = random.Random(49)
    env, clock = _env(tmp_path)
    calls, now = [], int(START * 1000)
    for _ in range(600):
        now += rng.choice([0, 0, 0, 1, 7, 250, 999, 3_000, 9_999, 10_000])
        calls.append((rng.choice("abc"), rng.choice([1, 1, 1, 2]), now))
    got, seen = [], []
    for key, delta, at in calls:
        clock.set(at / 1000)
        seen.append((key, delta, clock.now_ms()))  # (the float's own milliseconds)
        got.append(env.unwrapped("RL").limit_sync({"key": key, "delta": delta})["success"])
    assert got == _reference(seen, 3, 10)
    assert 0 < sum(got) < len(got)
