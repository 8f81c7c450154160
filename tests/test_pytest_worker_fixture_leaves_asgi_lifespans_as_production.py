"""The pytest ``worker`` fixture leaves an ASGI app's lifespan as production leaves it: workerd's
built-in bridge starts a lifespan per request and never asks for its shutdown (its ``receive()``
awaits a ``Future()`` nothing settles), so the app's shutdown code never runs; workers-runtime-sdk
1.9.5's ``asgi.fetch`` shuts each down after its request (``finalize_request``), so there it runs
once per request, before the test goes on. The test's event loop, closing after the test, cancelled
each built-in-era lifespan still waiting and closed its ``asynccontextmanager`` generator: the code
after its ``yield`` ran at every test's end (review78; ``workers-env dev``'s stop was mended by hunt50)."""

from __future__ import annotations

import pytest
from worker_helpers import FASTAPI_LIFESPAN_WORKER, one_file_worker

pytest.importorskip("fastapi")

TESTS = """
import pytest


@pytest.mark.asyncio
async def test_two_requests(worker):
    for _ in range(2):
        assert (await worker.fetch("/")).status == 200
        print("request answered")
    print("test over")


def test_next():
    print("next test")
"""


def _printed(pytester, date: str, sdk: str | None) -> list[str]:
    one_file_worker(pytester.path, FASTAPI_LIFESPAN_WORKER, date=date, pyproject=False)
    if sdk is not None:
        (pytester.path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_life=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-s", "-q", "test_life.py")
    result.assert_outcomes(passed=2)
    return [line.lstrip(".") for line in result.outlines
            if line.lstrip(".") in ("lifespan started", "lifespan cleaned up", "request answered", "test over",
                                    "next test")]


def test_the_built_in_bridges_lifespans_never_shut_down(pytester):
    assert _printed(pytester, "2025-11-02", None) == [
        "lifespan started", "request answered", "lifespan started", "request answered", "test over", "next test"]


def test_the_external_sdks_shut_down_after_each_request(pytester):
    assert _printed(pytester, "2026-05-01", "1.9.5") == [
        "lifespan started", "lifespan cleaned up", "request answered", "lifespan started", "lifespan cleaned up",
        "request answered", "test over", "next test"]


TWO_WORKERS = """
import pytest
from workers_env import load_worker


@pytest.mark.asyncio
async def test_two_workers(worker):
    other = load_worker("second/wrangler.toml")
    assert (await worker.fetch("/")).status == 200
    assert (await other.fetch("/")).status == 200
    print("test over")


def test_next():
    print("next test")
"""


def test_a_second_worker_the_test_loads_is_left_so_too(pytester):
    """A Worker the test loads itself beside the fixture's: its lifespan's shutdown code does not
    run either. Before: ``second cleaned up`` as the test's loop closed (review80)."""
    one_file_worker(pytester.path, FASTAPI_LIFESPAN_WORKER, date="2025-11-02", pyproject=False)
    (pytester.path / "second").mkdir()
    one_file_worker(pytester.path / "second", FASTAPI_LIFESPAN_WORKER.replace("lifespan ", "second "),
                    date="2025-11-02", pyproject=False)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_two=TWO_WORKERS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-s", "-q", "test_two.py")
    result.assert_outcomes(passed=2)
    assert [line.lstrip(".") for line in result.outlines if "started" in line or "cleaned" in line or "next" in line
            or "over" in line] == ["lifespan started", "second started", "test over", "next test"]
