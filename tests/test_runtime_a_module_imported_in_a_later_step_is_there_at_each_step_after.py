"""A module of the Worker's folder that its handler imports first in a later step (a lazy
``import`` after an ``await``) is in ``sys.modules`` at each of its steps after, the same
object -- and never between them, where test code runs. The later steps replay an entry made
before that import (runtime/scope.py: one dict of the stand-ins' names and the Worker's own is
put in and taken out per step), so this pins that the replay takes the new module in."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import sys

from workers import Response, WorkerEntrypoint

STEPS = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for _ in range(3):  # steps with nothing imported: replayed entries
            await asyncio.sleep(0)
        import helper  # first imported here

        seen = []
        for _ in range(3):  # replayed again: helper must come back each time
            await asyncio.sleep(0)
            STEPS.append(1)
            seen.append(sys.modules.get("helper") is helper)
            import helper as again

            seen.append(again is helper)
        return Response(" ".join(map(str, seen)) + " " + helper.VALUE)
"""


def test_a_lazily_imported_module_of_the_folder_is_there_at_each_later_step(tmp_path: Path) -> None:
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "src" / "helper.py").write_text("VALUE = 'own'\n")
    worker = load_worker(tmp_path)
    outside: list[bool] = []

    async def scenario() -> str:
        request = asyncio.ensure_future(worker.fetch("/"))
        while not request.done():
            outside.append("helper" in sys.modules)  # between the handler's steps
            await asyncio.sleep(0)
        return await (await request).text()

    assert asyncio.run(scenario()) == "True True True True True True own"
    assert len(worker.module.STEPS) == 3 and len(outside) >= 6
    assert not any(outside) and "helper" not in sys.modules
