"""An internal stream's read (an ``IdentityTransformStream``'s, a ``FixedLengthStream``'s, a body's)
settles in workerd only after an I/O turn, its bytes at hand or not (internal.c++ ``read``:
``awaitIoLegacy``), so in the read's turn it is still outstanding: ``releaseLock()`` throws
``Cannot call releaseLock() on a reader with outstanding read promises.`` (the read then resolves
with its chunk and the stream stays locked), a second ``read()`` is refused with ``This
ReadableStream only supports a single pending read request at a time.``, and the reader's
``cancel(reason)`` rejects it with the reason (``Stream was cancelled.`` without one). Checked
under wrangler dev (tools/wrangler/jsapi_differential.py). workers-env settled the read at once,
so the release succeeded, the second read went on and the cancel left the read resolved."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
from js import Error, FixedLengthStream, IdentityTransformStream, Response as JsResponse, Uint8Array
from workers import Response, WorkerEntrypoint

async def got(promise):
    try:
        result = await promise
    except Exception as exc:
        return str(exc)
    return "done" if getattr(result, "done", False) else list(result.value.to_py())

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, kind, then = request.url.rsplit("/", 2)
        if kind == "body":
            readable = JsResponse.new(Uint8Array.new([7])).body
        else:
            stream = IdentityTransformStream.new() if kind == "identity" else FixedLengthStream.new(1)
            stream.writable.getWriter().write(Uint8Array.new([7]))
            readable = stream.readable
        reader = readable.getReader()
        read = reader.read()
        out = []
        if then == "release":
            try:
                reader.releaseLock()
                out.append("released")
            except Exception as exc:
                out.append(str(exc))
        elif then == "second":
            out.append(await got(reader.read()))
        elif then == "cancel":
            reader.cancel(Error.new("enough"))
        elif then == "cancel-without-reason":
            reader.cancel()
        out.append(await got(read))
        out.append(readable.locked)
        return Response.json(out)
"""

OUTSTANDING = "TypeError: Cannot call releaseLock() on a reader with outstanding read promises."
ONE_AT_A_TIME = "TypeError: This ReadableStream only supports a single pending read request at a time."


@pytest.mark.parametrize("kind", ["identity", "fixed", "body"])
@pytest.mark.parametrize(("then", "expected"), [
    ("release", [OUTSTANDING, [7], True]),
    ("second", [ONE_AT_A_TIME, [7], True]),
    ("cancel", ["Error: enough", True]),
    ("cancel-without-reason", ["Error: Stream was cancelled.", True]),
    ("nothing", [[7], True]),
])
def test_what_meets_an_internal_streams_read_in_its_turn(tmp_path, kind, then, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/{then}") == expected
