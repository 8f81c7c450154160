"""A ``TransformStream`` writer's ``ready`` around ``releaseLock()`` in the two eras of
``writable_stream_spec_compliant_writer`` (compatibility-date.capnp: on from 2026-03-24), as workerd
(checked under wrangler dev at 2026-03-01 and 2026-09-28, tools/wrangler/jsapi_differential.py):
from that date ``ready`` is resolved at ``getWriter()`` -- one taken and released in the same turn
stays resolved -- and after the release it rejects with the released writer's ``TypeError`` even
when it had resolved; before it, ``ready`` resolves once the stream's start has settled -- one
released in the turn of ``getWriter()`` rejects -- and one that had resolved stays resolved after
the release (standard.c++ ``lockWriter``, ``releaseWriter``). A ``ready`` pending behind a write
rejects in both. Before, only the later era was emulated."""

from __future__ import annotations

import pytest
from worker_helpers import OUTCOME, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

""" + OUTCOME + """
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        writer = TransformStream.new().writable.getWriter()
        early = writer.ready
        writer.releaseLock()
        out += [await outcome(early), await outcome(writer.ready)]
        writer = TransformStream.new().writable.getWriter()
        await writer.ready
        writer.releaseLock()
        out += [await outcome(writer.ready), await outcome(writer.closed)]
        writer = TransformStream.new().writable.getWriter()
        await writer.ready
        writer.write(Uint8Array.new(1))
        waiting = asyncio.ensure_future(outcome(writer.ready))
        await asyncio.sleep(0.01)
        writer.releaseLock()
        out += [await waiting, await outcome(writer.ready)]
        return Response.json(out)
"""

RELEASED = "TypeError: This WritableStream writer has been released."


@pytest.mark.parametrize(("date", "flags"), [("2026-05-01", ()), ("2026-03-01", ("writable_stream_spec_compliant_writer",))])
def test_from_the_flag_a_release_rejects_a_resolved_ready(tmp_path, date, flags):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date=date, flags=flags), "/") == [
        "resolved", RELEASED, RELEASED, RELEASED, RELEASED, RELEASED]


@pytest.mark.parametrize(("date", "flags"), [("2026-03-01", ()), ("2026-05-01", ("no_writable_stream_spec_compliant_writer",))])
def test_before_the_flag_a_resolved_ready_stays_resolved(tmp_path, date, flags):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date=date, flags=flags), "/") == [
        RELEASED, RELEASED, "resolved", RELEASED, RELEASED, RELEASED]
