"""A lifespan left waiting when a test ends runs none of its code afterwards, whatever waits in it:
here the ASGI app's own coroutine waits in a ``try`` whose ``finally`` production never runs (the
isolate ends with it suspended). The ``worker`` fixture's teardown marks every coroutine the
lifespan waits in finished (runtime/lifespans.py), not only its task's and the async generators:
freed, such a coroutine would be closed and run its ``finally``. audit30: a mutant that marked the
async generators alone passed every test -- theirs waited in an ``asynccontextmanager``, whose
``finally`` is its generator's."""

from __future__ import annotations

from worker_helpers import one_file_worker

WORKER = """
from workers import WorkerEntrypoint


class App:
    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            await receive()
            print("lifespan started")
            await send({"type": "lifespan.startup.complete"})
            try:
                await receive()
            finally:
                print("lifespan cleaned up")
            await send({"type": "lifespan.shutdown.complete"})
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


app = App()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi
        return await asgi.fetch(app, request, self.env)
"""

TESTS = """
import gc

import pytest


@pytest.mark.asyncio
async def test_one(worker):
    assert (await worker.fetch("/")).status == 200


def test_after():
    gc.collect()
    print("collected")
"""


def test_the_apps_finally_never_runs(pytester):
    one_file_worker(pytester.path, WORKER, date="2025-11-02", pyproject=False)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_kept=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-s", "-q", "-W", "error::RuntimeWarning", "test_kept.py")
    result.assert_outcomes(passed=2)
    assert [line.lstrip(".") for line in result.outlines if "lifespan" in line or "collected" in line] == [
        "lifespan started", "collected"]
