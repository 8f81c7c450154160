"""Each load of a Worker importing ``cloudflare.workers`` (the SDK's old location, Pyodide 0.26 with
the built-in SDK) makes that Worker's own copies of the entry-point classes; workers-env remembers
them only weakly (for the missing-handler note, which names a live Worker's), so a process that loads Workers over and over --
``workers-env dev`` reloading on each edit, a test suite's fixtures -- does not gather them."""

from __future__ import annotations

import gc

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime import cloudflareworkers

OLD_LOCATION = '''
import importlib.util

import cloudflare.workers
from cloudflare.workers import Response


async def on_fetch(request, env):
    spec = importlib.util.find_spec("cloudflare.workers")
    for _ in range(int(request.headers.get("x-times") or 0)):  # a fresh module each time, as a new load makes
        importlib.util.module_from_spec(spec)
    return Response("ok")
'''


@pytest.mark.asyncio
async def test_loads_and_imports_of_the_old_location_leave_no_copies_behind(tmp_path):
    folder = one_file_worker(tmp_path, OLD_LOCATION, date="2024-12-01")
    gc.collect()
    before = len(cloudflareworkers._MADE)
    for _ in range(40):
        worker = load_worker(folder)
    assert await (await worker.fetch("/", headers={"x-times": "1000"})).text() == "ok"
    del worker
    gc.collect()
    # 40 loads and 1,040 imports made 3,120 copies: at most the last load's three are still known
    # (the missing-handler note of a live Worker finds its own: test_runtime_cloudflare_workers_old_location)
    assert len(cloudflareworkers._MADE) <= before + 3

