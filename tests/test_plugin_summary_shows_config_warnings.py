"""The warnings wrangler would print for a test's wrangler config (a misspelt key, a field in
the wrong place) are listed once at the end of the run, in wrangler's words -- not as Python
warnings, which ``-W error`` would turn into failures -- so a typo in wrangler.toml does not
pass every test without a word."""

from __future__ import annotations

import pytest

TEST = """\
import pytest

@pytest.mark.asyncio
async def test_one(env):
    await env.KV.put("k", "v")

@pytest.mark.asyncio
async def test_two(env):
    assert await env.KV.get("k") is None
"""


def _project(pytester: pytest.Pytester, wrangler: str) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=wrangler)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_kv=TEST)
    return pytester


def test_a_misspelt_key_is_listed_once(pytester: pytest.Pytester) -> None:
    project = _project(pytester, 'name = "w"\nmian = "src/entry.py"\n[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n')
    result = project.runpytest("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*workers-env: wrangler config warnings*", "Processing wrangler.toml configuration:",
                                 '  - Unexpected fields found in top-level field: "mian"'])
    assert result.stdout.str().count('"mian"') == 1


def test_a_clean_config_adds_no_section(pytester: pytest.Pytester) -> None:
    project = _project(pytester, 'name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n')
    result = project.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    assert "wrangler config warnings" not in result.stdout.str()


def test_a_workers_config_without_compatibility_date_is_listed(pytester: pytest.Pytester) -> None:
    # it runs on today's date, as wrangler dev does with its warning: the era moves under the tests
    project = _project(pytester, 'name = "w"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n'
                                 '[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n')
    result = project.runpytest("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*workers-env: wrangler config warnings*", "Processing wrangler.toml configuration:",
                                 "  - No compatibility_date was specified. Using the default compatibility date: *.",
                                 '    ❯❯ Add one to your wrangler.toml file: compatibility_date = "*", or'])


def test_a_dated_workers_config_adds_no_section(pytester: pytest.Pytester) -> None:
    project = _project(pytester, 'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                 'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n')
    result = project.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    assert "wrangler config warnings" not in result.stdout.str()
