"""Pyodide 314.0.1 (pyodide#6290; the Python 3.14 era, compatibility dates from 2026-09-08): the
future ``PyodideFuture.then()`` / ``finally_()`` return is cancelled when the source future is
cancelled -- ``then``'s handlers are not called, ``finally_``'s ``onfinally`` is (its error rejects
instead). Before, both returned futures stayed pending forever and nothing ran. Every answer is
real Pyodide 314.0.6's and 0.28.2's (npm, under Node), measured with tools/pyodide."""

from __future__ import annotations

from worker_helpers import SETTLE, json_answer, one_file_worker

WORKER = """
import asyncio
import json

from js import Response
from workers import WorkerEntrypoint


async def never():
    await asyncio.sleep(10)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        task = asyncio.ensure_future(never())
        out = []
        chained = task.then(lambda v: out.append("ok"), lambda e: out.append("err"))
        finally_ = task.finally_(lambda: out.append("finally"))
        await asyncio.sleep(0)
        task.cancel()
        await settle()
        return Response.new(json.dumps([out, chained.done(), chained.cancelled(), finally_.done(),
                                        finally_.cancelled()]))
""" + SETTLE


def test_chained_futures_of_a_cancelled_future_are_cancelled_in_the_314_era(tmp_path):
    one_file_worker(tmp_path, WORKER, date="2026-10-01")
    assert json_answer(tmp_path, "/") == [["finally"], True, True, True, True]


def test_chained_futures_of_a_cancelled_future_stay_pending_before(tmp_path):
    one_file_worker(tmp_path, WORKER, date="2026-09-07")
    assert json_answer(tmp_path, "/") == [[], False, False, False, False]
