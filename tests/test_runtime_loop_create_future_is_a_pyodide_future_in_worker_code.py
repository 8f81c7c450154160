"""``asyncio.get_running_loop().create_future()`` in Worker code is a
``pyodide.webloop.PyodideFuture`` (``then``/``catch``/``finally_``), as Pyodide's ``WebLoop``
makes for every caller (0.28.2 and 0.26.2 under Node); ``asyncio.Future()`` and ``gather``'s
future stay asyncio's own there too. Outside Worker code the loop makes asyncio's own."""

from __future__ import annotations

import asyncio
import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        made = loop.create_future()
        doubled = made.then(lambda value: value * 2)
        made.set_result(21)
        gathered = asyncio.gather(asyncio.sleep(0))
        await gathered
        return Response(json.dumps([f"{type(made).__module__}.{type(made).__name__}", await doubled,
                                    type(asyncio.Future()).__name__, type(gathered).__name__]))
'''


@pytest.mark.asyncio
async def test_the_loops_futures_are_pyodide_futures_in_worker_code(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert json.loads(await (await worker.fetch("/")).text()) == ["pyodide.webloop.PyodideFuture", 42, "Future",
                                                                  "_GatheringFuture"]
    assert not hasattr(asyncio.get_running_loop().create_future(), "then")
