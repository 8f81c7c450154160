"""``controller.error(undefined)`` of a ``new ReadableStream`` errors it, as workerd (checked under
wrangler dev, tools/wrangler/jsapi_differential.py): reads, ``reader.closed`` and ``cancel()`` reject
with the stored ``undefined`` (Python code gets an ``Error`` whose message is ``undefined``, as the
README says for ``abort()`` without a reason), chunks still queued are dropped (the spec's
``ReadableStreamDefaultControllerError``: ``ResetQueue``), a second ``error()`` changes nothing and
``controller.desiredSize`` is ``null``. Before, ``error(None)`` closed the stream as ``close()`` does
and a queued chunk was still read after an error; ``desiredSize`` of an errored stream was
``undefined`` (``None``) where workerd's is ``null``."""

from __future__ import annotations

from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, Object, ReadableStream, Uint8Array
from pyodide.ffi import jsnull, to_js
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        reason = None if request.url.endswith("/undefined") else Error.new("boom")
        controllers = []
        stream = ReadableStream.new(to_js({"start": controllers.append}, dict_converter=Object.fromEntries))
        await asyncio.sleep(0)
        controller = controllers[0]
        controller.enqueue(Uint8Array.new([1]))
        controller.error(reason)
        controller.error(Error.new("again"))
        reader = stream.getReader()
        out = [controller.desiredSize is jsnull, await outcome(reader.read()), await outcome(reader.closed)]
        reader.releaseLock()
        out.append(await outcome(stream.cancel()))
        return Response.json(out)
"""


def test_error_without_a_reason_errors_the_stream(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/undefined") == [
        True, "Error: undefined", "Error: undefined", "Error: undefined"]


def test_error_drops_the_queued_chunk(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/boom") == [
        True, "Error: boom", "Error: boom", "Error: boom"]
