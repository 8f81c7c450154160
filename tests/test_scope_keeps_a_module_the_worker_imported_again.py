"""A Worker's own module it imports again in a step (``del sys.modules["helper"]; import helper``)
is the one its later steps see, as the one interpreter of an isolate keeps it, and it stays out of
the test process's ``sys.modules`` like the Worker's other modules. workers-env kept the first
module for the later steps and left the second in the host's ``sys.modules`` (review89), on the
scope's plain exit (the re-imported name the newest) and its full one (another import after it)."""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import sys
from workers import Response, WorkerEntrypoint
import helper_review89


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import helper_review89
        if request.url.endswith("/again"):
            del sys.modules["helper_review89"]
            import helper_review89
            helper_review89.x = 2
        if request.url.endswith("/again-and-more"):
            del sys.modules["helper_review89"]
            import helper_review89
            import other_review89
            helper_review89.x = 3
        return Response(str(helper_review89.x))
'''


@pytest.mark.parametrize(("path", "seen"), [("/again", "2"), ("/again-and-more", "3")])
def test_the_module_imported_again_is_the_workers(tmp_path, path, seen):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "helper_review89.py").write_text("x = 1\n")
    (folder / "src" / "other_review89.py").write_text("")
    worker = load_worker(folder)

    async def steps():
        return [await (await worker.fetch(p)).text() for p in ("/", path, "/", "/")]

    assert asyncio.run(steps()) == ["1", seen, seen, seen]
    assert "helper_review89" not in sys.modules
    assert "other_review89" not in sys.modules
