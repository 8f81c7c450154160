"""``releaseLock()`` of a JavaScript ``TransformStream``'s writer while writes wait for a read:
the write in flight goes on (a later read takes its chunk and it resolves); the writes queued
behind it reject with ``TypeError: This WritableStream writer has been released.`` and their
chunks never reach the readable (standard.c++ ``releaseWriter``: ``cancelPendingWrites``), and
the writer's ``ready`` and ``closed`` reject with it. Before the stream's start settles (in the
turn that made it) no write is in flight yet: every one is dropped. An internal stream's
(``IdentityTransformStream``) writes go on and its ``ready`` stays resolved. Each checked under
wrangler dev (tools/wrangler/jsapi_differential.py). workers-env let the queued writes through."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
async def turns(n=50):
    # let every callback chain settle by loop turns, not by a timer (a timer can fire
    # mid-chain on a loaded machine)
    for _ in range(n):
        await asyncio.sleep(0)

def settled(task):
    if not task.done():
        return "pending"
    return "resolved" if task.exception() is None else str(task.exception())

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, when = request.url.rsplit("/", 2)[1:]
        stream = (TransformStream if kind == "transform" else IdentityTransformStream).new()
        writer = stream.writable.getWriter()
        if when == "started":
            await writer.ready
        writes = [asyncio.ensure_future(writer.write(Uint8Array.new([n]))) for n in (1, 2, 3)]
        writer.releaseLock()
        out = [await outcome(writer.ready), await outcome(writer.closed)]
        await turns()
        out.append([settled(w) for w in writes])
        later = stream.writable.getWriter().write(Uint8Array.new([9]))
        reader = stream.readable.getReader()
        out.append(list((await reader.read()).value.to_py()))
        await turns()
        out.append([settled(w) for w in writes])
        return Response.json(out)
"""

RELEASED = "TypeError: This WritableStream writer has been released."


@pytest.mark.parametrize(("kind", "when", "expected"), [
    ("transform", "started", [RELEASED, RELEASED, ["pending", RELEASED, RELEASED], [1],
                              ["resolved", RELEASED, RELEASED]]),
    ("transform", "at-once", [RELEASED, RELEASED, [RELEASED] * 3, [9], [RELEASED] * 3]),
    ("identity", "started", ["resolved", RELEASED, ["pending"] * 3, [1], ["resolved", "pending", "pending"]]),
])
def test_release_fails_the_queued_writes_of_a_transform_stream(tmp_path, kind, when, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/{when}") == expected
