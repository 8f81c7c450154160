"""``cancel()`` of a JavaScript ``ReadableStream`` that errored rejects with the stored error,
whatever reason it is given -- the stream's and its reader's (standard.c++ ``ReadableImpl::cancel``):
a ``new ReadableStream`` whose controller called ``error()``, a ``TransformStream``'s readable
once its writer aborted. An internal stream's readable (``IdentityTransformStream``,
``FixedLengthStream``) resolves; a stream its controller closed resolves. Each checked under
wrangler dev (tools/wrangler/jsapi_differential.py). workers-env's cancel resolved."""

from __future__ import annotations

from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
from js import Error, FixedLengthStream, IdentityTransformStream, ReadableStream, TransformStream
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Source:
    def __init__(self):
        self.controller = None

    def start(self, controller):
        self.controller = controller

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        source = Source()
        stream = ReadableStream.new(start=source.start)  # (a Python object as the source: its type is its class name)
        source.controller.error(Error.new("boom"))
        out += [await outcome(stream.cancel()), await outcome(stream.cancel(Error.new("other")))]
        source = Source()
        stream = ReadableStream.new(start=source.start)  # (a Python object as the source: its type is its class name)
        reader = stream.getReader()
        source.controller.error(Error.new("boom"))
        out += [await outcome(reader.read()), await outcome(reader.cancel())]
        source = Source()
        stream = ReadableStream.new(start=source.start)  # (a Python object as the source: its type is its class name)
        source.controller.close()
        out.append(await outcome(stream.cancel()))
        for make in (TransformStream.new, IdentityTransformStream.new, lambda: FixedLengthStream.new(4)):
            stream = make()
            await stream.writable.getWriter().abort(Error.new("why"))
            out.append(await outcome(stream.readable.cancel(Error.new("other"))))
        return Response.json(out)
"""


def test_cancel_of_an_errored_javascript_stream_rejects_with_its_error(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == [
        "Error: boom", "Error: boom", "Error: boom", "Error: boom", "resolved",
        "Error: why", "resolved", "resolved"]
