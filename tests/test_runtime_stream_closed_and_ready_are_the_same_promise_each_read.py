"""A reader's ``closed``, a writer's ``closed`` and ``ready`` are the same promise each time they
are read, as workerd keeps them (``jsg::MemoizedIdentity``, readable.h, writable.h), until workerd
replaces one: a JavaScript ``TransformStream`` writer's ``ready`` when back-pressure begins (a write
while none waits, standard.c++ ``updateBackpressure``) and, once settled, at ``abort()``
(``maybeRejectReadyPromise``) and at ``releaseLock()`` (``releaseWriter``); an internal stream's
(``IdentityTransformStream``, ``FixedLengthStream``) never; ``closed`` never -- one that resolved
stays resolved after ``releaseLock()``. Each checked under wrangler dev
(tools/wrangler/jsapi_differential.py, ``$same``). Each read gave a new promise here, and a
writer's resolved ``closed`` read after its release rejected."""

from __future__ import annotations

import pytest
from worker_helpers import STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, FixedLengthStream, IdentityTransformStream, ReadableStream, Response as JsResponse, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
MAKE = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
        "fixed": lambda: FixedLengthStream.new(1)}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        make = MAKE[request.url.rsplit("/", 1)[1]]
        out = {}
        stream = make()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        first_ready = writer.ready
        out["same at once"] = [writer.ready is first_ready, writer.closed is writer.closed,
                               reader.closed is reader.closed]
        await first_ready
        writer.write(Uint8Array.new([1]))
        waiting_ready = writer.ready
        out["ready once a write waits"] = [waiting_ready is first_ready, writer.ready is waiting_ready,
                                           await state(waiting_ready)]
        await reader.read()
        out["ready once read"] = [writer.ready is waiting_ready, await state(waiting_ready)]
        closed = writer.closed
        await writer.close()
        writer.releaseLock()
        out["closed after close and release"] = [writer.closed is closed, await state(writer.closed)]

        writer = make().writable.getWriter()
        ready = writer.ready
        await ready
        writer.abort(Error.new("why"))
        out["ready after abort"] = [writer.ready is ready, await state(writer.ready)]
        return Response.json(out)

"""

BODY = """
import asyncio
from js import ReadableStream, Response as JsResponse
from workers import Response, WorkerEntrypoint

""" + STATE + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        reader = JsResponse.new("abc").body.getReader()
        closed = reader.closed
        await reader.read()
        await reader.read()
        body = [reader.closed is closed, await state(closed)]
        reader = ReadableStream.new().getReader()
        closed = reader.closed
        reader.releaseLock()
        return Response.json({"body": body, "released": [reader.closed is closed, await state(closed)]})
"""

IN_PLACE = """
import asyncio
from js import Error, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = TransformStream.new().writable.getWriter()
        await writer.ready
        writer.write(Uint8Array.new([1]))
        waiting = writer.ready
        writer.abort(Error.new("why"))
        out = [writer.ready is waiting, await state(waiting)]
        await asyncio.sleep(0.01)
        return Response.json(out + [writer.ready is waiting])
"""

RELEASED = "TypeError: This ReadableStream reader has been released."


def test_a_transform_streams_ready_is_replaced_when_backpressure_begins_and_at_abort(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform") == {
        "same at once": [True, True, True],
        "ready once a write waits": [False, True, "pending"],
        "ready once read": [True, "resolved"],
        "closed after close and release": [True, "resolved"],
        "ready after abort": [False, "Error: why"],
    }


@pytest.mark.parametrize("kind", ["identity", "fixed"])
def test_an_internal_streams_ready_is_never_replaced(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == {
        "same at once": [True, True, True],
        "ready once a write waits": [True, True, "resolved"],
        "ready once read": [True, "resolved"],
        "closed after close and release": [True, "resolved"],
        "ready after abort": [True, "resolved"],
    }


def test_a_body_readers_closed_is_the_same_promise_released_or_not(tmp_path):
    assert json_answer(one_file_worker(tmp_path, BODY), "/") == {
        "body": [True, "resolved"], "released": [True, RELEASED]}


def test_a_ready_rejected_in_place_by_an_abort_stays_the_same_promise(tmp_path):
    """workerd rejects a pending ``ready`` in place at ``abort()`` and replaces only a settled one,
    so it is the same promise after it settled too (here it was replaced then, as made before the abort)."""
    assert json_answer(one_file_worker(tmp_path, IN_PLACE), "/") == [True, "Error: why", True]
