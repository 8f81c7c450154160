"""``--wrangler-env`` (or the ``workers_env_environment`` ini option) naming an environment the
config does not define stops the run once, after collection, with a usage error naming the
environments it does define -- not one failing setup per test. Wrangler's rule decides what is
unknown: an error only when the config defines other environments (with none, wrangler warns
and uses the top level, which the run's summary shows)."""

from __future__ import annotations

import pytest

WRANGLER = ('name = "envs"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
            'compatibility_flags = ["python_workers"]\n')
ENVS = '[[kv_namespaces]]\nbinding = "KV"\nid = "top"\n[env.staging]\n[[env.staging.kv_namespaces]]\nbinding = "KV"\nid = "st"\n[env.production]\n'
TESTS = ("def test_one(env):\n    assert 'KV' in env\n\n"
         "def test_two(env):\n    assert 'KV' in env\n\n"
         "def test_plain():\n    pass\n")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER + ENVS)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_envs=TESTS)
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


def test_a_misspelt_option_is_one_usage_error_naming_the_environments(project: pytest.Pytester) -> None:
    result = run(project, "--wrangler-env", "stagin")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert ('ERROR: workers-env: --wrangler-env stagin: no [env.stagin] in the wrangler config of the tests using env: '
            'wrangler.toml (2 tests) defines "staging", "production". Pass an environment the config defines, or none '
            'for its top level.\n') in result.stderr.str()
    assert "Traceback" not in result.stderr.str() and "test_one" not in result.stdout.str()


def test_the_ini_option_is_checked_the_same_way(project: pytest.Pytester) -> None:
    result = run(project, "-o", "workers_env_environment=prod")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert ("the workers_env_environment ini option 'prod': no [env.prod] in the wrangler config of the tests using "
            'env: wrangler.toml (2 tests) defines "staging", "production".') in result.stderr.str()


def test_a_defined_environment_runs(project: pytest.Pytester) -> None:
    run(project, "--wrangler-env", "staging").assert_outcomes(passed=3)


def test_no_test_using_env_selected_means_no_error(project: pytest.Pytester) -> None:
    run(project, "--wrangler-env", "stagin", "-k", "plain").assert_outcomes(passed=1, deselected=2)


def test_a_marker_environment_is_the_tests_own(project: pytest.Pytester) -> None:
    project.makepyfile(test_envs="import pytest\n\n@pytest.mark.workers_env(environment='staging')\n"
                                 "def test_marked(env):\n    assert 'KV' in env\n")
    run(project, "--wrangler-env", "stagin").assert_outcomes(passed=1)


def test_a_config_without_environments_warns_as_wrangler(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_top="def test_top(env):\n    pass\n")
    result = run(pytester, "--wrangler-env", "stagin")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(['*No environment found in configuration with name "stagin".*'])


def test_each_workers_config_is_checked_for_its_own_tests(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    for name, extra in (("api", "[env.staging]\n"), ("web", "[env.production]\n")):
        pytester.mkdir(name)
        (pytester.path / name / "wrangler.toml").write_text(WRANGLER + extra)
        (pytester.path / name / f"test_{name}.py").write_text("def test_it(env):\n    pass\n")
    result = run(pytester, "--wrangler-env", "staging")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert 'no [env.staging] in the wrangler config of the tests using env: web/wrangler.toml (1 test) defines "production".' \
        in result.stderr.str()
    assert "api/wrangler.toml" not in result.stderr.str()


def test_an_empty_env_table_counts_as_defining_environments(pytester: pytest.Pytester) -> None:
    """``env = {}`` is there by JavaScript truthiness, so wrangler errors (listing none)."""
    pytester.makefile(".json", wrangler='{"name": "envs", "main": "src/entry.py", "compatibility_date": "2026-05-01", '
                                        '"compatibility_flags": ["python_workers"], "env": {}}')
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_envs=TESTS)
    result = run(pytester, "--wrangler-env", "staging")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert ("no [env.staging] in the wrangler config of the tests using env: wrangler.json (2 tests) defines none. "
            "Pass") in result.stderr.str()
