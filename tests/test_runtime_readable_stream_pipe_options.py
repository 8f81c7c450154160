"""``pipeTo``'s options and the states it meets, as workerd's internal.c++ ``tryPipeFrom`` has
them: an already aborted ``signal`` rejects with its reason and pipes nothing; one aborted
mid-pipe stops it (the source canceled, the destination aborted with the reason); a closed
destination is ``TypeError: This destination writable stream is closed.`` and cancels the
source unless ``preventCancel`` (piped at all, the source is disturbed: no body takes it, as in
wrangler dev); a destination that fails a write (a ``FixedLengthStream``
whose reader took too many bytes: workerd counts them at the read) rejects the pipe and
cancels the source. A source piped to its end is
unlocked again. Options other than an object, or a ``signal`` that is no ``AbortSignal``, are
jsg's TypeErrors. Before, ``signal`` was ignored and the closed destination's text was a
write's; a TransformStream's readable stayed locked after its pipe."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import OUTCOME, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import AbortController, FixedLengthStream, TransformStream, TextEncoder, Response as JsResponse
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        aborted = AbortController.new()
        aborted.abort()
        target = TransformStream.new()
        out.append(await outcome(JsResponse.new("x").body.pipeTo(target.writable, signal=aborted.signal)))
        out.append(target.writable.locked)

        source, target, controller = TransformStream.new(), TransformStream.new(), AbortController.new()
        writer = source.writable.getWriter()
        writer.write(TextEncoder.new().encode("a"))  # a write waits for its read: the pipe's
        piped = source.readable.pipeTo(target.writable, signal=controller.signal)
        await asyncio.sleep(0.01)
        controller.abort("stop")
        out.append(await outcome(piped))
        out.append(await outcome(writer.write(TextEncoder.new().encode("b"))))
        out.append(await outcome(JsResponse.new(target.readable).text()))

        for prevent in (False, True):
            source, closed = TransformStream.new(), TransformStream.new()
            source_writer = source.writable.getWriter()
            written = source_writer.write(TextEncoder.new().encode("left"))  # read by the pipe, or the text()
            closing = source_writer.close()
            closed_writer = closed.writable.getWriter()
            await closed_writer.close()
            closed_writer.releaseLock()
            out.append(await outcome(source.readable.pipeTo(closed.writable, preventCancel=prevent)))
            await asyncio.sleep(0.01)
            try:  # piped at all: disturbed, which a body refuses, canceled or not
                out.append(await JsResponse.new(source.readable).text())
            except Exception as exc:
                out.append(str(exc))
            if not prevent:  # canceled: the write and close fail; else they wait for a read none makes
                out.append([await outcome(written), await outcome(closing)])

        small, body = FixedLengthStream.new(2), TransformStream.new()
        body_writer = body.writable.getWriter()
        body_writer.write(TextEncoder.new().encode("abc"))
        piped = body.readable.pipeTo(small.writable)
        out.append(await outcome(JsResponse.new(small.readable).text()))  # the read that takes "abc" fails
        out.append(await outcome(body_writer.write(TextEncoder.new().encode("d"))))  # read by the pipe ...
        out.append(await outcome(piped))  # ... whose write of it meets the error
        out.append(await outcome(body_writer.write(TextEncoder.new().encode("e"))))  # the source was canceled

        source, target = TransformStream.new(), TransformStream.new()
        source_writer = source.writable.getWriter()
        await source_writer.close()
        await source.readable.pipeTo(target.writable)
        out.append([source.readable.locked, target.writable.locked])

        for options in ("yes", {"signal": "no"}):
            out.append(await outcome(JsResponse.new("x").body.pipeTo(TransformStream.new().writable, options)))
        return Response.json(out)
"""


DISTURBED = "TypeError: This ReadableStream is disturbed (has already been read from), and cannot be used as a body."
NO_LONGER_READABLE = "TypeError: The readable side of this TransformStream is no longer readable."


@pytest.mark.asyncio
async def test_signal_closed_destination_failing_destination_and_option_types(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    response = await asyncio.wait_for(worker.fetch("/"), 10)  # a pipe the signal does not stop never ends
    assert await response.json() == [
        "AbortError: The operation was aborted", False,
        "Error: stop", "Error: stop", "Error: stop",
        "TypeError: This destination writable stream is closed.", DISTURBED, [NO_LONGER_READABLE, NO_LONGER_READABLE],
        "TypeError: This destination writable stream is closed.", DISTURBED,
        "TypeError: Attempt to write too many bytes through a FixedLengthStream.", "resolved",
        "TypeError: Attempt to write too many bytes through a FixedLengthStream.",
        "TypeError: Attempt to write too many bytes through a FixedLengthStream.",
        [False, False],
        "TypeError: Failed to execute 'pipeTo' on 'ReadableStream': parameter 2 is not of type 'PipeToOptions'.",
        "TypeError: Incorrect type for the 'signal' field on 'PipeToOptions': the provided value is not of type "
        "'AbortSignal'.",
    ]
