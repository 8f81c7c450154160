"""Under pytest-xdist (``pytest -n 2``) the fixtures work in every worker process, each test with
its own fresh state, and the wrangler config warnings the workers found are listed once, by the
controller, as in a run without xdist (they were lost: each worker kept its own)."""

from __future__ import annotations

import pytest

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
    result = pytester.runpytest("-p", "no:cacheprovider", "-n", "2")
    result.assert_outcomes(passed=6)
    result.stdout.fnmatch_lines(["2 workers [[]6 items[]]", "*workers-env: wrangler config warnings*",
                                 "Processing wrangler.toml configuration:",
                                 '  - Unexpected fields found in top-level field: "mian"'])
    assert result.stdout.str().count('"mian"') == 1
