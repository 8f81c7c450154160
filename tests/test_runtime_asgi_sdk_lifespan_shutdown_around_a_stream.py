"""When the external SDK's ``asgi.fetch`` shuts the app's lifespan down, per release. Before
1.8.0 ``process_request`` returns the response at the first streamed chunk, with the app's task
under ``wait_until``, and ``fetch`` then awaits the shutdown: the app hears
``lifespan.shutdown`` while its body is still being streamed; an error before the response
skips the shutdown. From 1.8.0 ``process_request`` returns ``(response, task)`` and ``fetch``
shuts down after the task ends (``wait_until(run_in_background(finalize_request()))``), and also
when the request failed. (workers-env shut down once the whole body was collected, and after a
failure, in every release from 1.6.1.)"""

from __future__ import annotations

import pytest
from worker_helpers import sdk_worker

from workers_env import load_worker

ENTRY = """
import asyncio

import asgi
from workers import Response, WorkerEntrypoint

HEARD = []


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            HEARD.append(message["type"])
            await send({"type": message["type"] + ".complete"})
            if message["type"] == "lifespan.shutdown":
                return
    if scope["path"] == "/fail":
        raise ValueError("no response")
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"first;", "more_body": True})
    for _ in range(50):  # turns of the event loop, not wall time: the same under any load
        await asyncio.sleep(0)
    await send({"type": "http.response.body", "body": repr(HEARD).encode()})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/heard"):
            heard = repr(HEARD)
            HEARD.clear()
            return Response(heard)
        if request.url.endswith("/task"):
            response, task = await asgi.process_request(app, request, self.env, self.ctx)
            done_at_once = task.done()
            body = await response.text()
            await task
            return Response(f"{done_at_once} {task.done()} {body}")
        return await asgi.fetch(app, request, self.env, self.ctx)
"""


@pytest.mark.asyncio
async def test_before_1_8_0_the_shutdown_comes_while_the_body_streams(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, "1.6.15"))
    assert await (await worker.fetch("/")).text() == "first;['lifespan.startup', 'lifespan.shutdown']"
    await (await worker.fetch("/heard")).text()
    with pytest.raises(ValueError, match="no response"):
        await worker.fetch("/fail")
    assert await (await worker.fetch("/heard")).text() == "['lifespan.startup']"


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.8.0", "1.9.5"])
async def test_from_1_8_0_the_shutdown_waits_for_the_body(tmp_path, sdk):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    assert await (await worker.fetch("/")).text() == "first;['lifespan.startup']"
    assert await (await worker.fetch("/heard")).text() == "['lifespan.startup', 'lifespan.shutdown']"
    with pytest.raises(ValueError, match="no response"):
        await worker.fetch("/fail")
    assert await (await worker.fetch("/heard")).text() == "['lifespan.startup', 'lifespan.shutdown']"


@pytest.mark.asyncio
async def test_from_1_8_0_process_request_returns_a_streams_task_still_running(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, "1.9.5"))
    assert await (await worker.fetch("/task")).text() == "False True first;[]"
