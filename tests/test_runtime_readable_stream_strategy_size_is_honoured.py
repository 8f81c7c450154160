"""``new ReadableStream(source, {highWaterMark, size})``: each chunk counts what the strategy's
``size(chunk)`` answers, as workerd counts it (standard.c++ ``ReadableStreamDefaultController::
enqueue``), so ``pull`` is asked while the sizes queued stay under the highWaterMark and
``desiredSize`` is the highWaterMark less them; a ``size`` that throws or answers what is no
``uint64`` errors the stream (the enqueue returns; reads reject with jsg's TypeError); a ``size``
that is no function (``null`` too) is jsg's TypeError at the constructor; a ``type: "bytes"``
source counts each chunk's bytes and never calls ``size``. Before, ``size`` was not read: each
chunk counted 1. Production's answers: a JavaScript twin under wrangler dev 4.164.0
(``tools/wrangler/readable_size_probe.py``: 14 of 15 cases the same, the 15th a Python
exception's own text)."""

from __future__ import annotations

import pytest
from worker_helpers import fetched_json, one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json

from js import JSON, Object, ReadableStream, Uint8Array
from pyodide.ffi import JsException, create_proxy, to_js
from workers import Response, WorkerEntrypoint


def obj(**fields):
    return to_js(fields, dict_converter=Object.fromEntries)


async def one(size):
    out, c = [], []
    try:
        s = ReadableStream.new(obj(start=create_proxy(lambda ctrl: c.append(ctrl) or ctrl.enqueue("x"))),
                               obj(highWaterMark=5, size=size))
    except JsException as e:
        return f"{e.name}: {e.message}"
    out.append(c[0].desiredSize)
    try:
        out.append((await s.getReader().read()).value)
    except JsException as e:
        out.append(f"{e.name}: {e.message}")
    return out


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        log, c = [], []

        def pull(ctrl):
            ctrl.enqueue("abcd")
            log.append(ctrl.desiredSize)

        s = ReadableStream.new(obj(start=create_proxy(c.append), pull=create_proxy(pull)),
                               obj(highWaterMark=10, size=create_proxy(len)))
        await asyncio.sleep(0.2)  # the pulls' chain done (it stops at desiredSize 0: a longer wait changes nothing)
        out = {"pulls": list(log)}
        await s.getReader().read()
        await asyncio.sleep(0.2)
        out["after a read"] = [len(log), c[0].desiredSize]
        out["values"] = [await one(create_proxy(lambda chunk, v=v: v)) for v in (-1, float("nan"), "3", 2.7, None, 2.0**70,
                                                                                   -(2**60), 2**64)]
        out["not a function"] = [await one(5), await one(JSON.parse("null"))]
        bytes_out = []
        b = ReadableStream.new(obj(type="bytes", start=create_proxy(lambda ctrl: ctrl.enqueue(Uint8Array.new(3)) or
                                                                    bytes_out.append(ctrl.desiredSize))),
                               obj(highWaterMark=10, size=create_proxy(lambda chunk: 100)))
        bytes_out.append((await b.getReader().read()).value.byteLength)
        out["bytes"] = bytes_out
        return Response(json.dumps(out))
'''

NOT_INTEGER = "TypeError: The value cannot be converted because it is not an integer."
BIGINT = ("TypeError: The value cannot be converted because it is either negative and this API expects a positive "
          "bigint, or the value would be truncated.")


@pytest.mark.asyncio
async def test_a_strategys_size_counts_each_chunk_as_workerd_counts_it(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-03-01"))
    assert await fetched_json(worker, "/") == {
        "pulls": [6, 2, -2],  # three pulls of 4 against 10 (was ten, each chunk counting 1)
        "after a read": [3, 2],
        "values": [
            [None, "TypeError: The value cannot be converted because it is negative and this API expects a positive "
                   "bigint."],
            [None, NOT_INTEGER], [2, "x"], [3, "x"], [None, NOT_INTEGER],
            [None, "TypeError: Value out of range. Must be less than or equal to 18446744073709551615."],
            [None, BIGINT], [None, BIGINT],  # a BigInt below 0 or past 2**64 - 1 (Python's int past 2**53)
        ],
        "not a function": ["TypeError: Incorrect type for the 'size' field on 'StreamQueuingStrategy': the provided "
                           "value is not of type 'function'."] * 2,
        "bytes": [7, 3],
    }


MORE_ENTRY = """
import json
from js import Error, Object, ReadableStream, Uint8Array
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint


def obj(**fields):
    return to_js(fields, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"bytes without size": []}
        b = ReadableStream.new(obj(type="bytes", start=create_proxy(
            lambda ctrl: ctrl.enqueue(Uint8Array.new(3)) or out["bytes without size"].append(ctrl.desiredSize))),
            obj(highWaterMark=10))
        out["bytes without size"].append((await b.getReader().read()).value.byteLength)
        c = []

        def size(chunk):
            c[0].error(Error.new("from size"))
            return 1

        s = ReadableStream.new(obj(start=create_proxy(c.append)), obj(highWaterMark=5, size=create_proxy(size)))
        out["size errors the stream"] = []
        for step in (lambda: c[0].enqueue("x"), lambda: s.getReader().read()):
            try:
                result = step()
                if result is not None:
                    await result
                out["size errors the stream"].append("done")
            except Exception as exc:
                out["size errors the stream"].append(f"{exc.name}: {exc.message}")
        return Response(json.dumps(out))
"""


@pytest.mark.asyncio
async def test_a_byte_sources_chunks_count_their_bytes_and_a_size_may_error_its_stream(tmp_path):
    """As under wrangler dev 4.164.0 (``tools/wrangler/stream_release_probe.py``): a ``type:
    "bytes"`` source's chunk counts its bytes without any ``size`` too; a ``size`` that errors the
    stream itself lets the enqueue return and the read reject with that error (audit24: mutants counting such a chunk 1, or
    queueing it onto the errored stream, passed the test above)."""
    worker = load_worker(one_file_worker(tmp_path, MORE_ENTRY, date="2026-03-01"))
    assert await fetched_json(worker, "/") == {"bytes without size": [7, 3],
                                               "size errors the stream": ["done", "Error: from size"]}


PENDING_ENTRY = """
import asyncio
import json
from js import Object, Promise, ReadableStream, setTimeout
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint


def obj(**fields):
    return to_js(fields, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        pulls, c = [], []

        def pull(ctrl):
            pulls.append(1)

            def later(resolve, reject):
                setTimeout(create_proxy(lambda: ctrl.enqueue("abcdefgh") or resolve(None)), 10)

            return Promise.new(create_proxy(later))

        async def settled(size):  # the pending pull's 10 ms timer has run (up to 2 s under load)
            for _ in range(200):
                if c[0].desiredSize == size:
                    break
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.03)  # and no further pull came after it

        s = ReadableStream.new(obj(start=create_proxy(c.append), pull=create_proxy(pull)),
                               obj(highWaterMark=5, size=create_proxy(lambda chunk: len(chunk))))
        await settled(-3)
        out = [[len(pulls), c[0].desiredSize]]
        r = s.getReader()
        await r.read()
        out.append([len(pulls), c[0].desiredSize])
        await r.read()  # waits for the next pull's chunk, handed to it as it is enqueued
        out.append([len(pulls), c[0].desiredSize])
        await settled(-3)
        out.append([len(pulls), c[0].desiredSize])
        return Response(json.dumps(out))
"""


@pytest.mark.asyncio
async def test_a_chunk_handed_to_a_waiting_read_is_not_queued(tmp_path):
    """A chunk enqueued while a read waits goes to that read, not into the queue: ``pull`` is
    asked again, as under wrangler dev 4.164.0 (``tools/wrangler/stream_release_probe.py``:
    ``[[1, -3], [1, 5], [3, 5], [3, -3]]``; audit24: a mutant counting that chunk against the
    highWaterMark stopped at two pulls and passed the tests above). workerd has made that third pull by the time the read's ``await``
    returns: ``pull``'s promise settling is a promise reaction, run before the read it fed resumes (leftovers50: workers-env made it a
    loop turn later, ``[2, 5]`` there)."""
    worker = load_worker(one_file_worker(tmp_path, PENDING_ENTRY, date="2026-03-01"))
    out = await fetched_json(worker, "/")
    assert out == [[1, -3], [1, 5], [3, 5], [3, -3]]


REJECTED_PULL_ENTRY = """
from js import Error, Object, Promise, ReadableStream
from pyodide.ffi import JsException, create_proxy, to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        def pull(ctrl):
            return Promise.new(create_proxy(lambda resolve, reject: reject(Error.new("pull failed"))))

        s = ReadableStream.new(to_js({"pull": create_proxy(pull)}, dict_converter=Object.fromEntries))
        try:
            await s.getReader().read()
        except JsException as e:
            return Response(f"{e.name}: {e.message}")
        return Response("read")
"""


@pytest.mark.asyncio
async def test_a_pulls_rejected_javascript_promise_errors_the_stream(tmp_path):
    """A ``pull`` returning a JavaScript promise that rejects errors the stream with its reason, the
    read rejecting with it (the spec's ``ReadableStreamDefaultControllerCallPullIfNeeded``): taken as
    a promise reaction since leftovers50, no longer by awaiting the promise in a task."""
    worker = load_worker(one_file_worker(tmp_path, REJECTED_PULL_ENTRY, date="2026-03-01"))
    assert await (await worker.fetch("/")).text() == "Error: pull failed"
