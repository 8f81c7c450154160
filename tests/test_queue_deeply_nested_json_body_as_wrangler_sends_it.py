"""A ``json`` queue message body nested deeply, as workerd 1.20261201.1 takes it (a JavaScript twin,
a producer and consumer of one queue, ``tools/wrangler/queue_json_depth_probe.py`` under wrangler dev
4.168.0 running that binary, wd70): ``send()`` sent 4,297 levels of arrays and 3,342 of objects and
refused 4,298 and 3,343 (and 20,000) with ``RangeError: Maximum call stack size exceeded``
(``sendBatch()`` a level more, or the same) -- workerd's ``serialize`` runs ``v8::JSON::Stringify``,
whose stack an object level takes more of than an array level (arrays and objects in turn: 3,760
sent, 3,761 refused, as those shares add up). wrangler 4.168.0's own workerd 1.20261123.1
(wprobes69) sent 4,303 and 3,346 (4,302 run beside it, wd70), wrangler dev 4.164.0 (leftovers47)
5,028 levels of either. The consumer gets the body whole
(workerd's ``JSON.parse``; wrangler's own hand-off to the consumer failed from about 3,000 levels of
arrays, 2,000 of objects, which production's does not share: "Where we had to choose"). Before
leftovers47, anything past 1,000 levels was ``Error: Queue send failed: Internal Server Error``."""

from __future__ import annotations

import pytest
from worker_helpers import queue_worker

from workers_env import NotEmulatedError, load_env, load_worker

CODE = '''
from js import Array, JSON, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

got = []


def nested(n, kind):
    value = 0
    for i in range(n):
        if kind == "array" or (kind == "mixed" and i % 2 == 0):
            value = Array.of(value)
        else:
            value = Object.fromEntries(to_js([["a", value]]))
    return value


def depth(value):
    levels = 0
    while not isinstance(value, int):
        value, levels = (value[0] if Array.isArray(value) else value.a), levels + 1
    return levels


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        n, kind, how = request.url.split("?")[1].split("&")
        try:
            if how == "batch":
                await self.env.Q.sendBatch(to_js([{"body": nested(int(n), kind)}], dict_converter=Object.fromEntries))
            else:
                await self.env.Q.send(nested(int(n), kind))
            return Response("sent")
        except Exception as error:
            return Response(f"{getattr(error, 'name', type(error).__name__)}: {getattr(error, 'message', error)}")

    async def queue(self, batch, env, ctx):
        for message in batch.messages:
            got.append(depth(message.body))
            try:
                message.body.to_py()
            except Exception as error:
                got.append(type(error).__name__)
'''
REFUSED = "RangeError: Maximum call stack size exceeded"


@pytest.fixture
def project(tmp_path):
    return queue_worker(tmp_path, CODE)


#: (levels sent, levels refused) by workerd 1.20261201.1's JavaScript twin, by the body's kind
BORDERS = {"array": (4297, 4298), "object": (3342, 3343), "mixed": (3760, 3761)}


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["send", "batch"])
@pytest.mark.parametrize("kind", ["array", "object", "mixed"])
async def test_a_body_as_deep_as_the_twin_sent_is_sent_and_delivered_whole(project, how, kind):
    worker = load_worker(project)
    sent = BORDERS[kind][0]
    assert await (await worker.fetch(f"/?{sent}&{kind}&{how}")).text() == "sent"
    [delivery] = await worker.deliver_queues()
    # the consumer reads it whole; its to_py() past 1,000 levels is workers-env's clear refusal
    assert delivery.error is None and worker.module.got == [sent, "NotEmulatedError"]


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["send", "batch"])
@pytest.mark.parametrize("kind", ["array", "object", "mixed"])
async def test_a_body_as_deep_as_the_twin_refused_is_v8s_range_error(project, how, kind):
    worker = load_worker(project)
    assert await (await worker.fetch(f"/?{BORDERS[kind][1]}&{kind}&{how}")).text() == REFUSED
    assert await (await worker.fetch(f"/?20000&{kind}&{how}")).text() == REFUSED
    assert await worker.deliver_queues() == []


@pytest.mark.asyncio
async def test_a_body_of_1001_levels_is_delivered(project):
    worker = load_worker(project)
    assert await (await worker.fetch("/?1001&object&send")).text() == "sent"
    await worker.deliver_queues()
    assert worker.module.got == [1001, "NotEmulatedError"]


def nested_list(n: int) -> object:
    value: object = 0
    for _ in range(n):
        value = [value]
    return value


def nested_dict(n: int) -> object:
    value: object = 0
    for _ in range(n):
        value = {"a": value}
    return value


@pytest.mark.asyncio
async def test_test_codes_python_body_is_judged_alike(project):
    env = load_env(project)
    queue = env.unwrapped("Q")
    with pytest.raises(Exception, match="^RangeError: Maximum call stack size exceeded$") as refused:
        await queue.send(nested_list(4298))
    assert getattr(refused.value, "name", None) == "RangeError"
    with pytest.raises(Exception, match="^RangeError: Maximum call stack size exceeded$"):
        await queue.send(nested_dict(3343))
    await queue.send(nested_list(4297))
    await queue.send(nested_dict(3342))
    assert [message.size for message in queue.sent] == [2 * 4297 + 1, 6 * 3342 + 1]
    env.close()


@pytest.mark.asyncio
async def test_a_circle_deeper_than_256_levels_is_still_named_a_circle(project):
    """V8 names a value inside itself before its stack runs out, however deep the circle starts."""
    env = load_env(project)
    loop: list[object] = []
    loop.append([loop])
    outer: object = loop
    for _ in range(400):
        outer = [outer]
    with pytest.raises(Exception, match="^TypeError: Converting circular structure to JSON") as refused:
        await env.unwrapped("Q").send(outer)
    assert getattr(refused.value, "name", None) == "TypeError"
    with pytest.raises(NotEmulatedError):  # (nothing else changed: v8 keeps its own borders)
        await env.unwrapped("Q").send(nested_list(2000), {"contentType": "v8"})
    env.close()
