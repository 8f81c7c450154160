"""``writer.closed`` rejects once the stream errors, as workerd's does (writable.c++;
internal.c++ ``doError`` rejects the closed promise): with an ``abort(reason)``'s reason, and
with the reason the readable side was canceled with -- at once for a JavaScript
``TransformStream`` (the spec's ``TransformStreamDefaultSourceCancelAlgorithm`` errors the
writable), for an ``IdentityTransformStream`` once a write meets it
(identity-transform-stream.c++ ``cancel``: the writable is not errored proactively). It resolves
once a close is done. workers-env's ``closed`` resolved in every one of these cases."""

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
        make = TransformStream.new if "/transform" in request.url else IdentityTransformStream.new
        out = []
        # abort(reason)
        stream = make()
        writer = stream.writable.getWriter()
        closed = asyncio.ensure_future(outcome(writer.closed))
        await writer.abort("stop here")
        out.append(await closed)
        # the readable side canceled with a reason
        stream = make()
        writer = stream.writable.getWriter()
        closed = asyncio.ensure_future(outcome(writer.closed))
        await stream.readable.cancel("no more")
        for _ in range(20):  # loop turns, not time: a timer could come due mid-chain on a loaded machine
            await asyncio.sleep(0)
        out.append(closed.done())
        out.append(await outcome(writer.write(Uint8Array.new(1))))
        out.append(await asyncio.wait_for(closed, 1))
        # a close: resolves once its chunk was read
        stream = make()
        writer = stream.writable.getWriter()
        writer.write(Uint8Array.new(2))
        closing = asyncio.ensure_future(outcome(writer.close()))
        closed = asyncio.ensure_future(outcome(writer.closed))
        for _ in range(20):
            await asyncio.sleep(0)
        out.append(closed.done())
        reader = stream.readable.getReader()
        await reader.read()
        out += [await closing, await closed]
        return Response.json(out)
"""


@pytest.mark.parametrize(("kind", "canceled_at_once"), [("transform", True), ("identity", False)])
def test_writer_closed_rejects_with_the_abort_or_cancel_reason(tmp_path, kind, canceled_at_once):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [
        "Error: stop here", canceled_at_once, "Error: no more", "Error: no more", False, "resolved", "resolved"]
