"""A handler's step after an ``await`` enters its Worker's import namespace as the first step
did, whatever changed meanwhile outside it: a module of its own file's name that a test
imported while it waited steps aside again (the Worker imports its own), a folder a test put on
``sys.path`` meanwhile is kept (and searched after the Worker's own), and both are the test's
again afterwards. (Later steps replay the first one's entry while nothing it depends on has
changed: this pins that a change is noticed.)"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

WAITING = """
import asyncio

from workers import Response, WorkerEntrypoint

GO = []
WAITS = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []
        for _ in range(3):  # steps with nothing changed between them: replayed entries
            await asyncio.sleep(0)
        import helper

        seen.append(helper.value())
        WAITS.append(1)
        while not GO:  # the test changes sys.modules and sys.path meanwhile
            await asyncio.sleep(0.005)
        import helper
        import elsewhere

        seen += [helper.value(), elsewhere.value()]
        await asyncio.sleep(0)
        from helper import value

        seen.append(value())
        return Response(",".join(seen))
"""


def test_a_module_and_a_folder_a_test_adds_while_the_handler_waits(tmp_path: Path) -> None:
    one_file_worker(tmp_path / "red", WAITING)
    (tmp_path / "red" / "src" / "helper.py").write_text("def value():\n    return 'red'\n")
    worker = load_worker(tmp_path / "red")
    theirs = tmp_path / "tests_side"
    theirs.mkdir()
    (theirs / "helper.py").write_text("def value():\n    return 'test'\n")
    (theirs / "elsewhere.py").write_text("def value():\n    return 'elsewhere'\n")

    async def scenario() -> tuple[str, str]:
        request = asyncio.ensure_future(worker.fetch("/"))
        for _ in range(6000):  # until the handler waits for GO (up to 30 s; a fixed 0.02 s was short under load, flake56)
            if worker.module.WAITS:
                break
            await asyncio.sleep(0.005)
        sys.path.insert(0, str(theirs))
        import helper  # the test's own helper, imported while the Worker's request waits

        worker.module.GO.append(1)
        answer = await (await request).text()
        return answer, helper.value()

    try:
        answer, tests_helper = asyncio.run(scenario())
        assert (answer, tests_helper) == ("red,red,elsewhere,red", "test")
        assert sys.path[0] == str(theirs) and sys.modules["helper"].value() == "test"
    finally:
        sys.path.remove(str(theirs))
        sys.modules.pop("helper", None)
        sys.modules.pop("elsewhere", None)
