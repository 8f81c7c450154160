"""``writer.abort()`` without a reason errors the stream with ``undefined``, not an ``AbortError``
(internal.c++ ``abort``: "doing so is required by the relevant spec"): a JavaScript
``TransformStream``'s later write, close, ``closed`` and read reject with it -- which workers-env
hands Python code as an ``Error`` whose message is ``undefined``, the text workerd's internal
reader gives it -- and an internal stream's (``IdentityTransformStream``, ``FixedLengthStream``)
write and close are ``This WritableStream has been closed.`` (its writer detached), its ``closed``
rejects with it and its read with ``Error: undefined``. Checked under wrangler dev
(tools/wrangler/jsapi_differential.py); workers-env used ``AbortError: The stream was aborted.``."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
from js import FixedLengthStream, IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
MAKE = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
        "fixed": lambda: FixedLengthStream.new(4)}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = MAKE[request.url.rsplit("/", 1)[1]]()
        writer = stream.writable.getWriter()
        out = [await outcome(writer.abort())]
        out += [await outcome(writer.write(Uint8Array.new(1))), await outcome(writer.close()),
                await outcome(writer.closed), await outcome(stream.readable.getReader().read())]
        return Response.json(out)
"""

CLOSED = "TypeError: This WritableStream has been closed."


@pytest.mark.parametrize(("kind", "expected"), [
    ("transform", ["resolved", "Error: undefined", "Error: undefined", "Error: undefined", "Error: undefined"]),
    ("identity", ["resolved", CLOSED, CLOSED, "Error: undefined", "Error: undefined"]),
    ("fixed", ["resolved", CLOSED, CLOSED, "Error: undefined", "Error: undefined"]),
])
def test_abort_without_a_reason_errors_the_stream_with_undefined(tmp_path, kind, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == expected
