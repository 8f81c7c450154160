"""A JavaScript ``Map`` compares keys by SameValueZero, so ``true`` and ``1``, ``false`` and ``0``
are four keys (``new Map([[1, "a"], [true, "b"]]).size`` is 2), where Python's ``True == 1``
would merge them; ``1`` and ``1.0`` are one number in JavaScript, one key. Kept apart by
``get``/``has``/``delete``, iteration, ``console.log`` and a ``v8`` Queue message's ``Map``, whose
consumer gets both (review55); ``to_py()`` of a ``Map`` holding both, which one dict key would
merge, is Pyodide's ``Error: Cannot faithfully convert Map into Python since it contains both 1 and
true as keys.``, ``true`` and ``false`` alone convert. Each as real Pyodide 0.26.0a4, 0.28.2 and
314.0.6 under Node answers. Before, ``m.set(True, "t")`` overwrote ``m.get(1)``."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import JsException, js, load_worker
from workers_env.runtime.jsconvert import to_js


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



@pytest.mark.parametrize(("pairs", "made"), [
    ([[1, "a"], [True, "b"]], "1 and true"), ([[0, "a"], [False, "b"]], "0 and false"),
    ([[True, "b"], [1.0, "a"]], "1 and true"), ([[True, "b"], [False, "a"]], {True: "b", False: "a"}),
    ([[True, "b"], [0, "a"]], {True: "b", 0: "a"})])
def test_to_py_of_true_beside_1_is_pyodides_error(pairs, made):
    m = js.Map.new(to_js(pairs))
    if isinstance(made, dict):
        assert m.to_py() == made
    else:
        with pytest.raises(JsException) as info:
            m.to_py()
        assert str(info.value) == f"Error: Cannot faithfully convert Map into Python since it contains both {made} as keys."


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
