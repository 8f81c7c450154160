"""A ``v8`` queue message body nested deeply as V8's serializer takes it, measured with a JavaScript
twin under wrangler dev 4.168.0 running workerd 1.20261201.1 (V8 15.9; a producer and consumer of one
queue, ``tools/wrangler/queue_json_depth_probe.py``, wd70): ``send()`` sent 2,629 levels of arrays, of
objects and of the two in turn, and refused 2,630 (and 10,000) with ``RangeError: Maximum call stack
size exceeded`` -- a level of either takes the same share of its stack; ``structuredClone`` cloned
2,086 levels of arrays and refused 2,087, objects from 2,631 or 2,632, the two in turn from 2,328 (its
deserializer's). wrangler 4.168.0's own workerd 1.20261123.1 (V8 15.8, wprobes69) sent 2,087 levels of
arrays and 3,782 of objects; wrangler dev 4.164.0 (leftovers46b) refused 3,370 levels of either. Here a
body up to 1,000 levels is sent and delivered, one V8's serializer refused however shallow its stack
(2,630 levels of arrays or objects) its ``RangeError``, and one in between not emulated (production's
outcome depends on its stack) -- before leftovers46b, each ended in a bare ``RecursionError`` from 300
levels or so: at send, in the consumer's clone, or in ``structuredClone``."""

from __future__ import annotations

import time

import pytest
from worker_helpers import queue_worker

from workers_env import NotEmulatedError, load_env, load_worker

CODE = '''
from js import Array, JSON, Object, structuredClone
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

got = []


def nested(n, kind="array"):
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
        n, how, *kind = request.url.split("?")[1].split("&")
        try:
            if how == "clone":
                return Response(f"cloned {depth(structuredClone(nested(int(n), *kind)))}")
            await self.env.Q.send(nested(int(n), *kind), JSON.parse('{"contentType": "v8"}'))
            return Response("sent")
        except Exception as error:
            return Response(f"{getattr(error, 'name', type(error).__name__)}: {getattr(error, 'message', error)}")

    async def queue(self, batch, env, ctx):
        got.extend(depth(message.body) for message in batch.messages)
'''
REFUSED = "RangeError: Maximum call stack size exceeded"


@pytest.fixture
def project(tmp_path):
    return queue_worker(tmp_path, CODE)


@pytest.mark.asyncio
@pytest.mark.parametrize("levels", [2630, 10_000])
async def test_a_body_v8_refused_is_its_range_error(project, levels):
    worker = load_worker(project)
    assert await (await worker.fetch(f"/?{levels}&send")).text() == REFUSED
    assert await (await worker.fetch(f"/?{levels}&clone")).text() == REFUSED
    assert await worker.deliver_queues() == []


@pytest.mark.asyncio
async def test_objects_take_as_much_of_the_stack_as_arrays(project):
    """The twin sent 2,629 levels of objects and refused 2,630, as arrays; 2,630 of arrays and objects
    in turn it refused too (and ``structuredClone`` them). 1.20261123.1's V8 took 3,782 of objects."""
    worker = load_worker(project)
    assert await (await worker.fetch("/?2630&send&object")).text() == REFUSED
    assert await (await worker.fetch("/?2630&clone&object")).text() == REFUSED
    assert (await (await worker.fetch("/?2629&send&object")).text()).startswith(
        "NotEmulatedError: A v8 queue message of a value nested more than 1,000 levels deep")
    assert await (await worker.fetch("/?3000&send&object")).text() == REFUSED
    assert await (await worker.fetch("/?2630&send&mixed")).text() == REFUSED
    assert await (await worker.fetch("/?2630&clone&mixed")).text() == REFUSED
    assert await worker.deliver_queues() == []


@pytest.mark.asyncio
@pytest.mark.parametrize("levels", [300, 1000])
async def test_a_body_up_to_1000_levels_is_sent_delivered_and_cloned_whole(project, levels):
    worker = load_worker(project)
    assert await (await worker.fetch(f"/?{levels}&send")).text() == "sent"
    assert await (await worker.fetch(f"/?{levels}&clone")).text() == f"cloned {levels}"
    [delivery] = await worker.deliver_queues()
    assert delivery.error is None and worker.module.got == [levels]


@pytest.mark.asyncio
async def test_a_body_between_is_not_emulated(project):
    worker = load_worker(project)
    text = await (await worker.fetch("/?1001&send")).text()
    assert text.startswith("NotEmulatedError: A v8 queue message of a value nested more than 1,000 levels deep")
    text = await (await worker.fetch("/?2629&send")).text()
    assert text.startswith("NotEmulatedError: A v8 queue message of a value nested more than 1,000 levels deep")
    assert (await (await worker.fetch("/?2086&clone")).text()).startswith(
        "NotEmulatedError: structuredClone() of a value nested more than 1,000 levels deep")


@pytest.mark.asyncio
async def test_test_codes_python_body_is_judged_alike(project):
    """A body test code sends through the env's queue producer itself (Python lists within lists)."""
    def nested(n):
        value: object = 0
        for _ in range(n):
            value = [value]
        return value

    env = load_env(project)
    queue = env.unwrapped("Q")
    v8 = {"contentType": "v8"}
    with pytest.raises(Exception, match="^RangeError: Maximum call stack size exceeded$") as refused:
        await queue.send(nested(10_000), v8)
    assert getattr(refused.value, "name", None) == "RangeError"
    with pytest.raises(NotEmulatedError, match="^A v8 queue message of a value nested more than 1,000 levels"):
        await queue.send(nested(2000), v8)
    await queue.send(nested(1000), v8)
    # tuples go to V8 as arrays: an array's share of its stack each, refused from 2,630 levels as lists are
    value: object = 0
    for _ in range(2630):
        value = (value,)
    with pytest.raises(Exception, match="^RangeError: Maximum call stack size exceeded$"):
        await queue.send(value, v8)
    env.close()


@pytest.mark.asyncio
async def test_a_body_sharing_one_list_at_each_level_is_judged_at_once(project):
    """Its depth is walked once a container (as V8 writes a value met again as a reference), not once
    a path: 21 levels of ``[inner, inner]`` hold 2**21 paths, which a walk of each took over ten seconds."""
    value: object = [0]
    for _ in range(21):
        value = [value, value]
    env = load_env(project)
    started = time.monotonic()
    await env.unwrapped("Q").send(value, {"contentType": "v8"})
    assert time.monotonic() - started < 2
    env.close()
