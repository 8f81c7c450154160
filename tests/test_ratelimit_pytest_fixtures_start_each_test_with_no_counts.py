"""The pytest plugin's ``env`` and ``worker`` fixtures build a rate limit with no counts for each
test (a test using up a key's limit leaves the next test untouched), measured against the
``workers_env_clock`` fixture, which a test moves instead of sleeping."""

from __future__ import annotations

import pytest

WRANGLER = """\
name = "rl"
main = "src/entry.py"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]

[[ratelimits]]
name = "RL"
namespace_id = "1001"
simple = { limit = 2, period = 60 }
"""
ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        result = await self.env.RL.limit(key="me")
        return Response("ok" if result.success else "slow down", status=200 if result.success else 429)
"""
TESTS = """
import asyncio

def test_uses_up_the_limit(worker):
    async def run():
        return [(await worker.fetch("/")).status for _ in range(3)]
    assert asyncio.run(run()) == [200, 200, 429]

def test_starts_with_no_count(worker):
    async def run():
        return [(await worker.fetch("/")).status for _ in range(3)]
    assert asyncio.run(run()) == [200, 200, 429]

def test_env_starts_with_no_count_and_the_clock_opens_the_next_window(env, workers_env_clock):
    async def run():
        return [(await env.RL.limit(key="me")).success for _ in range(3)]
    assert asyncio.run(run()) == [True, True, False]
    workers_env_clock.advance(60)
    assert asyncio.run(run()) == [True, True, False]
"""


def test_each_test_gets_fresh_counts(pytester: pytest.Pytester):
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makefile(".toml", pyproject='[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n')
    pytester.path.joinpath("src").mkdir()
    pytester.path.joinpath("src", "entry.py").write_text(ENTRY)
    pytester.makepyfile(test_limits=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:randomly")
    result.assert_outcomes(passed=3)
