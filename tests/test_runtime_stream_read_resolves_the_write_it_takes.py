"""Writes nobody awaits, read one by one: each read resolves exactly the write whose chunk it
took (workerd's ``readHelper`` fulfils that write's request), in order, the others waiting on
-- also when the reader lets the loop run between reads. workers-env woke every waiting write
at each read (n un-awaited writes cost O(n^2); benchmarks/stream_writes.py measures it), and
a write whose chunk a read had taken failed if the stream was canceled before its task ran
(the cancel reset the count of chunks taken)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, TransformStream, TextEncoder
from workers import Response, WorkerEntrypoint

async def turns(n=5):
    for _ in range(n):
        await asyncio.sleep(0)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit("/", 1)[1]
        stream = IdentityTransformStream.new() if kind == "identity" else TransformStream.new()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        writes = [writer.write(TextEncoder.new().encode(f"{i},")) for i in range(200)]
        text, resolved = "", []
        for _ in range(200):
            text += bytes((await reader.read()).value.to_bytes()).decode()
            await turns()
            resolved.append(sum(1 for write in writes if write.done()))
        last = writer.write(TextEncoder.new().encode("last"))
        taken = bytes((await reader.read()).value.to_bytes()).decode()
        await reader.cancel()  # at once: the write whose chunk was taken stays written
        try:
            await last
            outcome = "ok"
        except Exception as exc:
            outcome = str(exc)
        return Response.json([text == "".join(f"{i}," for i in range(200)), resolved == list(range(1, 201)),
                              taken, outcome])
"""


@pytest.mark.parametrize("kind", ["identity", "transform"])
def test_each_read_resolves_the_write_it_took_and_only_that_one(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [True, True, "last", "ok"]
