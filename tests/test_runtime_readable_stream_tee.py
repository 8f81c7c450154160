"""``ReadableStream.prototype.tee()``: two branches that each read every chunk, the stream
itself locked -- for a body's stream and for a live one (a ``TransformStream`` written while
it is read, a ``new ReadableStream(source)``)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json

from js import ReadableStream, Response, TransformStream, Uint8Array
from workers import WorkerEntrypoint


async def chunks(stream):
    reader = stream.getReader()
    out = []
    while True:
        result = await reader.read()
        if result.done:
            return out
        out.append(bytes(result.value.to_py()).decode())


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = Response.new("hello").body
        left, right = body.tee()
        buffered = [await Response.new(left).text(), await Response.new(right).text(), body.locked]
        try:
            body.tee()
            again = None
        except Exception as error:
            again = str(error)

        pipe = TransformStream.new()
        writer = pipe.writable.getWriter()

        async def write():
            for part in ("a", "b", "c"):
                await writer.write(Uint8Array.new(list(part.encode())))
                await asyncio.sleep(0)
            await writer.close()

        task = asyncio.ensure_future(write())
        one, two = pipe.readable.tee()
        try:
            pipe.readable.getReader()
            locked = None
        except Exception as error:
            locked = str(error)
        live = [await chunks(one), await Response.new(two).text(), locked]
        await task

        source = ReadableStream.new(start=lambda c: (c.enqueue(Uint8Array.new([120])), c.close()))
        x, y = source.tee()
        sourced = [await Response.new(y).text(), await Response.new(x).text()]
        return Response.new(json.dumps([buffered, again, live, sourced]))
'''


@pytest.mark.asyncio
async def test_both_branches_of_a_tee_read_every_chunk(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    buffered, again, live, sourced = json.loads(await (await worker.fetch("/")).text())
    assert buffered == ["hello", "hello", True]
    assert again == "TypeError: This ReadableStream is currently locked to a reader,"  # workerd readable.c++
    assert live == [["a", "b", "c"], "abc", "TypeError: This ReadableStream is currently locked to a reader."]  # getReader
    assert sourced == ["x", "x"]


@pytest.mark.asyncio
async def test_a_body_already_read_is_refused_as_a_locked_stream():
    """workerd's tee() of a used body (``text()`` first): its locked-stream TypeError (sic,
    with the comma), not the "disturbed ... cannot be used as a body" of a new Response."""
    from workers_env import JsException, js

    response = js.Response.new("hello")
    assert await response.text() == "hello"
    with pytest.raises(JsException) as caught:
        response.body.tee()
    assert str(caught.value) == "TypeError: This ReadableStream is currently locked to a reader,"
