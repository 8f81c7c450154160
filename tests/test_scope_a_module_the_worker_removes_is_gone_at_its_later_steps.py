"""A module of the Worker's own that its code removes from ``sys.modules`` (``del
sys.modules["helper"]``) stays removed for the Worker's later steps, so an ``import helper`` after
an ``await`` runs the module afresh -- as the isolate's one interpreter does (Python's own import
system: the name is gone until imported again). workers-env put the scope's old module back at the
next step, so the name was there again and the import gave the old module (review90; review89 kept
a module re-imported within the same step)."""

from __future__ import annotations

import asyncio
import sys

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import sys
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import helper_review90
        helper_review90.x += 1
        seen = [helper_review90.x]
        if request.url.endswith("/forget"):
            del sys.modules["helper_review90"]
            await asyncio.sleep(0)
            seen.append("helper_review90" in sys.modules)
            import helper_review90 as again
            seen.append(again.x)
        return Response.json(seen)
'''


def test_the_removed_module_is_imported_afresh(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "helper_review90.py").write_text("x = 1\n")
    worker = load_worker(folder)

    async def answers():
        return [await (await worker.fetch(path)).json() for path in ("/", "/forget", "/")]

    assert asyncio.run(answers()) == [[2], [3, False, 1], [2]]
    assert "helper_review90" not in sys.modules
