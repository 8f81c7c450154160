"""A Python future a promise combinator adopts (a JS call's ``PyodideFuture`` in a ``to_js`` array)
is followed by a task of the runtime's own; when the combinator settles from another input and
the request ends with that future still pending -- a race's loser waiting on a write nobody
reads -- the task is collected with the request, without asyncio's ``Task was destroyed but it
is pending!`` in the log (no Worker code made it; production logs nothing). Before, that error
came whenever the collector ran."""

from __future__ import annotations

import asyncio
import gc
import logging

from worker_helpers import one_file_worker, reported

from workers_env import load_worker

ENTRY = """
from js import Promise, TransformStream, TextEncoder
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = TransformStream.new().writable.getWriter()
        won = await Promise.race(to_js([writer.write(TextEncoder.new().encode("nobody reads this")),
                                        Promise.resolve("first")]))
        return Response(won)
"""


def test_a_race_losers_adoption_is_collected_without_an_error(tmp_path, caplog, capsys):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario():
        answers = []
        for _ in range(3):
            resp = await asyncio.wait_for(worker.fetch("/"), 10)
            answers.append((resp.status, await resp.text()))
            del resp
        await asyncio.sleep(0.05)
        gc.collect()
        await asyncio.sleep(0)
        return answers

    capsys.readouterr()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        answers = asyncio.run(scenario())
        gc.collect()
    assert answers == [(200, "first")] * 3
    assert reported(caplog, capsys, "destroyed but it is pending") == []
