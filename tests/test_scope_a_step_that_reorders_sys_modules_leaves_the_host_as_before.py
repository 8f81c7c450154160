"""A step of a Worker's code that moves names around in ``sys.modules`` (pops a name and sets it
again, so it is newer) still leaves the test process's ``sys.modules`` as it was, and the Worker's
names (``js``, ...) its own.

A later step (after an ``await``) whose entry is replayed puts the scope's names at the end of
``sys.modules`` in one go; its exit, when the step imported nothing, takes them out again, the
first of them with ``popitem()`` when it is the newest name once the others are out
(runtime/scope.py ``_undo_plain``: ``pop`` leaves a deleted slot a name at the dict's end, which
each ``next(reversed(sys.modules))`` walked). Here the step moves a module of the host's
(``asyncio``) or one of the scope's names (``js``) behind them, and then the newest name behind
that, so the size and the newest name -- what the exit checks before undoing the entry at once --
are as the entry left them, but not the order: after the host's module, the scope's first name is
not the newest, and taking the newest item as it would take the host's module out."""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import sys
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await asyncio.sleep(0)  # the step below is a later one: its entry replayed, its exit undone at once
        newest = next(reversed(sys.modules))
        moved = request.url.rsplit("/", 1)[1]
        if moved:
            sys.modules[moved] = sys.modules.pop(moved)
            sys.modules[newest] = sys.modules.pop(newest)  # the newest name again, as the entry left it
        import js
        return Response(f"{newest} {js.__name__} {len(sys.modules)}")
'''


@pytest.mark.parametrize("moved", ["asyncio", "js"])
def test_a_step_that_reorders_sys_modules_leaves_the_hosts_modules_as_they_were(tmp_path, moved):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def text(path: str) -> str:
        return await (await worker.fetch(path)).text()

    async def requests() -> tuple[list[str], dict[str, int], dict[str, int]]:
        answers = [await text("/")]  # the runtime's own imports done
        before = {name: id(module) for name, module in sys.modules.items()}
        answers += [await text(f"/{moved}"), await text("/"), await text(f"/{moved}")]
        return answers, before, {name: id(module) for name, module in sys.modules.items()}

    answers, before, after = asyncio.run(requests())
    assert after == before
    assert "js" not in after
    assert len(set(answers)) == 1, answers  # the same newest name and size in the Worker each time
    assert answers[0].split()[1] == "js"
