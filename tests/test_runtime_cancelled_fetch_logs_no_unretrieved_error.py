"""A subrequest whose await was cancelled -- dropped on Pyodide 0.28 (its connection shut, so the
thread sending it fails), left running on 0.26 -- has nobody left to read its outcome; production
says nothing of it, so neither does workers-env: asyncio's ``Task exception was never retrieved``
is not logged once the task sending it is gone."""

from __future__ import annotations

import asyncio
import gc
import logging
from pathlib import Path

import pytest
from test_runtime_cancelled_fetch_aborts_the_subrequest_on_pyodide_028 import (
    WORKER,
    slow_origin,
)
from worker_helpers import one_file_worker, reported

from workers_env import load_worker


@pytest.mark.parametrize("call", ["workers", "pyfetch"])
@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])
def test_a_cancelled_fetch_leaves_no_unretrieved_task_error(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                           capsys: pytest.CaptureFixture[str], call: str,
                                                           date: str) -> None:
    async def scenario(folder: Path) -> str:
        worker = load_worker(folder)
        resp = await asyncio.wait_for(worker.fetch(f"/{call}"), 60)  # (10 s: short under load, flake56)
        text = await resp.text()
        for _ in range(20):  # the dropped thread's failure arrives a loop pass or so later
            await asyncio.sleep(0.02)
        return text

    capsys.readouterr()
    with caplog.at_level(logging.ERROR, logger="asyncio"), slow_origin() as url:
        folder = one_file_worker(tmp_path, WORKER.format(url=url), date=date)
        answer = asyncio.run(scenario(folder))
        gc.collect()  # asyncio logs an unretrieved error when the task is collected
    assert answer.startswith('["CancelledError"')
    assert reported(caplog, capsys, "never retrieved") == []
