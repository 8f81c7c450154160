"""A stream read's promise that Python code cancels (``asyncio.wait_for(reader.read(), 0)``,
``promise.cancel()``) stands for a JavaScript promise that goes on all the same, as under
Pyodide, where cancelling the Python side of a promise leaves it be: a ``TransformStream``'s
read still takes its chunk, so the write resolves and the next read gets the next chunk, and
the reader's ``releaseLock()``/``cancel()`` work. A read held to the end of its turn
(runtime/heldreads.py) once left the write pending for good and made them raise
``InvalidStateError``."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, TransformStream, Response as JsResponse, Uint8Array
from workers import Response, WorkerEntrypoint

def readable_of(kind, writer_out):
    if kind == "body":
        return JsResponse.new(Uint8Array.new([1])).body
    stream = IdentityTransformStream.new() if kind == "identity" else TransformStream.new()
    writer = stream.writable.getWriter()
    writer_out.append(writer)
    return stream.readable

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, kind, then = request.url.rsplit("/", 2)
        out = []
        if then == "timeout":
            stream = IdentityTransformStream.new() if kind == "identity" else TransformStream.new()
            writer = stream.writable.getWriter()
            await asyncio.sleep(0)
            first = writer.write(Uint8Array.new([1]))
            reader = stream.readable.getReader()
            try:
                await asyncio.wait_for(reader.read(), 0)
            except asyncio.TimeoutError:
                out.append("timed out")
            writer.write(Uint8Array.new([2]))
            await asyncio.wait_for(first, 1)
            out.append("first write resolved")
            out.append(list((await asyncio.wait_for(reader.read(), 1)).value.to_py()))
            return Response.json(out)
        writers = []
        readable = readable_of(kind, writers)
        for writer in writers:
            writer.write(Uint8Array.new([1]))
        reader = readable.getReader()
        reader.read().cancel()
        try:
            if then == "cancel":
                await reader.cancel()
            else:
                reader.releaseLock()
            out.append("ok")
        except Exception as exc:
            out.append(f"{type(exc).__name__}: {exc}")
        return Response.json(out)
"""

OUTSTANDING = "JsException: TypeError: Cannot call releaseLock() on a reader with outstanding read promises."


@pytest.mark.parametrize("kind", ["identity", "transform"])
def test_a_read_timed_out_at_once_still_takes_its_chunk(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/timeout") == [
        "timed out", "first write resolved", [2]]


@pytest.mark.parametrize(("kind", "then", "expected"), [
    ("body", "cancel", ["ok"]),
    ("identity", "cancel", ["ok"]),
    ("transform", "cancel", ["ok"]),
    ("transform", "release", ["ok"]),
    ("body", "release", [OUTSTANDING]),  # the JavaScript read is still outstanding
    ("identity", "release", [OUTSTANDING]),
])
def test_a_reader_acts_after_its_reads_promise_was_cancelled(tmp_path, kind, then, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/{then}") == expected
