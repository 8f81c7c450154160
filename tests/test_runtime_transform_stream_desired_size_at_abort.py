"""A JavaScript ``TransformStream`` writer's ``desiredSize`` right after ``abort()``, before it
settles: workerd's erroring stream still reports its highWaterMark less the chunks counted
(standard.c++ ``WritableImpl::getDesiredSize``; ``null`` only once errored). So it is 1 less each
waiting write while the abort waits for a write in flight (0 with one, -1 with two), as it is in
the turn of an abort made before the stream's start settled (1 with no write), and ``null`` at
once when nothing is in flight after the start; ``null`` everywhere once the abort settled. Each
checked under wrangler dev (tools/wrangler/jsapi_differential.py). It was ``null`` at once here."""

from __future__ import annotations

from worker_helpers import STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        writer = TransformStream.new().writable.getWriter()
        writer.abort(Error.new("why"))
        out["before the start settled"] = [writer.desiredSize]
        await asyncio.sleep(0.01)
        out["before the start settled"].append(writer.desiredSize)

        writer = TransformStream.new().writable.getWriter()
        await writer.ready
        writer.abort(Error.new("why"))
        out["nothing in flight"] = writer.desiredSize

        for count in (1, 2):
            writer = TransformStream.new().writable.getWriter()
            await writer.ready
            for _ in range(count):
                writer.write(Uint8Array.new([1]))
            writer.abort(Error.new("why"))
            size = writer.desiredSize
            await asyncio.sleep(0.01)
            out[f"{count} waiting"] = [size, writer.desiredSize]
        return Response.json(out)
"""


def test_desired_size_counts_the_chunks_until_the_abort_settles(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == {
        "before the start settled": [1, None],
        "nothing in flight": None,
        "1 waiting": [0, 0],
        "2 waiting": [-1, -1],
    }
