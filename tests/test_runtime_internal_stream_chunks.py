"""What the writable side of workerd's internal byte streams (``FixedLengthStream``,
``IdentityTransformStream``) takes (internal.c++ ``WritableStreamInternalController::write``):
a string is written as its UTF-8 bytes -- and counts as those bytes toward a
``FixedLengthStream``'s length --, ``undefined`` writes nothing, and anything else that is
not bytes is workerd's ``TypeError`` at the write. A string was counted as no bytes here (the
stream then failed with "did not see all expected bytes") and an object was taken, failing
only the reader."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, Object, Response as JsResponse
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []

        async def produce(writer):  # each write waits for a read: written while the body is read
            for chunk in (to_js({"a": 1}, dict_converter=Object.fromEntries), 5):
                try:
                    await writer.write(chunk)
                    out.append("written")
                except Exception as exc:
                    out.append(str(exc))
            await writer.write("héllo")
            await writer.write(None)
            await writer.close()

        for stream in (FixedLengthStream.new(6), IdentityTransformStream.new()):
            writing = asyncio.ensure_future(produce(stream.writable.getWriter()))
            out.append(await JsResponse.new(stream.readable).text())
            await writing
        return Response.json(out)
"""

NOT_BYTES = ("TypeError: This TransformStream is being used as a byte stream, but received an object of "
             "non-ArrayBuffer/ArrayBufferView type on its writable side.")


@pytest.mark.asyncio
async def test_strings_are_utf8_bytes_and_other_objects_are_refused_at_the_write(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/")).json() == [NOT_BYTES, NOT_BYTES, "héllo", NOT_BYTES, NOT_BYTES, "héllo"]
