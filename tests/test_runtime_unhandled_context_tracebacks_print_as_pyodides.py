"""A loop report whose context holds a debug loop's tracebacks (``source_traceback``, the future's;
``handle_traceback``, the callback's) prints them as Pyodide's ``WebLoop.default_exception_handler``
does -- ``source_traceback: Object created at (most recent call last):`` and ``handle_traceback:
Handle created at (most recent call last):``, each followed by its frames -- measured the same in
0.26.0a4, 0.28.2 and 314.0.6 (tools/pyodide/context_tracebacks_probe.mjs). audit25: these texts of
``runtime/unhandled.py`` were held by no test. Pyodide's pending future's repr there ends
``cb=[WebLoop._decrement_in_progress()]>``, which is not emulated (not pinned)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import traceback
from workers import Response, WorkerEntrypoint

MADE = traceback.StackSummary.from_list([("entry.py", 3, "fetch", "made = 1")])


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        loop.call_exception_handler({"message": "reported by hand", "future": loop.create_future(),
                                     "source_traceback": MADE, "handle_traceback": MADE})
        return Response("ok")
"""


@pytest.mark.asyncio
async def test_a_contexts_creation_tracebacks_print_as_pyodides_debug_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-11-02"))
    capsys.readouterr()
    assert (await worker.fetch("http://example.com/")).status == 200
    printed = capsys.readouterr().err.split("\n")
    assert printed[0] == "reported by hand" and printed[1].startswith("future: <PyodideFuture pending")
    assert printed[2:] == ["handle_traceback: Handle created at (most recent call last):",
                           '  File "entry.py", line 3, in fetch', "    made = 1",
                           "source_traceback: Object created at (most recent call last):",
                           '  File "entry.py", line 3, in fetch', "    made = 1", ""]
