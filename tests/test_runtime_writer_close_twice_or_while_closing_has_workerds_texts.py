"""A writer's second ``close()`` and a write while its close is queued, as workerd answers them
(each checked under wrangler dev, tools/wrangler/jsapi_differential.py): a JavaScript
``TransformStream``'s second close is ``TypeError: Cannot close a writer that is already being
closed`` and its write ``TypeError: This ReadableStream is closed.`` (standard.c++
``WritableImpl::close``/``write``, the text as workerd has it); an internal stream's
(``IdentityTransformStream``, ``FixedLengthStream``) second close resolves (internal.c++
``closeImpl``) and its write is ``This WritableStream has been closed.``. Once the close has
completed both kinds say ``This WritableStream has been closed.``, and an internal stream's
writer, detached, resolves ``abort()`` and reports ``desiredSize`` 0. workers-env said "has been
closed" for all."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, FixedLengthStream, IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
MAKE = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
        "fixed": lambda: FixedLengthStream.new(0)}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = MAKE[request.url.rsplit("/", 1)[1]]().writable.getWriter()
        first = asyncio.ensure_future(writer.close())
        second = asyncio.ensure_future(writer.close())
        write = asyncio.ensure_future(writer.write(Uint8Array.new(1)))
        out = [await outcome(first), await outcome(second), await outcome(write)]
        out += [await outcome(writer.close()), await outcome(writer.write(Uint8Array.new(1))),
                await outcome(writer.abort(Error.new("late"))), writer.desiredSize]
        return Response.json(out)
"""

CLOSED = "TypeError: This WritableStream has been closed."


@pytest.mark.parametrize(("kind", "expected"), [
    ("transform", ["resolved", "TypeError: Cannot close a writer that is already being closed",
                   "TypeError: This ReadableStream is closed.", CLOSED, CLOSED, "resolved", 0]),
    ("identity", ["resolved", "resolved", CLOSED, CLOSED, CLOSED, "resolved", 0]),
    ("fixed", ["resolved", "resolved", CLOSED, CLOSED, CLOSED, "resolved", 0]),
])
def test_a_second_close_and_a_write_while_closing(tmp_path, kind, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == expected
