"""Miniflare's ``backlogBytes`` counts a ``v8`` message by its V8 serialisation (workerd's
``serializeV8``, version 15, header included), which the 128,000-byte limit also reads: measured
under wrangler dev 4.164.0 by sending each body alone to a queue whose consumer waits
(``tools/wrangler/queue_probe.py sizes``): 10 ASCII characters 14 bytes, ``"€"`` 6, ``"€€"`` 8,
``1`` 4, ``2**30 - 1`` 8 but ``2**30`` 11 (no longer a small integer), ``-(2**30)`` 8 but
``-(2**30) - 1`` 11 (the other end of a Smi's 31 bits), ``1.5`` 11, ``true`` 3,
``[1, 2, 3]`` 13, ``{a: 1}`` 10, ``{"1": 1}`` 9, ``{a: ["€"]}`` 17, three bytes' ``ArrayBuffer`` 7,
``2n ** 64n`` 20; and (review52) ``-0`` 11 (a double, no Smi), ``[1, 1.5]`` and ``[1.5, 1]`` 25 (V8
keeps an array of numbers one of which is no Smi as doubles) but ``[1, 1.5, "a"]`` 21, a ``Set`` of
``"a"`` and ``1`` 10, ``[o, o]`` 17 (the second ``o`` a reference), ``{a: 1, "€": 1}`` 16 and
``["a", "€"]`` 15 (a two-byte string's padding), ``{"2": 1, b: 1, "1": 1}`` 18, ``{"4294967294": 1}``
16, ``Int32Array([1, 2])`` 17, ``Float64Array([1, 2])`` 25, ``new Date(0)`` 11, ``[]`` 7, ``{}`` 5,
``[[]]`` 12, 128 ASCII characters 133, 128 objects then one twice 399 (its id, 129, two bytes)."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_env
from workers_env._jsvalues import JsDate, JsSet, JsTypedArray

SHARED, EMPTY = {"a": 1}, {}

MEASURED = [("a" * 10, 14), ("€", 6), ("€€", 8), ("éée", 7), (1, 4), (-1, 4), (2**30 - 1, 8), (2**30, 11),
            (-(2**30), 8), (-(2**30) - 1, 11), (1.5, 11),
            (True, 3), (None, 3), ([1, 2, 3], 13), ({"a": 1}, 10), ({"1": 1}, 9), ({"a": ["€"]}, 17),
            (b"\x01\x02\x03", 7), (2**64, 20),
            (-0.0, 11), ([1, 1.5], 25), ([1.5, 1], 25), ([1, 1.5, "a"], 21), ([-0.0], 16), (JsSet(["a", 1]), 10),
            ([SHARED, SHARED], 17), ({"a": 1, "€": 1}, 16), (["a", "€"], 15), ({"2": 1, "b": 1, "1": 1}, 18),
            ({1: 1}, 9), ({"4294967294": 1}, 16), (JsTypedArray("Int32Array", [1, 2]), 17),
            (JsTypedArray("Float64Array", [1, 2]), 25), (JsDate(0), 11), ([], 7), ({}, 5), ([[]], 12),
            ("a" * 128, 133), ([{} for _ in range(128)] + [EMPTY, EMPTY], 399)]


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "size"), MEASURED, ids=[f"{type(b).__name__}:{b!r}"[:40] if not isinstance(b, JsDate) else "Date" for b, _ in MEASURED])
async def test_backlog_bytes_grow_by_the_v8_size(tmp_path, body, size):
    queue = load_env(one_file_worker(tmp_path, "", extra=consumed_queue(max_batch_timeout=60))).unwrapped("JOBS")
    await queue.send(body, {"contentType": "v8"})
    assert (await queue.metrics())["backlogBytes"] == size
