"""A stream read's promise Worker code holds un-awaited is a ``PyodideFuture`` by its name, as
every un-awaited call's is, also when its read is held to the end of its turn
(runtime/heldreads.py): ``reader.read().value`` fails with Python's words for a
``PyodideFuture``, which gain the note saying a call was not awaited."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import json_answer, one_file_worker

from workers_env import load_worker

ENTRY = """
from js import IdentityTransformStream, Response as JsResponse, Uint8Array
from workers import Response, WorkerEntrypoint

def reader_of(kind):
    if kind == "body":
        return JsResponse.new(Uint8Array.new([1])).body.getReader()
    stream = IdentityTransformStream.new()
    stream.writable.getWriter().write(Uint8Array.new([1]))
    return stream.readable.getReader()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, kind, then = request.url.rsplit("/", 2)
        read = reader_of(kind).read()
        if then == "use":
            return Response(str(read.value))
        try:
            read.value
        except AttributeError as exc:
            return Response.json([type(read).__module__, type(read).__name__, str(exc)])
"""


@pytest.mark.parametrize("kind", ["body", "identity"])
def test_a_held_reads_promise_is_named_as_any_other(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/name") == [
        "pyodide.webloop", "PyodideFuture", "'PyodideFuture' object has no attribute 'value'"]


def test_using_a_held_reads_promise_as_its_value_notes_the_missing_await(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(AttributeError) as caught:
        asyncio.run(worker.fetch("/body/use"))
    assert any("a call was not awaited" in note for note in getattr(caught.value, "__notes__", ()))
