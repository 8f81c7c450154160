"""A JavaScript ``Map`` compares keys by SameValueZero, so ``true`` and ``1``, ``false`` and ``0``
are four keys (``new Map([[1, "a"], [true, "b"]]).size`` is 2), where Python's ``True == 1``
would merge them; ``1`` and ``1.0`` are one number in JavaScript, one key. Kept apart by
``get``/``has``/``delete``, iteration, ``console.log`` and a ``v8`` Queue message's ``Map``, whose
consumer gets both (review55). Before, ``m.set(True, "t")`` overwrote ``m.get(1)``."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import js, load_worker


def test_true_and_1_are_two_keys(capsys):
    m = js.Map.new()
    for key, value in ((1, "one"), (True, "t"), (1.0, "f"), (0, "z"), (False, "F")):
        m.set(key, value)
    assert m.size == 4
    assert list(m.keys()) == [1, True, 0, False] and [type(k) for k in m.keys()] == [int, bool, int, bool]
    assert (m.get(1), m.get(True), m.get(0), m.get(False)) == ("f", "t", "z", "F")
    assert m.delete(True) and m.has(1) and not m.has(True)
    js.console.log(m)
    assert capsys.readouterr().out == "Map(3) { 1 => 'f', 0 => 'z', false => 'F' }\n"


ENTRY = '''
from js import Map
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

SEEN = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.JOBS.send(Map.new(to_js([[1, "one"], [True, "t"]])), contentType="v8")
        return Response("sent")

    async def queue(self, batch, env, ctx):
        body = batch.messages[0].body
        SEEN.extend([body.size, body.get(1), body.get(True)])
'''


@pytest.mark.asyncio
async def test_a_v8_queue_map_keeps_both(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=consumed_queue()))
    assert await (await worker.fetch("/")).text() == "sent"
    assert worker.env.unwrapped("JOBS").sent[0].size == 16  # V8: header 2, Map 1, 1 2, "one" 5, true 1, "t" 3, end 2
    assert all(d.error is None for d in await worker.deliver_queues())
    assert worker.module.SEEN == [2, "one", "t"]
