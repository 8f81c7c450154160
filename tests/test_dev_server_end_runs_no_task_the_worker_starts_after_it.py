"""Once ``workers-env dev``'s server has ended (runtime/server.py ``serve``: ``end_worker_tasks``),
a task the Worker's code starts on its loop never runs, and nothing reports it: a promise chain
(``PyodideFuture.then`` handlers chaining each other, each reaction a task) stops where it is,
as production's isolate ends with wrangler dev's process (leftovers50b). pending56 moved that
rule to a set of its own (runtime/tasks.py ``_ENDED``), apart from the silence the stop signal now
sets; audit33's mutant leaving the loop out of it -- the chain running on through the loop's
winding down -- survived every test, which reach that window only in dev subprocesses, by
chance. Here the server's end is called as ``serve`` calls it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from worker_helpers import ENDLESS_CHAIN, one_file_worker

from workers_env import load_worker
from workers_env.runtime.tasks import end_worker_tasks


def test_a_chain_running_when_the_server_ends_takes_no_step_more(tmp_path: Any, capfd: pytest.CaptureFixture[str]) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENDLESS_CHAIN) / "wrangler.toml")
    steps = worker.module.STEPS

    async def run() -> tuple[int, int, int]:
        assert (await worker.fetch("/")).status == 200
        for _ in range(20):
            await asyncio.sleep(0)
        running = len(steps)
        end_worker_tasks(asyncio.get_running_loop())  # the server's end
        at_end = len(steps)
        for _ in range(50):
            await asyncio.sleep(0)
        return running, at_end, len(steps)

    capfd.readouterr()
    running, at_end, later = asyncio.run(run())
    out, err = capfd.readouterr()
    assert running > 5 and later <= at_end + 1, (running, at_end, later)  # (a step under way may end)
    assert "Task was destroyed" not in out + err and "never awaited" not in out + err, (out, err)
