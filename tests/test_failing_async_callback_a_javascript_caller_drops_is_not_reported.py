"""A ``create_proxy``'d ``async def`` that a JavaScript caller -- ``queueMicrotask``, an array's
``forEach``/``map`` -- calls and drops, and that fails, is a promise rejection nobody handles, as
in Pyodide: its task's outcome settles the promise the caller got, so the task's exception counts
as retrieved and the loop reports nothing -- no ``PyodideTask exception was never retrieved``
(0.26) nor ``Unhandled exception in event loop`` (0.28, 314), which workers-env printed before
(leftovers59; measured under Node with npm pyodide 0.26.0a4, 0.28.2 and 314.0.6, differential group
``proxy-async-calls``: the loop's exception handler is never called). The body still runs."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
import asyncio
import js
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

ran = []

async def bad(*args):
    ran.append("body")
    raise ValueError("dropped by javascript")

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        how = request.url.rsplit("/", 1)[-1]
        if how == "microtask":
            js.queueMicrotask(create_proxy(bad))
        elif how == "forEach":
            js.Array.of(1).forEach(create_proxy(bad))
        else:
            js.Array.of(1).map(create_proxy(bad))
        for _ in range(4):
            await asyncio.sleep(0)
        return Response(" ".join(ran))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
@pytest.mark.parametrize("how", ["microtask", "forEach", "map"])
async def test_the_rejection_is_reported_by_nobody(tmp_path, caplog, capsys, date, how):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date))
    capsys.readouterr()
    with caplog.at_level(logging.DEBUG):
        assert await (await worker.fetch("/" + how)).text() == "body"
        gc.collect()
        await asyncio.sleep(0)
    err = capsys.readouterr().err  # the Worker's console (runtime/unhandled.py), and asyncio's logger
    logged = [r.getMessage() for r in caplog.records]
    for text in ("dropped by javascript", "never retrieved", "Unhandled exception"):
        assert text not in err and not [m for m in logged if text in m]
