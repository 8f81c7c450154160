"""The hung-request check (runtime/stalls.py) looks at every stream wait of a loop at once: one
awaited write behind 2,000 un-awaited ones that nothing reads is still workerd's hung-request
error, and the same writes with a reader all go through. (Each wait had a check of its own,
each walking every task: O(n^2) a round with n waits.)"""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import SETTLE, one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = IdentityTransformStream.new()
        writer = stream.writable.getWriter()
        pending = [writer.write(Uint8Array.new(1)) for _ in range(2000)]
        if request.url.endswith("/read"):
            reader = stream.readable.getReader()

            async def read_all():
                for _ in range(2001):
                    await reader.read()
                    await asyncio.sleep(0)

            reading = asyncio.ensure_future(read_all())
        await writer.write(Uint8Array.new(1))
        await reading
        await settle()
        return Response(str(sum(1 for write in pending if write.done())))
""" + SETTLE


@pytest.mark.asyncio
async def test_one_awaited_write_among_many_nobody_reads_is_hung(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException, match="detected that your Worker's code had hung"):
        await asyncio.wait_for(worker.fetch("/hang"), 20)


@pytest.mark.asyncio
async def test_the_same_writes_with_a_reader_all_go_through(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    response = await asyncio.wait_for(worker.fetch("/read"), 20)
    assert await response.text() == "2000"
