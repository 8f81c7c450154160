"""``reader.releaseLock()`` while a read waits, as workerd (checked under wrangler dev,
tools/wrangler/jsapi_differential.py): a JavaScript stream's read rejects with ``This ReadableStream
reader has been released.`` (standard.c++ ``releaseReader``: ``cancelPendingReads``) and the stream
can be read by a new reader; an internal stream's ``releaseLock()`` throws ``Cannot call
releaseLock() on a reader with outstanding read promises.`` (internal.c++ ``releaseReader``) and the
read goes on. Before, the read went on waiting and the release succeeded for both."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, SETTLE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
MAKE = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
        "fixed": lambda: FixedLengthStream.new(1)}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = MAKE[request.url.rsplit("/", 1)[1]]()
        reader = stream.readable.getReader()
        reading = asyncio.ensure_future(outcome(reader.read()))
        await settle()
        try:
            reader.releaseLock()
            released = "released"
        except Exception as exc:
            released = str(exc)
        await settle()
        out = [released, reading.result() if reading.done() else "pending"]
        writer = stream.writable.getWriter()
        writing = writer.write(Uint8Array.new([7]))
        if released == "released":
            reader = stream.readable.getReader()
            got = await reader.read()
            out.append(list(got.value.to_py()))
        else:
            await reading
            out.append(reading.result())
        await writing
        return Response.json(out)
""" + SETTLE


def test_a_transform_streams_waiting_read_rejects(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform") == [
        "released", "TypeError: This ReadableStream reader has been released.", [7]]


@pytest.mark.parametrize("kind", ["identity", "fixed"])
def test_an_internal_streams_release_is_refused(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [
        "TypeError: Cannot call releaseLock() on a reader with outstanding read promises.", "pending", "resolved"]
