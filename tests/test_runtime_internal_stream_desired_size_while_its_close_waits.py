"""An internal stream's (``IdentityTransformStream``, ``FixedLengthStream``) writer reports
``desiredSize`` 1 while its ``close()`` waits behind a write no read has taken, and 0 once the close
is done, as workerd (checked under wrangler dev, tools/wrangler/jsapi_differential.py; internal.c++
``getDesiredSize``: the stream stays ``Writable`` until the queued close runs). A JavaScript
``TransformStream``'s is 0 from the ``close()`` call, as before. workers-env's internal one was 0 at
once."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

MAKE = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
        "fixed": lambda: FixedLengthStream.new(1)}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = MAKE[request.url.rsplit("/", 1)[1]]()
        writer = stream.writable.getWriter()
        await writer.ready
        writing, closing = writer.write(Uint8Array.new(1)), writer.close()
        out = [writer.desiredSize]
        await asyncio.sleep(0.01)
        out.append(writer.desiredSize)
        reader = stream.readable.getReader()
        await reader.read()
        await writing
        await closing
        out.append(writer.desiredSize)
        return Response.json(out)
"""


@pytest.mark.parametrize("kind", ["identity", "fixed"])
def test_an_internal_streams_desired_size_stays_1_until_the_close_is_done(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [1, 1, 0]


def test_a_transform_streams_is_0_from_the_close(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform") == [0, 0, 0]
