"""``pipeTo`` from a JavaScript ``TransformStream`` into an ``IdentityTransformStream``: a chunk
that is a string goes on as its UTF-8 bytes, and one that is neither bytes nor a string
(``undefined``, a number, an object) aborts the destination with workerd's ``This WritableStream
only supports writing byte types.`` -- its readable side fails with it -- and the pipe rejects
with it (internal.c++ ``Pipe::pipeLoop``, ``noBytesError``). Once a reader got such chunks as
values, workers-env's pipe wrote ``undefined`` as nothing and resolved, and for a number left the
destination's reader waiting until the request was called hung. (Read through ``workers.Response``'s
``text()``, the error is Pyodide 0.28's ``AbortError`` of its message.)"""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, Object, TransformStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

async def outcome(awaitable):
    try:
        return await awaitable
    except Exception as exc:
        return str(exc)

async def write_all(writer, chunks):
    for chunk in chunks:
        await writer.write(chunk)
    await writer.close()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        chunk = {"text": "hé", "undefined": None, "number": 7,
                 "object": to_js({"a": 1}, dict_converter=Object.fromEntries)}[request.url.rsplit("/", 1)[1]]
        source = TransformStream.new()
        writing = asyncio.ensure_future(outcome(write_all(source.writable.getWriter(), [chunk])))
        destination = IdentityTransformStream.new()
        piped = asyncio.ensure_future(outcome(source.readable.pipeTo(destination.writable)))
        text = await asyncio.wait_for(outcome(Response(destination.readable).text()), 2)
        await writing
        return Response.json([await piped, text])
"""

NO_BYTES = "TypeError: This WritableStream only supports writing byte types."


@pytest.mark.parametrize("kind", ["undefined", "number", "object"])
def test_a_chunk_that_is_not_bytes_fails_the_pipe_and_the_destination(tmp_path, kind):
    # the readable side read through workers.Response's text(): Pyodide 0.28's AbortError of the message
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [NO_BYTES, NO_BYTES.removeprefix("TypeError: ")]


def test_a_string_chunk_goes_on_as_its_bytes(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/text") == [None, "hé"]
