"""A test's teardown ends only the ASGI lifespans started while the test ran (its Workers'), not one
started outside it: an external-SDK request a fixture's teardown left running on a module-scoped
loop -- its lifespan started between two tests -- goes on in a later test, and at its end
workers-runtime-sdk 1.9.5's ``asgi.fetch`` shuts its lifespan down (``finalize_request``), as it
does in production after every request. audit29: a teardown that ended every lifespan still
waiting (``abandon(since=0)``) ended this one in the next test's teardown, so its shutdown code
never ran."""

from __future__ import annotations

import pytest
from worker_helpers import FASTAPI_LIFESPAN_WORKER, one_file_worker

pytest.importorskip("fastapi")

SLOW = FASTAPI_LIFESPAN_WORKER.replace('''@app.get("/")''', '''@app.get("/slow")
async def slow():
    import asyncio
    await asyncio.sleep(2.5)
    return {"slow": True}


@app.get("/")''')

TESTS = """
import asyncio

import pytest
import pytest_asyncio

from workers_env import load_worker

pytestmark = pytest.mark.asyncio(loop_scope="module")
LEFT = []


@pytest_asyncio.fixture(loop_scope="module")
async def leaves_a_request_running():
    yield
    LEFT.append(asyncio.ensure_future(load_worker("wrangler.toml").fetch("/slow")))
    await asyncio.sleep(1)  # (its lifespan has started; the request goes on)
    print("teardown over")


async def test_one(leaves_a_request_running):
    print("test one")


def test_two():  # (no loop runs: the request goes on in test_three only, whatever the time)
    print("test two")


async def test_three():
    assert (await asyncio.wait_for(LEFT[0], 10)).status == 200
    print("test three")
"""


def test_a_lifespan_started_between_tests_is_shut_down_by_its_sdk(pytester):
    one_file_worker(pytester.path, SLOW, date="2026-05-01", pyproject=False)
    (pytester.path / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.9.5"\n')
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_left=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-s", "-q", "test_left.py")
    result.assert_outcomes(passed=3)
    assert [line.lstrip(".") for line in result.outlines if line.lstrip(".") in (
        "test one", "lifespan started", "teardown over", "test two", "lifespan cleaned up", "test three")] == [
        "test one", "lifespan started", "teardown over", "test two", "lifespan cleaned up", "test three"]
