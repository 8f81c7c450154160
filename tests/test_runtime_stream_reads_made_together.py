"""Two reads made together on one reader: an internal stream's (``IdentityTransformStream``,
``FixedLengthStream``) second read rejects with ``TypeError: This ReadableStream only supports a
single pending read request at a time.`` (internal.c++ ``ReadableStreamInternalController::read``),
a JavaScript ``TransformStream``'s are answered in the order they were made. Checked under
wrangler dev (tools/wrangler/jsapi_differential.py); workers-env let both wait, and a later read
could take a chunk before an earlier one."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

async def value(read):
    try:
        return list((await read).value.to_py())
    except Exception as exc:
        return str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        make = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
                "fixed": lambda: FixedLengthStream.new(3)}[request.url.rsplit("/", 1)[1]]
        stream = make()
        reader, writer = stream.readable.getReader(), stream.writable.getWriter()
        reads = [asyncio.ensure_future(reader.read()) for _ in range(3)]
        await asyncio.sleep(0.01)
        for n in (1, 2, 3):
            writer.write(Uint8Array.new([n]))
            await asyncio.sleep(0.01)
        return Response.json([await value(read) for read in reads])
"""

ONE_AT_A_TIME = "TypeError: This ReadableStream only supports a single pending read request at a time."


@pytest.mark.parametrize(("kind", "expected"), [
    ("transform", [[1], [2], [3]]),
    ("identity", [[1], ONE_AT_A_TIME, ONE_AT_A_TIME]),
    ("fixed", [[1], ONE_AT_A_TIME, ONE_AT_A_TIME]),
])
def test_reads_made_together(tmp_path, kind, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == expected
