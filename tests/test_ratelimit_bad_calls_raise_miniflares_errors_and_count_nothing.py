"""A ``limit()`` call Miniflare's ratelimit worker refuses raises its error, word for word
(measured under wrangler dev 4.164.0 with a JavaScript twin: tools/wrangler/ratelimit_differential.py),
in its order -- options no object, names beyond key/limit/period/delta, the key, limit and
period types, the period, then delta -- and counts nothing."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, ManualClock, load_env

CONFIG = '[[ratelimits]]\nname = "RL"\nnamespace_id = "1"\nsimple = { limit = 2, period = 10 }\n'

NEG = "The value cannot be converted because it is negative and this API expects a positive number."
NOT_INT = "The value cannot be converted because it is not an integer."

CASES = [
    ((), {}, "Error: invalid rate limit options"),
    ((None,), {}, "Error: invalid rate limit options"),
    (("a",), {}, "Error: invalid rate limit options"),
    ((5,), {}, "Error: invalid rate limit options"),
    ((True,), {}, "Error: invalid rate limit options"),
    (({"key": "z", "x": 1},), {}, "Error: bad rate limit options: [x]"),
    (({"x": 1, "y": 2, "key": "z"},), {}, "Error: bad rate limit options: [x,y]"),
    (({"b": 1, "1": 2, "key": "z"},), {}, "Error: bad rate limit options: [1,b]"),  # JavaScript's key order
    ((), {"key": "z", "extra": 1}, "Error: bad rate limit options: [extra]"),
    (({"key": 5},), {}, "Error: invalid key: 5"),
    (({"key": 1.5},), {}, "Error: invalid key: 1.5"),
    (({"key": True},), {}, "Error: invalid key: true"),
    (({"key": None},), {}, "Error: invalid key: null"),  # the external SDK hands None over as null
    (({"key": 2**60},), {}, "Error: invalid key: 1152921504606846976"),
    (({"key": ["a", 1]},), {}, "Error: invalid key: a,1"),
    (({"key": {"a": 1}},), {}, "Error: invalid key: [object Object]"),
    (({"key": "z", "limit": "3"},), {}, "Error: limit must be a number: 3"),
    (({"key": "z", "limit": None},), {}, "Error: limit must be a number: null"),
    (({"key": "z", "limit": 2**60},), {}, "Error: limit must be a number: 1152921504606846976"),
    (({"key": "z", "period": 30},), {}, "Error: unsupported period: 30"),
    (({"key": "z", "period": 0},), {}, "Error: unsupported period: 0"),
    (({"key": "z", "period": "10"},), {}, "Error: period must be a number: 10"),
    (({"key": "z", "delta": 0},), {}, "RangeError: delta must be non-zero"),
    (({"key": "z", "delta": 0.5},), {}, "RangeError: delta must be non-zero"),
    (({"key": "z", "delta": None},), {}, "RangeError: delta must be non-zero"),
    (({"key": "z", "delta": ""},), {}, "RangeError: delta must be non-zero"),
    (({"key": "z", "delta": -1},), {}, f"TypeError: {NEG}"),
    (({"key": "z", "delta": -0.5},), {}, f"TypeError: {NEG}"),
    (({"key": "z", "delta": float("nan")},), {}, f"TypeError: {NOT_INT}"),
    (({"key": "z", "delta": float("inf")},), {}, f"TypeError: {NOT_INT}"),
    (({"key": "z", "delta": "x"},), {}, f"TypeError: {NOT_INT}"),
    (({"key": "z", "delta": "1_0"},), {}, f"TypeError: {NOT_INT}"),  # JavaScript's Number() reads no underscore
    (({"key": "z", "delta": [1, 2]},), {}, f"TypeError: {NOT_INT}"),
    (({"key": "z", "delta": {}},), {}, f"TypeError: {NOT_INT}"),
    (({"key": "z", "delta": 2**32},), {}, "TypeError: Value out of range. Must be less than or equal to 4294967295."),
    (({"key": "z", "delta": 2**60},), {}, "TypeError: Cannot convert a BigInt value to a number"),
    # the order: the extra name before the key's type, the key before the period, the period before delta
    (({"key": 5, "x": 1},), {}, "Error: bad rate limit options: [x]"),
    (({"key": 5, "period": 30},), {}, "Error: invalid key: 5"),
    (({"key": "z", "period": 30, "delta": 0},), {}, "Error: unsupported period: 30"),
]


@pytest.mark.parametrize(("args", "kwargs", "error"), CASES, ids=[c[2][:40] + str(i) for i, c in enumerate(CASES)])
def test_a_refused_call_raises_miniflares_error_and_counts_nothing(tmp_path, args, kwargs, error):
    env = load_env(one_file_worker(tmp_path, "", extra=CONFIG), clock=ManualClock(1_800_000_000))

    async def run():
        with pytest.raises(JsException) as raised:
            await env.RL.limit(*args, **kwargs)
        return str(raised.value), [(await env.RL.limit({"key": k})).success for k in ("z", "z", "z", "", "", "")]

    text, after = asyncio.run(run())
    assert text == error
    assert after == [True, True, False, True, True, False]  # nothing was counted, under "z" or ""
    assert len(env.unwrapped("RL").counter) == 2
