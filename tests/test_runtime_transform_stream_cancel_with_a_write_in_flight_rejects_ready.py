"""A ``TransformStream`` whose readable side is canceled while its writer's writes wait for a
read: each waiting write rejects with ``TypeError: The readable side of this TransformStream is
no longer readable.`` and so does the writer's ``ready`` read once they have (a new promise; one read
in the cancel's turn resolves: test_runtime_transform_stream_ready_at_a_cancel_resolves_until_the_write_fails.py)
-- while ``closed`` and the next write
get the cancel's reason and ``desiredSize`` is ``null``. With no write waiting, ``ready`` stays
resolved. Measured under wrangler dev 4.164.0 with a JavaScript twin (hangup51: a reader's
``cancel()``, with no reason and with ``"gone"``, 0, 1 and 2 writes waiting); workers-env had
``ready`` resolve in every case. It is what a writer that never pauses meets when its response's
client hangs up (tools/wrangler/client_leaves_probe.py)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint


async def settle(promise):
    try:
        await promise
        return "resolves"
    except Exception as exc:
        return f"rejects {exc}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        reason, waiting = request.url.rsplit("/", 2)[1:]
        stream = TransformStream.new()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        writes = [asyncio.ensure_future(writer.write(Uint8Array.new(3))) for _ in range(int(waiting))]
        await asyncio.sleep(0.02)
        canceling = asyncio.ensure_future(reader.cancel() if reason == "none" else reader.cancel(reason))
        seen = [await settle(write) for write in writes]
        await asyncio.sleep(0.02)
        seen += [await settle(writer.ready), await settle(writer.closed), str(writer.desiredSize),
                 await settle(writer.write(Uint8Array.new(1))), await settle(canceling)]
        return Response.json(seen)
"""

GONE = "TypeError: The readable side of this TransformStream is no longer readable."


@pytest.mark.parametrize(("reason", "error"), [("none", "Error: undefined"), ("gone", "Error: gone")])
@pytest.mark.parametrize("waiting", [0, 1, 2])
def test_ready_rejects_as_the_write_in_flight(tmp_path, reason, error, waiting):
    ready = f"rejects {GONE}" if waiting else "resolves"
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{reason}/{waiting}") == [
        *[f"rejects {GONE}"] * waiting, ready, f"rejects {error}", "jsnull", f"rejects {error}", "resolves"]
