"""A write to an internal stream (``IdentityTransformStream``, ``FixedLengthStream``) that is
closed or errored is refused before its chunk is looked at, as workerd's
``WritableStreamInternalController::write`` checks ``isClosedOrClosing()`` and then the
``Errored`` state before ``processChunk`` (internal.c++): a number written after ``close()``
is ``This WritableStream has been closed.``, as it is after ``abort(reason)`` (the abort errors the
stream, which detaches its writer: internal.c++ ``doError``, writable.c++; checked under wrangler
dev, tools/wrangler/jsapi_differential.py), not the non-ArrayBuffer ``TypeError``; a write after a
cancel of the readable side still meets the chunk's check first (the writable learns of the cancel
only at a write). workers-env looked at the chunk first."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        make = (lambda: FixedLengthStream.new(0)) if "/fixed" in request.url else IdentityTransformStream.new
        out = []
        stream = make()
        writer = stream.writable.getWriter()
        await writer.close()
        out += [await outcome(writer.write(42)), await outcome(writer.write(Uint8Array.new(1)))]
        stream = make()
        writer = stream.writable.getWriter()
        await writer.abort("stopped")
        out += [await outcome(writer.write(42)), await outcome(writer.write(Uint8Array.new(1)))]
        stream = make()
        writer = stream.writable.getWriter()
        await stream.readable.cancel("gone")
        out += [await outcome(writer.write(42)), await outcome(writer.write(Uint8Array.new(1)))]
        return Response.json(out)
"""

CLOSED = "TypeError: This WritableStream has been closed."
NOT_BYTES = ("TypeError: This TransformStream is being used as a byte stream, but received an object of "
             "non-ArrayBuffer/ArrayBufferView type on its writable side.")


@pytest.mark.parametrize("kind", ["identity", "fixed"])
def test_a_closed_or_aborted_stream_refuses_the_write_before_the_chunk(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [
        CLOSED, CLOSED, CLOSED, CLOSED, NOT_BYTES, "Error: gone"]
