"""A ``PyodideFuture.then`` chain waiting on a stream write nobody reads is workerd's hung
request, as the write awaited directly is: the future ``then`` returns is settled by the task
that runs the handler and awaits what it returned (Pyodide's ``then``), and before that by the
future it follows -- so awaiting it is waiting on the write. Once the handler's task ran a loop
turn later, the returned future was no longer tied to it, and such a request waited forever."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import asyncio
from js import TransformStream, TextEncoder
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = TransformStream.new().writable.getWriter()
        write = lambda *_: writer.write(TextEncoder.new().encode("nobody reads this"))
        if request.url.endswith("/handler"):  # the handler's returned write is what hangs
            await asyncio.ensure_future(asyncio.sleep(0)).then(write)
        else:  # the future followed is what hangs: a task awaiting the write
            async def writing():
                await write()

            await asyncio.ensure_future(writing()).then(lambda _: "unreachable")
        return Response("unreachable")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/handler", "/followed"])
async def test_a_then_chain_on_a_hung_write_is_a_hung_request(tmp_path, path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException, match="your Worker's code had hung"):
        await asyncio.wait_for(worker.fetch(path), 30)  # the bound only keeps a miss from waiting forever
