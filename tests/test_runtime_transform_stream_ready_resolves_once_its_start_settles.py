"""A ``TransformStream`` written in the turn that made it (before its start settled): workerd
resolves the writer's ``ready`` once the start settles, though ``desiredSize`` is then 0 or less
(standard.c++ ``WritableImpl::setup``: the start's success resolves the ready promise), and a
later write, which does not begin back-pressure anew, leaves that ``ready`` resolved. Checked
under wrangler dev (tools/wrangler/jsapi_differential.py); workers-env's ``ready`` waited for a
read, as after the start."""

from __future__ import annotations

from worker_helpers import SETTLE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        first = writer.write(Uint8Array.new([1]))
        ready = writer.ready
        await settle()
        out = [ready.done(), first.done(), writer.desiredSize]
        second = writer.write(Uint8Array.new([2]))
        out += [writer.ready is ready, writer.desiredSize]
        reader = stream.readable.getReader()
        out.append(list((await reader.read()).value.to_py()))
        await first
        out.append(second.done())
        return Response.json(out)
""" + SETTLE


def test_ready_resolves_once_the_start_settles_whatever_the_desired_size(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == [True, False, 0, True, -1, [1], False]
