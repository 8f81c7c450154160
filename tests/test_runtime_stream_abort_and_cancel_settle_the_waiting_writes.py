"""What a writer's ``abort()`` and a reader's ``cancel()`` do to writes still waiting for a read,
on an ``IdentityTransformStream``, a ``FixedLengthStream`` and a JavaScript ``TransformStream``
(each checked under wrangler dev, tools/wrangler/jsapi_differential.py):

- ``abort(reason)``: the waiting writes reject with the reason, ``abort()`` resolves, and the
  readable side is errored -- the reader's next read rejects, it does not get the chunks of the
  writes that just failed. A ``TransformStream``'s read rejects with the reason (the spec errors
  its readable); an internal stream's with ``Error: Network connection lost.``: workerd cancels
  the write in flight, and the identity stream's read meets that canceled write's
  ``DISCONNECTED`` error (identity-transform-stream.c++ ``readHelper``), not the reason.
- ``cancel(reason)`` while the writer's ``close()`` waits behind its writes: an internal stream's
  writes and close reject with the reason (identity-transform-stream.c++ ``cancel`` rejects the
  pending write, and the queue behind it fails with it); a ``TransformStream``'s with ``TypeError:
  The readable side of this TransformStream is no longer readable.`` (standard.c++
  ``TransformStreamDefaultController::enqueue``), its ``closed`` with the reason -- also when the
  cancel comes in the turn of the ``close()`` (a ``TransformStream``'s first write, woken by that
  close, rejected with the cancel's reason here, as a write made after the cancel does).
"""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

def outcome(promise):
    if not promise.done():
        return "pending"
    return f"rejected {promise.exception()}" if promise.exception() else "resolved"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, what = request.url.rsplit("/", 2)[1:]
        stream = {"identity": IdentityTransformStream.new, "transform": TransformStream.new,
                  "fixed": lambda: FixedLengthStream.new(5)}[kind]()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        writes = [asyncio.ensure_future(writer.write(Uint8Array.new(2))) for _ in range(2)]
        await asyncio.sleep(0.01)
        if what == "abort":
            aborting = asyncio.ensure_future(writer.abort("stopped"))
            reading = asyncio.ensure_future(reader.read())
        else:
            closing = asyncio.ensure_future(writer.close())
            if what == "cancel":
                await asyncio.sleep(0.01)
            await reader.cancel("gone")
        await asyncio.sleep(0.01)
        if what == "abort":
            return Response.json([outcome(p) for p in (*writes, aborting, reading)])
        return Response.json([outcome(p) for p in (*writes, closing)])
"""

KINDS = ["identity", "fixed", "transform"]


@pytest.mark.parametrize(("kind", "read"), [
    ("identity", "Error: Network connection lost."), ("fixed", "Error: Network connection lost."),
    ("transform", "Error: stopped"),
])
def test_an_abort_fails_the_waiting_writes_and_the_next_read(tmp_path, kind, read):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/abort") == [
        "rejected Error: stopped", "rejected Error: stopped", "resolved", f"rejected {read}"]


@pytest.mark.parametrize(("kind", "error"), [
    ("identity", "Error: gone"), ("fixed", "Error: gone"),
    ("transform", "TypeError: The readable side of this TransformStream is no longer readable."),
])
def test_a_cancel_fails_the_waiting_writes_and_the_close_behind_them(tmp_path, kind, error):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}/cancel") == [f"rejected {error}"] * 3


def test_a_cancel_in_the_turn_of_the_close_fails_a_transform_streams_writes_alike(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform/cancel-at-once") == [
        "rejected TypeError: The readable side of this TransformStream is no longer readable."] * 3
