"""A module file added to a Worker's folder between two requests is the Worker's own from the
next request on, even when a test imported a module of that name already and the folder's
change is old enough to be trusted: a request's first step looks at the folder again (later
steps replay an earlier entry while nothing changed, so this pins that the folder is part of
what is checked)."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/import"):
            import helper

            return Response(helper.value())
        return Response("ok")
"""


def test_a_helper_written_between_requests_shadows_the_tests_own(tmp_path: Path) -> None:
    one_file_worker(tmp_path / "w", ENTRY)
    src = tmp_path / "w" / "src"
    theirs = tmp_path / "tests_side"
    theirs.mkdir()
    (theirs / "helper.py").write_text("def value():\n    return 'test'\n")
    sys.path.insert(0, str(theirs))
    try:
        import helper  # the test's, in sys.modules for good

        worker = load_worker(tmp_path / "w")
        settled = time.time() - 3600
        os.utime(src, (settled, settled))  # a folder settled a while: its stamp is trusted

        async def scenario() -> list[str]:
            answers = [await (await worker.fetch("/")).text() for _ in range(3)]
            (src / "helper.py").write_text("def value():\n    return 'worker'\n")
            os.utime(src, (settled + 60, settled + 60))  # changed, and settled too
            answers.append(await (await worker.fetch("/import")).text())
            return answers

        assert asyncio.run(scenario()) == ["ok", "ok", "ok", "worker"]
        assert helper.value() == "test" and sys.modules["helper"] is helper
    finally:
        sys.path.remove(str(theirs))
        sys.modules.pop("helper", None)
