"""A ``new ReadableStream(source)`` whose controller calls ``error()`` after ``close()`` while
chunks still wait unread: the error is ignored -- the chunks are read, then the end; the
reader's ``closed`` resolves, ``desiredSize`` stays 0 and a ``cancel()`` resolves: workerd's
controller is closed at ``close()`` whatever still waits (standard.c++ ``ReadableImpl::close``)
and ``doError`` does nothing once closed. Checked under wrangler dev
(tools/wrangler/jsapi_differential.py). Pinned because the spec's controller would error the
stream then (its state is still "readable" while chunks wait)."""

from __future__ import annotations

from worker_helpers import STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, ReadableStream, Uint8Array
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

""" + STATE + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        controllers = []
        stream = ReadableStream.new(to_js({"start": controllers.append}))
        await asyncio.sleep(0)
        controller = controllers[0]
        controller.enqueue(Uint8Array.new([1]))
        controller.enqueue(Uint8Array.new([2]))
        controller.close()
        controller.error(Error.new("boom"))
        reader = stream.getReader()
        reads = []
        for _ in range(3):
            result = await reader.read()
            reads.append(None if result.done else list(result.value.to_py()))
        return Response.json({"desiredSize": controller.desiredSize, "reads": reads,
                              "closed": await state(reader.closed), "cancel": await state(reader.cancel())})
"""


def test_an_error_after_close_leaves_the_queued_chunks_readable(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == {
        "desiredSize": 0, "reads": [[1], [2], None], "closed": "resolved", "cancel": "resolved"}
