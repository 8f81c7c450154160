"""A Worker's task collected while it waits prints Pyodide's lines, as the Worker's
``console.error`` lines: ``Task was destroyed but it is pending!`` and ``task: <PyodideTask
pending ... wait_for=<PyodideFuture pending cb=[WebLoop._decrement_in_progress(),
PyodideTask.task_wakeup()]> cb=[WebLoop._decrement_in_progress()]>`` -- the same in every era
(npm pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node, tools/pyodide/pending_task_probe.mjs: a task
awaiting a future nobody else holds, dropped and collected). Only such a task is collected there:
one waiting on a JavaScript promise or a timer is held by JavaScript. workers-env logged asyncio's
text through its logger (not the Worker's console) and named its own done callback
(``cb=[reported_at_end() at .../unhandled.py:98]``) where Pyodide's loop names its
``_decrement_in_progress`` -- in any repr of a pending task or future the Worker's code prints, too.

The task's coroutine reads ``done, defined at`` when the collector last ran before the task began
waiting, ``running at`` when it ran while the Worker held the task (its survivors are relinked in
the order found reachable, so the task is finalized before its coroutine), in Pyodide too
(pending_task_probe.mjs's last case, the three eras). So the first test holds the automatic
collector off across the request: the count of allocations earlier tests left decided whether it
ran during it (the ``-n 2 -k "...task..."`` selection of session 50 failed so).
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio, gc
from workers import Response, WorkerEntrypoint


async def waits(fut):
    await fut


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        t = asyncio.ensure_future(waits(asyncio.get_event_loop().create_future()))
        await asyncio.sleep(0.01)
        seen = repr(t)
        del t
        gc.collect()
        return Response(seen)
"""


@contextlib.contextmanager
def no_automatic_collection() -> Iterator[None]:
    """Only the collections code asks for (``gc.collect()``) run meanwhile."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


WAITING = (r"wait_for=<PyodideFuture pending cb=\[WebLoop\._decrement_in_progress\(\), PyodideTask\.task_wakeup\(\)\]> "
           r"cb=\[WebLoop\._decrement_in_progress\(\)\]>")


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-11-02", "2026-10-01"])
async def test_a_pending_task_collected_prints_pyodides_lines_on_the_workers_console(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    capsys.readouterr()
    with no_automatic_collection():
        response = await worker.fetch("/")
    gc.collect()
    entry = re.escape(str(tmp_path / "src" / "entry.py"))
    assert re.fullmatch(rf"<PyodideTask pending name='Task-\d+' coro=<waits\(\) running at {entry}:7> {WAITING}",
                        await response.text())
    printed = capsys.readouterr().err.split("\n")
    assert printed[0] == "Task was destroyed but it is pending!"
    assert re.fullmatch(rf"task: <PyodideTask pending name='Task-\d+' coro=<waits\(\) done, defined at {entry}:6> {WAITING}",
                        printed[1])
    assert printed[2:] == [""]


#: the same Worker, a young collection run while it holds the task
COLLECTED_MEANWHILE = ENTRY.replace("        seen = repr(t)\n", "        seen = repr(t)\n        gc.collect(0)\n")
assert COLLECTED_MEANWHILE != ENTRY


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-10-01"])
async def test_a_task_held_through_a_collection_prints_its_coroutine_running_as_pyodide(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str) -> None:
    """A young collection while the Worker holds the task: Pyodide's ``task:`` line reads its
    coroutine ``running at`` its ``await`` (0.26.0a4, 0.28.2 and 314.0.6 alike)."""
    worker = load_worker(one_file_worker(tmp_path, COLLECTED_MEANWHILE, date=date))
    capsys.readouterr()
    with no_automatic_collection():
        await (await worker.fetch("/")).text()
    gc.collect()
    entry = re.escape(str(tmp_path / "src" / "entry.py"))
    printed = capsys.readouterr().err.split("\n")
    assert printed[0] == "Task was destroyed but it is pending!"
    assert re.fullmatch(rf"task: <PyodideTask pending name='Task-\d+' coro=<waits\(\) running at {entry}:7> {WAITING}",
                        printed[1])
    assert printed[2:] == [""]


REPRS = """
import asyncio, json
from js import Promise, Response as JsResponse
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        return Response(json.dumps([repr(Promise.resolve(1)), repr(loop.create_future()), repr(JsResponse.new("x").text())]))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-10-01"])
async def test_a_pending_futures_repr_names_pyodides_loop_callback(tmp_path: Path, date: str) -> None:
    """A JS call's promise, ``loop.create_future()`` and a body read's promise as Python holds them
    pending: ``<PyodideFuture pending cb=[WebLoop._decrement_in_progress()]>`` (314.0.6 and
    0.26.0a4 under Node; the Pyodide differential's ``promise-returning-methods`` case of
    ``Response.text()`` differed, allowed, until leftovers50)."""
    worker = load_worker(one_file_worker(tmp_path, REPRS, date=date))
    got = await (await worker.fetch("/")).json()
    assert got == ["<PyodideFuture pending cb=[WebLoop._decrement_in_progress()]>"] * 3
