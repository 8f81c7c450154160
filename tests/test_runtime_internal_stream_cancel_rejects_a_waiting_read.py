"""An ``IdentityTransformStream``'s or ``FixedLengthStream``'s read waiting for a chunk when its
reader's ``cancel(reason)`` comes rejects with the reason (``Error: Stream was cancelled.``
without one): workerd cancels the read's I/O with it (internal.c++ ``doCancel``); the reader's
``closed`` resolves and a later read is done. A ``TransformStream``'s waiting read is done, as the
spec's ReadableStreamCancel closes it. Checked under wrangler dev
(tools/wrangler/jsapi_differential.py); workers-env resolved the internal stream's read as done."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, FixedLengthStream, IdentityTransformStream, TransformStream
from workers import Response, WorkerEntrypoint

MAKE = {"identity": IdentityTransformStream.new, "fixed": lambda: FixedLengthStream.new(1),
        "transform": TransformStream.new}

async def got(promise):
    try:
        result = await promise
    except Exception as exc:
        return str(exc)
    return "done" if result is None or getattr(result, "done", False) else list(result.value.to_py())

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, kind, reason = request.url.rsplit("/", 2)
        reader = MAKE[kind]().readable.getReader()
        read = asyncio.ensure_future(got(reader.read()))
        await asyncio.sleep(0.01)  # the read waits for a chunk
        canceled = await got(reader.cancel(Error.new("enough")) if reason == "reason" else reader.cancel())
        return Response.json([await read, canceled, await got(reader.closed), await got(reader.read())])
"""


@pytest.mark.parametrize("kind", ["identity", "fixed"])
@pytest.mark.parametrize(("reason", "rejected"), [("reason", "Error: enough"), ("none", "Error: Stream was cancelled.")])
def test_an_internal_streams_waiting_read_rejects_with_the_cancels_reason(tmp_path, kind, reason, rejected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/{reason}") == [rejected, "done", "done", "done"]


def test_a_transform_streams_waiting_read_is_done(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform/reason") == ["done", "done", "done", "done"]
