"""``cancel(reason)`` of a ``new ReadableStream(source)`` whose controller closed it with chunks
still queued: the chunks are dropped (the next read is done), as workerd's
``ValueReadable::cancel`` cancels the queue's consumer (standard.c++, queue.h), and the source's
``cancel`` is not called, as workerd cleared its algorithms at the close (``ReadableImpl::close``
/ ``doClose``). workers-env left the queued chunks readable after the cancel."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = """
from js import Object, ReadableStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = []
        def start(controller):
            controller.enqueue("a")
            controller.enqueue("b")
            controller.close()
        def cancel(reason):
            calls.append(str(reason))
        stream = ReadableStream.new(to_js({"start": start, "cancel": cancel}, dict_converter=Object.fromEntries))
        reader = stream.getReader()
        first = (await reader.read()).value
        await reader.cancel("enough")
        following = await reader.read()
        return Response.json([first, following.done, calls])
"""


def test_a_cancel_after_the_close_drops_the_queued_chunks_without_the_sources_cancel(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == ["a", True, []]
