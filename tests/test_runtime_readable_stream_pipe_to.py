"""``ReadableStream.pipeTo(writable)`` and ``pipeThrough(transform)``: the pipe starts at once,
as a JavaScript promise's work does (the Worker may hand the destination's readable to
something else before awaiting it), and settles when the source is read to its end, closing
the destination; a locked source or destination is workerd's ``TypeError`` (readable.c++:
``pipeTo`` rejects, ``pipeThrough`` throws, its writer text ending in a period). LogLens (batch
s19) pipes its request body into a ``FixedLengthStream``; ``pipeTo`` did not exist here."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import IdentityTransformStream, Object, TransformStream, Response as JsResponse
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/through"):
            return JsResponse.new(request.js_object.body.pipeThrough(TransformStream.new()))
        if request.url.endswith("/locked"):
            out = []
            body = request.js_object.body
            body.getReader()
            try:
                await body.pipeTo(TransformStream.new().writable)
            except Exception as exc:
                out.append(str(exc))
            target = TransformStream.new()
            target.writable.getWriter()
            for call in (lambda: JsResponse.new("x").body.pipeTo(target.writable),
                         lambda: JsResponse.new("x").body.pipeThrough(target),
                         lambda: JsResponse.new("x").body.pipeTo(5)):
                try:
                    await call()
                except Exception as exc:
                    out.append(str(exc))
            return Response.json(out)
        if request.url.endswith("/through-types"):
            out = []
            for transform in (None, 5, to_js({"writable": TransformStream.new().writable}, dict_converter=Object.fromEntries),
                              to_js({"readable": TransformStream.new().readable}, dict_converter=Object.fromEntries)):
                try:
                    JsResponse.new("x").body.pipeThrough(transform)
                except Exception as exc:
                    out.append(str(exc))
            return Response.json(out)
        stream = IdentityTransformStream.new()
        piped = request.js_object.body.pipeTo(stream.writable)
        text = await JsResponse.new(stream.readable).text()   # read before the pipe is awaited
        await piped
        return Response(text.upper())
"""


@pytest.mark.asyncio
async def test_a_request_body_piped_into_a_transform_stream_arrives_whole(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/", method="POST", body=b"a" * 70000 + b"end")).text() == "A" * 70000 + "END"
    assert await (await worker.fetch("/through", method="POST", body=b"piped")).text() == "piped"


@pytest.mark.asyncio
async def test_a_locked_source_or_destination_is_workerds_type_error(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/locked", method="POST", body=b"x")).json() == [
        "TypeError: This ReadableStream is currently locked to a reader.",
        "TypeError: This WritableStream is currently locked to a writer",
        "TypeError: This WritableStream is currently locked to a writer.",
        "TypeError: Failed to execute 'pipeTo' on 'ReadableStream': parameter 1 is not of type 'WritableStream'.",
    ]


@pytest.mark.asyncio
async def test_pipe_through_reads_its_argument_as_jsgs_transform_struct(tmp_path):
    """jsg/struct.h and util.c++: undefined names the C++ type, a primitive is no 'Transform',
    and ``readable`` is read (and refused) before ``writable``; the texts said
    'ReadableWritablePair' (the TypeScript name) before."""
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/through-types")).json() == [
        "TypeError: Cannot initialize Transform with required members from an "
        "undefined or null value.",
        "TypeError: Failed to execute 'pipeThrough' on 'ReadableStream': parameter 1 is not of type 'Transform'.",
        "TypeError: Incorrect type for the 'readable' field on 'Transform': the provided value is not of type "
        "'ReadableStream'.",
        "TypeError: Incorrect type for the 'writable' field on 'Transform': the provided value is not of type "
        "'WritableStream'.",
    ]
