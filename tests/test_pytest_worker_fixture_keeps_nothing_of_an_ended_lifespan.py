"""A test's Worker is let go after its teardown even when its ASGI lifespan was left waiting: the
lifespan ends as production's isolate ends it (no shutdown, no ``finally`` after the ``yield``) and
holds nothing afterwards. Before, each such lifespan's coroutine was kept for the rest of the run
-- and through it the Worker's module, app and env: 0.11 MB a test with a FastAPI app (mem53)."""

from __future__ import annotations

import pytest
from worker_helpers import RAW_LIFESPAN_WORKER, one_file_worker

TESTS = """
import gc
import weakref

import pytest
from workers_env import load_worker

HELD = []


@pytest.mark.asyncio{loop}
async def test_one(worker):
    other = load_worker("wrangler.toml")
    for loaded in (worker, other):
        assert (await loaded.fetch("/")).status == 200
        HELD.extend(weakref.ref(kept) for kept in (loaded.module, loaded.module.app, loaded.module.lifespan))


def test_after():
    gc.collect()
    print("kept:", sum(ref() is not None for ref in HELD), "of", len(HELD))
"""


@pytest.mark.parametrize("loop", ["", '(loop_scope="session")'], ids=["function-loop", "session-loop"])
def test_the_worker_and_its_app_are_let_go_and_no_shutdown_runs(pytester, loop):
    one_file_worker(pytester.path, RAW_LIFESPAN_WORKER, date="2025-11-02", pyproject=False)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_kept=TESTS.replace("{loop}", loop))
    result = pytester.runpytest("-p", "no:cacheprovider", "-s", "-q", "-W", "error::RuntimeWarning", "test_kept.py")
    result.assert_outcomes(passed=2)
    assert [line.lstrip(".") for line in result.outlines if "lifespan" in line or "kept" in line] == [
        "lifespan started", "lifespan started", "kept: 0 of 6"]
