"""``writer.close()`` of a stream that errored rejects with its error, as a write does: after
``abort(reason)`` the reason, after the readable side's ``cancel(reason)`` that reason
(standard.c++ ``WritableImpl::close`` and internal.c++ ``closeImpl`` reject with the errored
state's reason). workers-env's close said ``This WritableStream has been closed.`` there while
its write and ``closed`` already gave the reason."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
from js import FixedLengthStream, IdentityTransformStream, TransformStream
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        make = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
                "fixed": lambda: FixedLengthStream.new(4)}[request.url.rsplit("/", 1)[1]]
        stream = make()
        writer = stream.writable.getWriter()
        await writer.abort("stop here")
        aborted = await outcome(writer.close())
        stream = make()
        writer = stream.writable.getWriter()
        await stream.readable.cancel("no more")
        canceled = await outcome(writer.close())
        return Response.json([aborted, canceled])
"""


@pytest.mark.parametrize("kind", ["transform", "identity", "fixed"])
def test_close_after_an_abort_or_a_cancel_rejects_with_its_reason(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == ["Error: stop here", "Error: no more"]
