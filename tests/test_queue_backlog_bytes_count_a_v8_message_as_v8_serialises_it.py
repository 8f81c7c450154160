"""Miniflare's ``backlogBytes`` counts a ``v8`` message by its V8 serialisation (workerd's
``serializeV8``, version 15, header included), which the 128,000-byte limit also reads: measured
under wrangler dev 4.164.0 by sending each body alone to a queue whose consumer waits
(``tools/wrangler/queue_probe.py sizes``): 10 ASCII characters 14 bytes, ``"€"`` 6, ``"€€"`` 8,
``1`` 4, ``2**30 - 1`` 8 but ``2**30`` 11 (no longer a small integer), ``-(2**30)`` 8 but
``-(2**30) - 1`` 11 (the other end of a Smi's 31 bits), ``1.5`` 11, ``true`` 3,
``[1, 2, 3]`` 13, ``{a: 1}`` 10, ``{"1": 1}`` 9, ``{a: ["€"]}`` 17, three bytes' ``ArrayBuffer`` 7,
``2n ** 64n`` 20."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_env

MEASURED = [("a" * 10, 14), ("€", 6), ("€€", 8), ("éée", 7), (1, 4), (-1, 4), (2**30 - 1, 8), (2**30, 11),
            (-(2**30), 8), (-(2**30) - 1, 11), (1.5, 11),
            (True, 3), (None, 3), ([1, 2, 3], 13), ({"a": 1}, 10), ({"1": 1}, 9), ({"a": ["€"]}, 17),
            (b"\x01\x02\x03", 7), (2**64, 20)]


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "size"), MEASURED, ids=[repr(b) for b, _ in MEASURED])
async def test_backlog_bytes_grow_by_the_v8_size(tmp_path, body, size):
    queue = load_env(one_file_worker(tmp_path, "", extra=consumed_queue(max_batch_timeout=60))).unwrapped("JOBS")
    await queue.send(body, {"contentType": "v8"})
    assert (await queue.metrics())["backlogBytes"] == size
