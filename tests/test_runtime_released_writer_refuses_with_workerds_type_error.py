"""A ``WritableStreamDefaultWriter`` after ``releaseLock()`` is workerd's (writable.c++):
``write``, ``close`` and ``abort`` reject with ``TypeError: This WritableStream writer has been
released.``, ``desiredSize`` throws it, ``closed`` rejects with it; the write in flight at the
release goes on and resolves when read (an internal stream's other writes too; a JavaScript
``TransformStream``'s queued ones fail, see test_runtime_transform_stream_release_drops_the_queued_writes),
and a new writer may be taken. ``getWriter()`` on a locked
stream is ``TypeError: This WritableStream is currently locked to a writer.``. workers-env's
released writer went on writing, its ``closed`` waited, and the lock's text was not workerd's."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        make = TransformStream.new if request.url.endswith("/transform") else IdentityTransformStream.new
        stream = make()
        writer = stream.writable.getWriter()
        await writer.ready  # (the stream started: the write below is in flight)
        before = asyncio.ensure_future(writer.write(Uint8Array.new(3)))
        try:
            stream.writable.getWriter()
            locked = "no error"
        except Exception as exc:
            locked = str(exc)
        closed = asyncio.ensure_future(writer.closed)
        writer.releaseLock()
        out = [locked, await outcome(closed)]
        for call in (lambda: writer.write(Uint8Array.new(1)), writer.close, writer.abort):
            out.append(await outcome(call()))
        try:
            out.append(writer.desiredSize)
        except Exception as exc:
            out.append(str(exc))
        read = await stream.readable.getReader().read()
        out += [read.value.length, await outcome(before)]
        second = stream.writable.getWriter()
        out.append(second.desiredSize)
        return Response.json(out)
"""

RELEASED = "TypeError: This WritableStream writer has been released."


@pytest.mark.parametrize("kind", ["identity", "transform"])
def test_a_released_writer_refuses_everything_and_its_writes_go_on(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [
        "TypeError: This WritableStream is currently locked to a writer.",
        RELEASED, RELEASED, RELEASED, RELEASED, RELEASED, 3, "resolved", 1]
