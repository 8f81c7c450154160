"""A command run with ``WRANGLER_LOG`` holds its own lines to that level and gives the level back
when it ends: a Worker run after it in the same process (a test calling ``workers-env``'s
``main()`` and then ``load_worker``) logs its ``console.log`` lines as ever. audit30: a mutant that
left the command's level in place (``none``: every later ``console.log`` dropped) passed every
test."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.cli import main

ENTRY = """
from js import console
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        console.log("W-log")
        console.error("W-error")
        return Response("ok")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("level", ["none", "error", "info"])
async def test_a_worker_after_the_command_logs_as_ever(tmp_path, monkeypatch, capsys, level):
    folder = one_file_worker(tmp_path, ENTRY)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("WRANGLER_LOG", level)
    assert main(["kv", "key", "list", "--binding", "NOPE", "--local"]) == 1  # (an error, shown or not)
    monkeypatch.delenv("WRANGLER_LOG")
    capsys.readouterr()
    worker = load_worker(folder)
    assert await (await worker.fetch("/")).text() == "ok"
    out, err = capsys.readouterr()
    assert out == "W-log\n" and err.endswith("W-error\n")
