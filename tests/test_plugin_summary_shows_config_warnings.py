"""The warnings wrangler would print for a test's wrangler config (a misspelt key, a field in
the wrong place) are listed once at the end of the run, in wrangler's words -- not as Python
warnings, which ``-W error`` would turn into failures -- so a typo in wrangler.toml does not
pass every test without a word. A config that also has an error fails each test's setup with its
warnings first, then the error, as wrangler prints them: the warning names the typo."""

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


def test_a_broken_configs_setup_error_shows_its_warnings_first(pytester: pytest.Pytester) -> None:
    # the warning names the typo that the error below it only describes, as wrangler prints both
    project = _project(pytester, 'name = "w"\n[[kv_namespaces]]\nbindng = "KV"\nid = "a"\n')
    result = project.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=2)
    assert ('wrangler.toml:\nProcessing wrangler.toml configuration:\n'
            '  - Unexpected fields found in kv_namespaces[0] field: "bindng"\n\n'
            'Processing wrangler.toml configuration:\n'
            '  - "kv_namespaces[0]" bindings should have a string "binding" field but got {"bindng":"KV","id":"a"}.\n'
            ) in result.stdout.str()


def test_a_broken_config_without_warnings_shows_its_errors_alone(pytester: pytest.Pytester,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # on CI (CI set) pytest's short summary repeats each error's whole message: counted once per test here
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("BUILD_NUMBER", raising=False)
    project = _project(pytester, 'name = "w"\n[[kv_namespaces]]\nid = "a"\n')
    result = project.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=2)
    assert result.stdout.str().count("Processing wrangler.toml configuration:") == 2  # once per test
    assert "Unexpected fields" not in result.stdout.str()


def test_a_warning_of_an_environment_names_it(pytester: pytest.Pytester) -> None:
    project = _project(pytester, 'name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n'
                                 '[env.staging]\nmian = "x"\n[[env.staging.kv_namespaces]]\nbinding = "KV"\nid = "b"\n')
    result = project.runpytest("-p", "no:cacheprovider", "--wrangler-env", "staging")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*workers-env: wrangler config warnings*",
                                 'Processing wrangler.toml (environment "staging") configuration:', '  - *"mian"*'])
