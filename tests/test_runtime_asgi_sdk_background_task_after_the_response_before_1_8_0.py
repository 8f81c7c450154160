"""A Starlette background task (run by the app after its whole body) and the external SDK's
``asgi.fetch``, per release: before 1.8.0 ``process_request`` returns as soon as the body's
message sets the response, the app's task running on under ``wait_until``, so the handler has
the response before the background task has run; from 1.8.0 a whole body waits for the app's
task (``await request_task``), so the background task has run when ``fetch`` returns.
(workers-env awaited the whole app in every release before.)"""

from __future__ import annotations

import pytest
from worker_helpers import sdk_worker

from workers_env import load_worker

ENTRY = """
import asyncio

import asgi
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from workers import Response, WorkerEntrypoint

LOG = []
DONE = asyncio.Event()


async def later():
    for _ in range(50):  # turns of the event loop, not wall time: the same under any load
        await asyncio.sleep(0)
    LOG.append("background task")
    DONE.set()


async def home(request):
    return PlainTextResponse("hi", background=BackgroundTask(later))


app = Starlette(routes=[Route("/", home)])


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await asgi.fetch(app, request, self.env, self.ctx)
        LOG.append("fetch returned")
        await DONE.wait()
        return Response(", ".join(LOG))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "order"), [("1.6.15", "fetch returned, background task"),
                                             ("1.8.0", "background task, fetch returned"),
                                             ("1.9.5", "background task, fetch returned")])
async def test_when_the_background_task_runs(tmp_path, sdk, order):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    assert await (await worker.fetch("/")).text() == order
