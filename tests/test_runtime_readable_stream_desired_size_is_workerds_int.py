"""A ``new ReadableStream``'s ``desiredSize`` is workerd's C ``int``, and its queue drops chunks
of size 0; a ``type: "bytes"`` source refuses a chunk of no bytes.

workerd converts a strategy's ``size`` answer to a ``uint64``, adds it to its queue's ``size_t``
total, and ``desiredSize`` is ``highWaterMark - total`` cut to a 32-bit ``int`` (queue.h
``desiredSize``, standard.c++ ``getDesiredSize`` returns ``kj::Maybe<int>``; ``getHighWaterMark``
an ``int`` too): a chunk of size 2**32 (or 2**60, or two of 2**63) leaves it where it was, 2**31
turns it negative, and ``pull`` is asked while that ``int`` is above 0. A chunk whose size is 0
reaches no reader (queue.h ``ConsumerImpl::push`` returns on ``entry->getSize() == 0``), even one
waiting. A byte source's zero-length chunk is ``TypeError: Cannot enqueue a zero-length
ArrayBuffer.`` (``ReadableByteStreamController::enqueue``). Production's answers: a JavaScript
twin under wrangler dev 4.164.0 (``tools/wrangler/readable_size_probe.py``, 41 of 42 cases the
same, the 42nd a Python exception's own text). workers-env subtracted in Python's unbounded
ints (``5 - 2**60``), delivered size-0 chunks and queued empty byte chunks.
"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json

from js import ArrayBuffer, BigInt, ReadableStream, Object, Uint8Array
from pyodide.ffi import JsException, create_proxy, to_js
from workers import Response, WorkerEntrypoint


def obj(**fields):
    return to_js(fields, dict_converter=Object.fromEntries)


def after(size, mark=5, chunks=("x",)):
    c = []
    ReadableStream.new(obj(start=create_proxy(c.append)), obj(highWaterMark=mark, size=create_proxy(lambda ch: size)))
    out = [c[0].desiredSize]
    for chunk in chunks:
        c[0].enqueue(chunk)
        out.append(c[0].desiredSize)
    return out


async def read_all(s):
    r, got = s.getReader(), []
    while True:
        step = await r.read()
        if step.done:
            return got
        got.append(step.value)


async def zero_sized():
    def start(c):
        for chunk in ("a", "b", "c"):
            c.enqueue(chunk)
        c.close()

    s = ReadableStream.new(obj(start=create_proxy(start)), obj(highWaterMark=5, size=create_proxy(lambda ch: 0 if ch == "b" else 1)))
    return await read_all(s)


async def zero_sized_while_a_read_waits():
    c = []
    s = ReadableStream.new(obj(start=create_proxy(c.append)), obj(highWaterMark=0, size=create_proxy(lambda ch: 0 if ch == "a" else 1)))
    first = asyncio.ensure_future(s.getReader().read())
    await asyncio.sleep(0.01)
    c[0].enqueue("a")
    await asyncio.sleep(0.01)
    waiting = not first.done()
    c[0].enqueue("b")
    return [waiting, (await first).value]


async def pulls_on():
    count, c = [0], []

    def pull(ctrl):
        count[0] += 1
        if count[0] <= 3:
            ctrl.enqueue("x")

    ReadableStream.new(obj(start=create_proxy(c.append), pull=create_proxy(pull)),
                       obj(highWaterMark=5, size=create_proxy(lambda ch: 2.0**32)))
    await asyncio.sleep(0.02)
    return [count[0], c[0].desiredSize]


async def empty_bytes():
    out = []

    def start(c):
        for chunk in (Uint8Array.new(0), Uint8Array.new(ArrayBuffer.new(8), 8), ArrayBuffer.new(0)):
            try:
                c.enqueue(chunk)
                out.append("enqueued")
            except JsException as e:
                out.append(f"{e.name}: {e.message}")
        c.enqueue(Uint8Array.new(2))
        out.append(c.desiredSize)

    s = ReadableStream.new(obj(type="bytes", start=create_proxy(start)))
    out.append((await s.getReader().read()).value.byteLength)
    thrown = ReadableStream.new(obj(type="bytes", start=create_proxy(lambda c: c.enqueue(Uint8Array.new(0)))))
    try:
        await thrown.getReader().read()
    except JsException as e:
        out.append(f"{e.name}: {e.message}")
    return out


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps({
            "sizes": [after(v) for v in (2**31, 2.0**32, 2.0**32 + 3, float(2**53 + 1), BigInt(2**32 + 1), 2**60,
                                         2**64 - 1)],
            "two of 2**63": after(2**63, chunks=("a", "b")),
            "marks": [after(1, mark=m) for m in (2**32 + 5, 2**31, 2**32 - 1, 2**40)],
            "zero sized": await zero_sized(),
            "zero sized, a read waiting": await zero_sized_while_a_read_waits(),
            "pulls": await pulls_on(),
            "empty bytes": await empty_bytes(),
        }))
'''

ZERO_LENGTH = "TypeError: Cannot enqueue a zero-length ArrayBuffer."


@pytest.mark.asyncio
async def test_desired_size_and_zero_sized_chunks_are_workerds(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    got = await (await worker.fetch("/")).json()
    assert got == {
        "sizes": [[5, -2147483643], [5, 5], [5, 2], [5, 5], [5, 4], [5, 5], [5, 6]],
        "two of 2**63": [5, 5, 5],
        "marks": [[5, 4], [-2147483648, 2147483647], [-1, -2], [0, -1]],
        "zero sized": ["a", "c"],
        "zero sized, a read waiting": [True, "b"],
        "pulls": [4, 5],
        "empty bytes": [ZERO_LENGTH, ZERO_LENGTH, ZERO_LENGTH, -2, 2, ZERO_LENGTH],
    }
