"""Awaiting a JavaScript promise that adopts a stream wait nobody can finish is workerd's hung
request, as awaiting the wait itself is: ``js.Promise.resolve(rs.pipeTo(ws))`` (the
``PyodideFuture`` a JS call returns follows the pipe's task), ``js.Promise.resolve(write)`` and
``Promise.new(lambda resolve, _: resolve(write))`` (the promise is settled by the task awaiting
the write). Once ``Promise.resolve`` returned a ``PyodideFuture``, awaiting it on a hung pipe
waited forever, and the adopted write never counted."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import js
from js import TransformStream, TextEncoder
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = TransformStream.new().writable.getWriter()
        write = lambda: writer.write(TextEncoder.new().encode("nobody reads this"))
        how = request.url.rsplit("/", 1)[1]
        if how == "pipe":  # a source that never closes, piped: the pipe never ends
            await js.Promise.resolve(js.ReadableStream.new().pipeTo(TransformStream.new().writable))
        elif how == "resolve":
            await js.Promise.resolve(write())
        else:
            await js.Promise.new(lambda resolve, reject: resolve(write()))
        return Response("unreachable")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/pipe", "/resolve", "/new"])
async def test_a_promise_adopting_a_hung_wait_is_a_hung_request(tmp_path, path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException, match="your Worker's code had hung"):
        await asyncio.wait_for(worker.fetch(path), 30)  # the bound only keeps a miss from waiting forever
