"""A stream write still waiting when its event loop is shut down the way pytest-asyncio and
hand-run loops do it (``shutdown_asyncgens()``, ``close()``, the pending task left to be
collected) is closed without an unraisable ``RuntimeError: generator didn't stop after
athrow()``: the write's cancel check (``jsstreams._meeting_cancel``) was an async generator,
which ``shutdown_asyncgens`` closed under the write, so closing the write later failed in its
``__aexit__`` (CPython 3.11-3.14 alike; 3.12.1's run showed it as a
``PytestUnraisableExceptionWarning``)."""

from __future__ import annotations

import asyncio
import gc
import sys
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
from workers import Response, WorkerEntrypoint
from js import IdentityTransformStream, Uint8Array

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = IdentityTransformStream.new()
        writer = stream.writable.getWriter()
        writer.write(Uint8Array.new([1, 2, 3]))  # nobody reads: it waits
        return Response("ok")

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("date", ["2025-08-13", "2026-05-01"])  # Pyodide 0.26 (where it showed), the external SDK
def test_a_waiting_write_outlives_its_loop_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, date: str) -> None:
    unraisable: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: unraisable.append(f"{u.exc_type.__name__}: {u.exc_value}"))
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date))
    loop = asyncio.new_event_loop()
    try:
        response = loop.run_until_complete(worker.fetch("/"))
        assert loop.run_until_complete(response.text()) == "ok"
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
    del worker, response, loop  # the closed loop holds the task still
    gc.collect()  # the write's task, pending, collected: the write closed
    assert unraisable == []
