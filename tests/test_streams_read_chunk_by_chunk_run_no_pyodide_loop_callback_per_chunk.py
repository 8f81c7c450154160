"""A stream read chunk by chunk runs no Pyodide loop callback for each chunk.

The stream's own waiters -- a read waiting for its chunk, a write for the read that takes it --
were made with ``loop.create_future()``, which in Worker code is a ``PyodideFuture`` carrying
Pyodide's done callback ``WebLoop._decrement_in_progress`` (runtime/threadpool.py; it names
Pyodide's loop in a Worker-visible future's repr and does nothing else here). Nothing of the Worker
sees those waiters, yet each one settled cost a callback on the loop: one a chunk read one by one
(stream68, with its other per-chunk costs 0.6-0.7 M instructions a chunk). Now they carry none. A
Worker's own futures keep it (test_runtime_a_pending_task_collected_prints_as_pyodide.py), and
every chunk still arrives, in order."""

from __future__ import annotations

import asyncio
import asyncio.events

import pytest
from test_streams_read_chunk_by_chunk_list_the_workers_folder_once_not_per_chunk import ENTRY  # (its js and internal kinds)
from worker_helpers import one_file_worker

from workers_env import load_worker

#: chunks a request carries: before, 60 such callbacks ran for 60 chunks (one a chunk)
CHUNKS = 60


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["js", "internal"])
async def test_a_stream_read_chunk_by_chunk_runs_no_pyodide_loop_callback_per_chunk(tmp_path, monkeypatch, kind):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    ran: list[str] = []
    run = asyncio.events.Handle._run

    def counted(handle: asyncio.events.Handle) -> None:
        ran.append(getattr(handle._callback, "__qualname__", ""))
        run(handle)

    monkeypatch.setattr(asyncio.events.Handle, "_run", counted)
    got = await (await worker.fetch(f"/{kind}/{CHUNKS}")).json()
    assert got == [i % 251 for i in range(CHUNKS)]  # every chunk, in order
    pyodides = ran.count("WebLoop._decrement_in_progress")
    assert pyodides <= 5, pyodides  # before: 60-61 (one a chunk)
