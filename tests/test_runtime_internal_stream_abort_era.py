"""An internal stream's ``abort()`` while a write waits for a read, by compatibility date: from
2024-09-02 (``internal_writable_stream_abort_clears_queue``) the waiting writes fail with the
reason at once, ``abort()`` resolves and the reads meet ``Error: Network connection lost.`` (the
canceled write's error, checked under wrangler dev); before it the abort waits for the write in
flight -- a read takes its chunk and that write resolves -- and then fails the writes behind it
with the reason, resolves, and errors the readable side with the reason (internal.c++
``doAbort``'s pending abort, ``writeLoop``'s ``maybeAbort``). The flag and its opposite
(``internal_writable_stream_abort_does_not_clear_queue``) decide either way
(compatibility-date.capnp). workers-env failed the writes at once on every date."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

def settled(task):
    if not task.done():
        return "pending"
    return "resolved" if task.exception() is None else str(task.exception())

async def read(reader):
    try:
        return list((await reader.read()).value.to_py())
    except Exception as exc:
        return str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = IdentityTransformStream.new()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        writes = [asyncio.ensure_future(writer.write(Uint8Array.new([n]))) for n in (1, 2)]
        await asyncio.sleep(0.01)
        aborting = asyncio.ensure_future(writer.abort(Error.new("stop")))
        await asyncio.sleep(0.01)
        out = [[settled(t) for t in (*writes, aborting)], await read(reader)]
        await asyncio.sleep(0.01)
        out += [[settled(t) for t in (*writes, aborting)], await read(reader)]
        return Response.json(out)
"""

AT_ONCE = [["Error: stop", "Error: stop", "resolved"], "Error: Network connection lost.",
           ["Error: stop", "Error: stop", "resolved"], "Error: Network connection lost."]
AFTER_THE_WRITE = [["pending", "pending", "pending"], [1], ["resolved", "Error: stop", "resolved"], "Error: stop"]


@pytest.mark.parametrize(("date", "flags", "expected"), [
    ("2024-09-02", (), AT_ONCE), ("2024-09-01", (), AFTER_THE_WRITE),
    ("2024-09-01", ("internal_writable_stream_abort_clears_queue",), AT_ONCE),
    ("2026-05-01", ("internal_writable_stream_abort_does_not_clear_queue",), AFTER_THE_WRITE),
])
def test_the_compatibility_date_decides_when_the_waiting_writes_fail(tmp_path, date, flags, expected):
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=("python_no_global_handlers", *flags))
    assert json_answer(folder, "/") == expected
