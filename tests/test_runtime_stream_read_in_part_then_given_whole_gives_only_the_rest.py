"""A stream a reader has read from, then released, and handed whole to a binding (KV's ``put``,
which pumps it: kv.c++ ``stream.pumpTo``) or teed goes on from where the reads stopped:

- a JavaScript stream (a ``TransformStream``'s readable) is pumped from there (standard.c++
  ``ReadableStreamJsController::pumpTo`` does not look at ``disturbed``): KV stores the rest;
- an internal stream (an ``IdentityTransformStream``'s readable, a body) is refused by the pump,
  as it is disturbed (internal.c++ ``removeSource``: ``This ReadableStream is disturbed.``);
- ``tee()`` of an internal stream does not look at ``disturbed`` (internal.c++ ``tee``): its
  branches give the bytes not read yet.

workers-env stored the whole stream again, the chunk (or 4 KiB piece of one) already read
included, and refused the body's tee as locked."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, TransformStream, Response as JsResponse
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

DATA = bytes(i % 251 for i in range(10000))

async def drain(reader):
    data = b""
    while not (result := await reader.read()).done:
        data += bytes(result.value.to_bytes())
    return data

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, how = request.url.rsplit("/", 2)[1:]
        if kind == "body":
            stream = JsResponse.new(to_js(DATA)).body
        else:
            pair = IdentityTransformStream.new() if kind == "identity" else TransformStream.new()
            writer = pair.writable.getWriter()
            asyncio.ensure_future(writer.write(to_js(DATA)))
            asyncio.ensure_future(writer.write(to_js(DATA[:3000])))
            asyncio.ensure_future(writer.close())
            stream = pair.readable
        reader = stream.getReader()
        first = (await reader.read()).value.byteLength
        reader.releaseLock()
        if how == "tee":
            rest = await drain(stream.tee()[0].getReader())
            return Response.json([first, len(rest), rest == (DATA + DATA[:3000])[first:len(rest) + first]])
        try:
            await self.env.KV.put("k", stream)
        except Exception as error:
            return Response.json([first, str(error)])
        rest = bytes(await self.env.KV.get("k", "arrayBuffer"))  # (the SDK hands a memoryview)
        return Response.json([first, len(rest), rest == (DATA + DATA[:3000])[first:]])
"""

_DISTURBED = "TypeError: This ReadableStream is disturbed."


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "expected"), [
    ("/js/put", [10000, 3000, True]),
    ("/identity/put", [4096, _DISTURBED]),
    ("/body/put", [4096, _DISTURBED]),
    ("/identity/tee", [4096, 8904, True]),
    ("/body/tee", [4096, 5904, True]),
])
async def test_what_a_reader_took_is_not_given_again(tmp_path, path, expected):
    folder = one_file_worker(tmp_path, ENTRY, extra='[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    worker = load_worker(folder)
    assert await (await worker.fetch(path)).json() == expected
