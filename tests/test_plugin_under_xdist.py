"""Under pytest-xdist (``pytest -n 2``) the fixtures work in every worker process, each test with
its own fresh state, and the wrangler config warnings the workers found are listed once, by the
controller, as in a run without xdist (they were lost: each worker kept its own). The inner runs
keep pytest-benchmark out (``-p no:benchmark``): where it is installed it warns under xdist; and
hypothesis's and anyio's plugins, which no inner test uses, out of each worker's start."""

from __future__ import annotations

import pytest

#: plugins an xdist worker would import that none of these runs uses: hypothesis's and anyio's
#: (~0.5 s of CPU of each worker's ~1.7 s start, importing hypothesis and trio) and
#: pytest-benchmark's (which warns under xdist); the workers take the run's ``-p no:`` options
QUIET_PLUGINS = ("-p", "no:hypothesispytest", "-p", "no:anyio", "-p", "no:benchmark")

WORKER = """\
from workers import Response

async def on_fetch(request, env):
    before = await env.KV.get("hits")
    await env.KV.put("hits", "1")
    return Response(str(before))
"""

TESTS = """\
import pytest

@pytest.mark.asyncio
async def test_env_{n}(env):
    assert await env.KV.get("k") is None
    await env.KV.put("k", "{n}")

@pytest.mark.asyncio
async def test_worker_{n}(worker):
    first = await worker.fetch("http://w/")
    second = await worker.fetch("http://w/")
    assert (await first.text(), await second.text()) == ("None", "1")
"""


def test_fixtures_and_config_warnings_under_two_xdist_workers(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler='name = "w"\nmain = "src/entry.py"\nmian = "typo.py"\n'
                                        'compatibility_date = "2025-06-01"\ncompatibility_flags = ["python_workers"]\n'
                                        '[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n')
    (pytester.path / "src").mkdir()
    (pytester.path / "src" / "entry.py").write_text(WORKER)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(**{f"test_{n}": TESTS.format(n=n) for n in ("a", "b", "c")})
    result = pytester.runpytest("-p", "no:cacheprovider", *QUIET_PLUGINS, "-n", "2")
    result.assert_outcomes(passed=6)
    result.stdout.fnmatch_lines(["2 workers [[]6 items[]]", "*workers-env: wrangler config warnings*",
                                 "Processing wrangler.toml configuration:",
                                 '  - Unexpected fields found in top-level field: "mian"'])
    assert result.stdout.str().count('"mian"') == 1


def test_an_unknown_environment_is_one_usage_error_under_xdist(pytester: pytest.Pytester) -> None:
    # found after collection, in the workers: raising there crashed xdist (an INTERNALERROR)
    pytester.makefile(".toml", wrangler='name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n'
                                        '[env.staging]\n[[env.staging.kv_namespaces]]\nbinding = "KV"\nid = "b"\n')
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(**{f"test_{n}": TESTS.split("@pytest.mark.asyncio\nasync def test_worker")[0].format(n=n)
                           for n in ("a", "b")})
    result = pytester.runpytest("-p", "no:cacheprovider", *QUIET_PLUGINS, "-n", "2", "--wrangler-env", "prod")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
    result.stdout.fnmatch_lines(['ERROR: workers-env: --wrangler-env prod: no [[]env.prod[]] in the wrangler config of the '
                                 'tests using env: wrangler.toml (2 tests) defines "staging". *'])
    assert result.stdout.str().count("ERROR: workers-env") == 1
