"""A module the Worker's code puts under one of its own module names (``sys.modules["helper"] =
json``, as a monkeypatching library replaces a module) is the one its later steps get, as the
isolate's one interpreter keeps it, and it never reaches the test process's ``sys.modules``.
workers-env left it there and gave the later steps the Worker's own module back (audit35,
MD4/MD5), on the scope's plain exit (the name replaced alone) and its full one (an import after it)."""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json
import sys
from workers import Response, WorkerEntrypoint
import helper_modules59

OWN = helper_modules59


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        if path == "replace":
            sys.modules["helper_modules59"] = json
        elif path == "replace-and-import":
            sys.modules["helper_modules59"] = json
            import other_modules59
        elif path == "restore":
            sys.modules["helper_modules59"] = OWN
        await asyncio.sleep(0)  # a later step of the same request
        import helper_modules59
        return Response(helper_modules59.__name__)
'''


@pytest.mark.parametrize("path", ["/replace", "/replace-and-import"])
def test_the_replacement_is_the_workers_and_never_the_hosts(tmp_path, path):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "helper_modules59.py").write_text("")
    (folder / "src" / "other_modules59.py").write_text("")
    worker = load_worker(folder)
    seen, in_host = [], []

    async def steps():
        for step in ("/", path, "/", "/", "/restore", "/"):
            seen.append(await (await worker.fetch(step)).text())
            in_host.append(sys.modules.get("helper_modules59"))

    asyncio.run(steps())
    assert seen == ["helper_modules59", "json", "json", "json", "helper_modules59", "helper_modules59"]
    assert in_host == [None] * 6
