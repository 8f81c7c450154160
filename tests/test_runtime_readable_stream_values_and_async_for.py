"""``ReadableStream.values()`` and ``async for chunk in stream``, as workerd's async iterator
(readable.c++ ``values``/``nextFunction``/``returnFunction``, jsg/iterator.h) and Pyodide's
``async for`` over it (jsproxy.c: ``[Symbol.asyncIterator]()`` then ``next()``, never ``return()``):
the stream is locked from ``values()`` until a ``next()`` meets the end; ``return(reason)`` cancels
it (not with ``preventCancel``) and unlocks it; leaving ``async for`` by ``break`` keeps it locked.
``body.values`` was a bare ``AttributeError: values``."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, one_file_worker

from workers_env import load_worker

LOCKED = "TypeError: This ReadableStream is currently locked to a reader."

BODY = OUTCOME + """
from js import Response as JsResponse
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        body = JsResponse.new("hello").body
        it = body.values()
        out["locked"] = body.locked
        try:
            body.getReader()
        except Exception as exc:
            out["getReader"] = str(exc)
        first = await it.next()
        out["first"] = [first.done, first.value.constructor.name, bytes(first.value.to_py()).decode()]
        end = await it.next()
        out["end"] = [end.done, end.value is None, body.locked]
        out["after"] = (await it.next()).done
        out["return_after_end"] = (await it.return_("x")).value

        body = JsResponse.new("hello").body
        async for chunk in body:
            break
        try:
            body.getReader()
            out["break"] = [body.locked, "unlocked"]
        except Exception as exc:
            out["break"] = [body.locked, str(exc)]

        body = JsResponse.new("hello").body
        done = await body.values().return_("why")
        out["return"] = [done.done, done.value, body.locked, (await body.getReader().read()).done]

        body = JsResponse.new("hello").body
        await body.values(preventCancel=True).return_()
        unlocked = not body.locked
        kept = await body.getReader().read()
        out["preventCancel"] = [unlocked, bytes(kept.value.to_py()).decode()]

        body = JsResponse.new("hello").body
        chunks = [bytes(c.to_py()).decode() async for c in body]
        out["async_for"] = [chunks, body.locked]
        return Response.json(out)
"""


@pytest.mark.asyncio
async def test_a_body_streams_values_locks_until_the_end_or_return(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, BODY))
    assert await (await worker.fetch("/")).json() == {
        "locked": True, "getReader": LOCKED,
        "first": [False, "Uint8Array", "hello"], "end": [True, True, False], "after": True,
        "return_after_end": "x",
        "break": [True, LOCKED],
        "return": [True, "why", False, True],
        "preventCancel": [True, "hello"],
        "async_for": [["hello"], False],
    }


LIVE = OUTCOME + """
import asyncio
from js import TransformStream, TextEncoder
from workers import Response, WorkerEntrypoint

async def write_all(writer, words):
    for word in words:
        await writer.write(TextEncoder.new().encode(word))
    await writer.close()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        stream = TransformStream.new()
        task = asyncio.ensure_future(write_all(stream.writable.getWriter(), ["a", "b", "c"]))
        out["chunks"] = [bytes(c.to_py()).decode() async for c in stream.readable]
        await task
        out["unlocked"] = not stream.readable.locked

        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        first = writer.write(TextEncoder.new().encode("a"))
        it = stream.readable.values()
        out["next"] = bytes((await it.next()).value.to_py()).decode()
        await first
        await it.return_("enough")
        out["canceled"] = [stream.readable.locked, await outcome(writer.write(TextEncoder.new().encode("b")))]
        return Response.json(out)
"""


@pytest.mark.asyncio
async def test_a_transform_streams_readable_iterates_and_return_cancels_it(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, LIVE))
    assert await (await worker.fetch("/")).json() == {
        "chunks": ["a", "b", "c"], "unlocked": True,
        "next": "a", "canceled": [False, "Error: enough"],
    }


OPTIONS = """
from js import Response as JsResponse
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for options in (5, "x", True):
            body = JsResponse.new("hello").body
            try:
                body.values(options)
                out.append("iterator")
            except Exception as exc:
                out.append([str(exc), body.locked])
        body = JsResponse.new("hello").body
        await body.values(preventCancel="yes").return_()  # any truthy value, as JavaScript reads it
        out.append(bytes((await body.getReader().read()).value.to_py()).decode())
        return Response.json(out)
"""


@pytest.mark.asyncio
async def test_values_options_that_are_no_object_are_jsgs_type_error(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, OPTIONS))
    refused = ["TypeError: Failed to execute 'values' on 'ReadableStream': parameter 1 is not of type 'ValuesOptions'.",
               False]
    assert await (await worker.fetch("/")).json() == [refused, refused, refused, "hello"]
