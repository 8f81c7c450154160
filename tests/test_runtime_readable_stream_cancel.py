"""``readable.cancel(reason)`` of a stream still being written (a ``TransformStream``'s or
``FixedLengthStream``'s readable): the readable reads as ended, and the write still waiting for a
read fails -- a ``FixedLengthStream``'s with the reason (workerd's ``Error: Stream was cancelled.``
when none was given, internal.c++ ``reasonToException``), after which its writer is detached and
refuses as closed; a ``TransformStream``'s with workerd's ``The readable side of this
TransformStream is no longer readable.``, after which its writes fail with the reason. A locked
stream's ``cancel()`` is workerd's TypeError (readable.c++). Each checked under wrangler dev
(tools/wrangler/jsapi_differential.py). It raised a bare ``RuntimeError: the stream is still
being written``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import FixedLengthStream, TransformStream, TextEncoder
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for stream, reason in ((FixedLengthStream.new(5), None), (TransformStream.new(), "enough")):
            writer = stream.writable.getWriter()
            await writer.ready  # (the stream started: the write below is in flight)
            first = writer.write(TextEncoder.new().encode("hi"))  # waits for a read: the cancel fails it
            reader = stream.readable.getReader()
            try:
                await stream.readable.cancel()
            except Exception as exc:
                out.append(str(exc))
            reader.releaseLock()
            await stream.readable.cancel(reason)
            out.append((await stream.readable.getReader().read()).done)
            try:
                await first
                out.append("written")
            except Exception as exc:
                out.append(str(exc))
            try:
                await writer.write(TextEncoder.new().encode("more"))
                out.append("written")
            except Exception as exc:
                out.append(str(exc))
        return Response.json(out)
"""


@pytest.mark.asyncio
async def test_cancel_ends_the_readable_and_fails_the_next_write(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    locked = "TypeError: This ReadableStream is currently locked to a reader."
    assert await (await worker.fetch("/")).json() == [
        locked, True, "Error: Stream was cancelled.", "TypeError: This WritableStream has been closed.",
        locked, True, "TypeError: The readable side of this TransformStream is no longer readable.", "Error: enough",
    ]


CLOSE_ENTRY = """
from js import FixedLengthStream, IdentityTransformStream
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for stream, reason in ((FixedLengthStream.new(5), None), (IdentityTransformStream.new(), "enough")):
            writer = stream.writable.getWriter()
            await stream.readable.cancel(reason)
            try:
                await writer.close()
                out.append("closed")
            except Exception as exc:
                out.append(str(exc))
        return Response.json(out)
"""


@pytest.mark.asyncio
async def test_an_internal_streams_close_after_a_cancel_fails_with_the_reason(tmp_path):
    """The sink's ``end()`` meets the error the cancel left (identity-transform-stream.c++
    ``writeHelper``); it was ``This WritableStream has been closed.``"""
    worker = load_worker(one_file_worker(tmp_path, CLOSE_ENTRY))
    assert await (await worker.fetch("/")).json() == ["Error: Stream was cancelled.", "Error: enough"]
