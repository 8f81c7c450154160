"""Two Workers with a module of the same name that each put another module under it keep their
own replacement, with requests of both in flight, and the test process's ``sys.modules`` holds
neither (one isolate each in production)."""

from __future__ import annotations

import asyncio
import sys

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import sys
from workers import Response, WorkerEntrypoint
import shared_modules59


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/replace"):
            import {replacement}
            sys.modules["shared_modules59"] = {replacement}
        await asyncio.sleep(0)
        import shared_modules59
        return Response(shared_modules59.__name__)
'''


def test_each_worker_keeps_its_own_replacement(tmp_path):
    workers = []
    for name, replacement in (("first", "json"), ("second", "string")):
        folder = one_file_worker(tmp_path / name, ENTRY.replace("{replacement}", replacement))
        (folder / "src" / "shared_modules59.py").write_text("")
        workers.append(load_worker(folder))
    first, second = workers

    async def both(path_first, path_second):
        return [await r.text() for r in await asyncio.gather(first.fetch(path_first), second.fetch(path_second))]

    async def steps():
        return [await both("/", "/"), await both("/replace", "/"), await both("/", "/replace"), await both("/", "/")]

    assert asyncio.run(steps()) == [["shared_modules59", "shared_modules59"], ["json", "shared_modules59"],
                                    ["json", "string"], ["json", "string"]]
    assert "shared_modules59" not in sys.modules
