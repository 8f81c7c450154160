"""A test's teardown ends its Worker's abandoned ASGI lifespan without running any of its code,
and every generator only that lifespan holds with it -- but not one something else goes on
holding: a generator the test's module keeps, which the lifespan only took into a local, still
gives its next value after the teardown. review83: mem53's walk marked every generator the
lifespan reached finished, so the test module's next ``next()`` raised ``StopIteration``."""

from __future__ import annotations

from worker_helpers import one_file_worker

#: a raw ASGI app whose lifespan takes a number from the generator the test hands its module
WORKER = """
from workers import WorkerEntrypoint

IDS = None  # the test's generator


def steps():
    try:
        yield "one"
        yield "two"
    finally:
        print("the lifespan's own generator closed")


class App:
    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            ids, own = IDS, steps()
            print("lifespan took", next(ids), next(own))
            await receive()
            await send({"type": "lifespan.startup.complete"})
            await receive()
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
import pytest


def numbers():
    number = 0
    while True:
        number += 1
        yield number


IDS = numbers()


@pytest.mark.asyncio
async def test_one(worker):
    worker.module.IDS = IDS
    assert (await worker.fetch("/")).status == 200


def test_after():
    print("the module's generator gives", next(IDS))
"""


def test_a_generator_the_test_module_keeps_goes_on_after_the_lifespan_holding_it_ends(pytester):
    one_file_worker(pytester.path, WORKER, date="2025-11-02", pyproject=False)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_ids=TESTS)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-s", "-q", "test_ids.py")
    result.assert_outcomes(passed=2)
    assert [line.lstrip(".") for line in result.outlines if "lifespan" in line or "gives" in line] == [
        "lifespan took 1 one", "the module's generator gives 2"]
