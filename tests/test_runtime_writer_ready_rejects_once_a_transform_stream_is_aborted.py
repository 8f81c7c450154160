"""``writer.ready`` once the writer aborts: a JavaScript ``TransformStream``'s rejects with the
abort's reason, a pending one too (standard.c++ ``WritableImpl::startErroring`` rejects the
writer's ready promise); an internal stream's (``IdentityTransformStream``,
``FixedLengthStream``) stays resolved -- the abort errors the stream and detaches the writer,
which resolves ready (internal.c++ ``doError``). After the readable side's ``cancel()`` a
``TransformStream``'s ready resolves. Each checked under wrangler dev
(tools/wrangler/jsapi_differential.py). workers-env's ready resolved after an abort. The
``TransformStream``'s write in flight stays pending (the abort waits for it: see
test_runtime_transform_stream_abort_waits_for_the_write_in_flight.py)."""

from __future__ import annotations

import pytest
from worker_helpers import SETTLE, STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, FixedLengthStream, IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + STATE + """
MAKE = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
        "fixed": lambda: FixedLengthStream.new(4)}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        make = MAKE[request.url.rsplit("/", 1)[1]]
        out = []
        writer = make().writable.getWriter()
        await writer.ready
        writer.abort(Error.new("why"))
        out.append(await outcome(writer.ready))
        writer = make().writable.getWriter()
        await writer.ready
        writing = writer.write(Uint8Array.new(1))  # waits for a read
        waiting = asyncio.ensure_future(writer.ready)  # a TransformStream's waits with it
        await settle()
        out.append(waiting.done())
        writer.abort(Error.new("stop"))
        out += [await outcome(waiting), await state(writing)]  # a TransformStream's waits for a read
        stream = make()
        writer = stream.writable.getWriter()
        await stream.readable.cancel(Error.new("gone"))
        out.append(await outcome(writer.ready))
        return Response.json(out)
""" + SETTLE


def test_a_transform_streams_ready_rejects_with_the_aborts_reason(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform") == [
        "Error: why", False, "Error: stop", "pending", "resolved"]


@pytest.mark.parametrize("kind", ["identity", "fixed"])
def test_an_internal_streams_ready_stays_resolved(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [
        "resolved", True, "resolved", "Error: stop", "resolved"]
