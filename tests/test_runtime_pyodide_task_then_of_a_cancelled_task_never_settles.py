"""``then``/``catch``/``finally_`` of a cancelled task never settle, as in Pyodide (0.26.0a4 and
0.28.2 under Node): Pyodide's callback calls ``fut.exception()`` before its ``try``, so the
cancellation ends the callback and the promise ``then`` returned stays pending -- neither
handler runs. A handler awaiting it waits forever, which workerd ends with its hung-request
error; awaited with a timeout, it times out."""

from __future__ import annotations

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
        ran = []
        task = asyncio.create_task(asyncio.sleep(10))
        await asyncio.sleep(0)
        task.cancel()
        promises = [task.then(lambda v: ran.append("then"), lambda e: ran.append("onrejected")),
                    task.catch(lambda e: ran.append("catch")), task.finally_(lambda: ran.append("finally"))]
        states = []
        for promise in promises:
            try:
                await asyncio.wait_for(asyncio.shield(promise), 0.05)
                states.append("settled")
            except TimeoutError:
                states.append("pending")
            except asyncio.CancelledError:
                states.append("cancelled")
        return Response(json.dumps([states, ran]))
'''


@pytest.mark.asyncio
async def test_promises_of_a_cancelled_task_stay_pending(tmp_path):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")).text())
    assert got == [["pending", "pending", "pending"], []]
