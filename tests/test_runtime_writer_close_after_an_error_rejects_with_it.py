"""``writer.close()`` of a stream that errored: a JavaScript ``TransformStream``'s rejects with the
error, as a write does -- after ``abort(reason)`` the reason, after the readable side's
``cancel(reason)`` that reason (standard.c++ ``WritableImpl::close``). An internal stream's
(``IdentityTransformStream``, ``FixedLengthStream``) close after ``abort`` is ``This WritableStream
has been closed.`` -- the abort errored the stream and detached its writer (internal.c++ ``doError``,
writable.c++) -- and after a cancel the cancel's reason, which the close is the first to meet
(identity-transform-stream.c++ ``cancel``). Both checked under wrangler dev
(tools/wrangler/jsapi_differential.py)."""

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


def test_a_transform_streams_close_after_an_abort_or_a_cancel_rejects_with_its_reason(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform") == ["Error: stop here", "Error: no more"]


@pytest.mark.parametrize("kind", ["identity", "fixed"])
def test_an_internal_streams_close_after_an_abort_is_closed_and_after_a_cancel_its_reason(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [
        "TypeError: This WritableStream has been closed.", "Error: no more"]
