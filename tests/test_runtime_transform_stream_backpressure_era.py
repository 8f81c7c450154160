"""A JavaScript ``TransformStream``'s back-pressure by compatibility date: from
``fixup-transform-stream-backpressure`` (2024-12-16) every write waits for a read; before it
only the first does -- back-pressure is set once when the stream starts, lifted by the first
read's pull and never set again after a chunk is passed on (workerd standard.c++
``TransformStreamDefaultController::write``: ``setBackpressure(js, true)`` only under
``getFixupTransformStreamBackpressure()``), so later writes resolve at once, their chunks
queued for the reader. The flags ``fixup-transform-stream-backpressure`` /
``original-transform-stream-backpressure`` (compatibility-date.capnp) decide either way.
workerd's own streams (``IdentityTransformStream``) wait for every read in both eras."""

from __future__ import annotations

import pytest
from worker_helpers import SETTLE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import IdentityTransformStream, TransformStream, TextEncoder
from workers import Response, WorkerEntrypoint

def chunk(text):
    return TextEncoder.new().encode(text)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = IdentityTransformStream.new() if request.url.endswith("/identity") else TransformStream.new()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        first = writer.write(chunk("a"))
        await settle()
        out = [first.done()]  # the first write waits for a read in every era
        out.append(bytes((await reader.read()).value.to_bytes()).decode())
        await first
        second = writer.write(chunk("b"))
        third = writer.write(chunk("c"))
        await settle()
        out += [second.done(), third.done(), writer.desiredSize]
        out.append(bytes((await reader.read()).value.to_bytes()).decode())
        out.append(bytes((await reader.read()).value.to_bytes()).decode())
        await second
        await third
        closing = writer.close()
        out.append((await reader.read()).done)
        await closing
        return Response.json(out)
""" + SETTLE

WAITS = [False, "a", False, False, -1, "b", "c", True]  # each write waits for its read
ONLY_THE_FIRST_WAITS = [False, "a", True, True, 1, "b", "c", True]


def fetched(tmp_path, date, flags=(), path="/transform"):
    # python_no_global_handlers: a Default class on old dates
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=("python_no_global_handlers", *flags))
    return json_answer(folder, path)


@pytest.mark.parametrize(("date", "expected"), [("2024-12-15", ONLY_THE_FIRST_WAITS), ("2024-12-16", WAITS),
                                                ("2026-05-01", WAITS)])
def test_the_compatibility_date_decides(tmp_path, date, expected):
    assert fetched(tmp_path, date) == expected


@pytest.mark.parametrize(("date", "flag", "expected"), [
    ("2024-12-15", "fixup-transform-stream-backpressure", WAITS),
    ("2026-05-01", "original-transform-stream-backpressure", ONLY_THE_FIRST_WAITS),
])
def test_the_flags_decide_whatever_the_date(tmp_path, date, flag, expected):
    assert fetched(tmp_path, date, [flag]) == expected


def test_workerds_own_streams_wait_for_every_read_in_the_old_era_too(tmp_path):
    assert fetched(tmp_path, "2024-12-15", path="/identity") == [False, "a", False, False, 1, "b", "c", True]
