"""A test that calls a binding of ``env`` or the ``worker`` without ``await`` fails: the call never
ran (a coroutine's body starts when it is awaited), and the test passed having done nothing --
``env.KV.put(...)`` wrote nothing, ``worker.fetch("/")`` fetched nothing -- with a RuntimeWarning
at most. The Worker's own unawaited binding calls are left alone: they begin all the same, as
in production (see ``test_runtime_unawaited_binding_calls``), and only warn."""

from __future__ import annotations

import textwrap

import pytest

WRANGLER = """\
name = "awaits"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[[kv_namespaces]]
binding = "KV"
id = "0123456789abcdef0123456789abcdef"
"""

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        self.env.KV.put("from-worker", "v")  # no await: begins all the same, as in production
        return Response("ok")
"""

TESTS = """
import pytest

@pytest.mark.asyncio
async def test_put_not_awaited(env):
    env.KV.put("k", "v")

def test_put_in_a_sync_test(env):
    env.KV.put("k", "v")

@pytest.mark.asyncio
async def test_fetch_not_awaited(worker):
    response = worker.fetch("/")
    assert response  # a coroutine is truthy: this "passed"

@pytest.mark.asyncio
async def test_already_failing(env):
    env.KV.put("k", "v")
    assert False, "its own failure"

@pytest.mark.asyncio
async def test_awaited(env, worker):
    await env.KV.put("k", "v")
    assert await env.KV.get("k") == "v"
    assert (await worker.fetch("/")).status == 200

@pytest.mark.asyncio
async def test_the_workers_own_unawaited_call(worker):
    assert await (await worker.fetch("/")).text() == "ok"

async def not_ours():
    pass

@pytest.mark.asyncio
async def test_a_coroutine_of_the_tests_own(env):
    not_ours()
"""


def test_a_forgotten_await_fails_naming_the_call(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n")
    pytester.path.joinpath("src").mkdir()
    pytester.path.joinpath("src", "entry.py").write_text(ENTRY)
    pytester.makepyfile(test_awaits=textwrap.dedent(TESTS))
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-W", "always::RuntimeWarning")
    result.assert_outcomes(passed=3, failed=4)
    out = result.stdout.str()
    says = "workers-env: this test called {} without `await`, so the call never ran"
    for name, call in [("test_put_not_awaited", "KvNamespace.put"), ("test_put_in_a_sync_test", "KvNamespace.put"),
                       ("test_fetch_not_awaited", "Worker.fetch")]:
        section = out.split(f" {name} _")[1].split("\n____")[0]
        assert says.format(call) in section, section
    failing = out.split(" test_already_failing _")[1].split("\n____")[0]
    assert "its own failure" in failing and says.format("KvNamespace.put") in failing  # added, not replacing
    # the warnings still reach pytest's summary
    result.stdout.fnmatch_lines(["*RuntimeWarning: coroutine 'KvNamespace.put' was never awaited*"])
    result.stdout.fnmatch_lines(["*RuntimeWarning: coroutine 'env.KV.put' was never awaited*"])
