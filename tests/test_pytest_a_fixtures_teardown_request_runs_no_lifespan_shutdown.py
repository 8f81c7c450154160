"""A request a fixture of the user's makes in its own teardown is served as any request is, and
none of the app's lifespan shutdown code runs after it, as in production (workerd's built-in
bridge never asks for a lifespan's shutdown; workers-runtime-sdk 1.9.5 shuts each down after its
request). That request starts its lifespan after the test's teardown has ended the test's own
(``pytest_runtest_teardown``); the plugin ends the ones still waiting on a fixture's event loop
just before that loop closes. audit29: the loop's closing cancelled it, and the code after the
``asynccontextmanager`` lifespan's ``yield`` ran (``lifespan cleaned up``) -- at the test's end
with a function-scoped loop, at the module's with a module-scoped one."""

from __future__ import annotations

import pytest
from worker_helpers import RAW_LIFESPAN_WORKER, one_file_worker

TESTS = """
import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def asks_in_teardown(worker):
    yield
    response = await worker.fetch("/")
    print("teardown request answered", response.status, await response.text())


@pytest.mark.asyncio
async def test_one(asks_in_teardown):
    print("test over")


def test_next():
    print("next test")
"""

WANTED = ("test over", "lifespan started", "lifespan cleaned up", "teardown request answered 200 ok", "next test")


def _printed(pytester, scope: str, sdk: str | None) -> list[str]:
    one_file_worker(pytester.path, RAW_LIFESPAN_WORKER, date="2025-11-02" if sdk is None else "2026-05-01", pyproject=False)
    if sdk is not None:
        (pytester.path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    pytester.makeini(f"[pytest]\nasyncio_default_fixture_loop_scope = {scope}\n"
                     f"asyncio_default_test_loop_scope = {scope}\n")
    pytester.makepyfile(test_teardown=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-s", "-q", "test_teardown.py")
    result.assert_outcomes(passed=2)
    return [line.lstrip(".") for line in result.outlines if line.lstrip(".") in WANTED]


@pytest.mark.parametrize("scope", ["function", "module"])
def test_the_built_in_bridges_lifespan_is_never_shut_down(pytester, scope):
    assert _printed(pytester, scope, None) == [
        "test over", "lifespan started", "teardown request answered 200 ok", "next test"]


def test_the_external_sdk_shuts_it_down_after_its_request_as_any(pytester):
    assert _printed(pytester, "function", "1.9.5") == [
        "test over", "lifespan started", "lifespan cleaned up", "teardown request answered 200 ok", "next test"]
