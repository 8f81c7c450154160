"""The README's recipe for a forgotten ``await``: with ``filterwarnings = ["error::RuntimeWarning",
"error::pytest.PytestUnraisableExceptionWarning"]`` a test that calls the ``env`` or the ``worker``
without ``await``, or whose Worker code forgets one on a binding call (which has run all the same),
fails; the same project with every ``await`` in place passes."""

from __future__ import annotations

import pytest

WRANGLER = """\
name = "aw"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]
[[kv_namespaces]]
binding = "CACHE"
id = "0123456789abcdef0123456789abcdef"
"""

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/forget"):
            self.env.CACHE.put("k", "v")
        else:
            await self.env.CACHE.put("k", "v")
        return Response("ok")
"""

TESTS = """\
async def test_env_call_not_awaited(env):
    env.CACHE.put("k", "v")

async def test_worker_call_not_awaited(worker):
    worker.fetch("/")

async def test_worker_code_forgets_one(worker, env):
    assert (await worker.fetch("/forget")).status == 200
    assert await env.CACHE.get("k") == "v"   # the call ran all the same

async def test_all_awaited(worker, env):
    assert (await worker.fetch("/")).status == 200
    assert await env.CACHE.get("k") == "v"
"""


def test_the_readmes_filterwarnings_fail_a_forgotten_await(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.path.joinpath("pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nasyncio_mode = "auto"\nasyncio_default_fixture_loop_scope = "function"\n'
        'filterwarnings = ["error::RuntimeWarning", "error::pytest.PytestUnraisableExceptionWarning"]\n')
    pytester.path.joinpath("src").mkdir()
    pytester.path.joinpath("src", "entry.py").write_text(ENTRY)
    pytester.makepyfile(test_aw=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(failed=3, passed=1)
    out = result.stdout.str()
    assert "coroutine 'env.CACHE.put' was never awaited" in out
    assert "coroutine 'Worker.fetch' was never awaited" in out
