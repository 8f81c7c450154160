"""The env fixture builds each test's env from the wrangler config nearest the test file.

In a repository of several Workers whose root holds the pytest settings (and a Worker of its
own), ``api/tests`` get ``api/wrangler.toml``, not the root's; without a config between the
test and the rootdir, the rootdir's rule stands; a chosen config (option, marker) still wins.
"""

from __future__ import annotations

import textwrap

import pytest


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


def _worker(folder, role: str, name: str = "wrangler.toml") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f'name = "{role}"\n[vars]\nROLE = "{role}"\n')


def _role_test(folder, role: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"test_{role}.py").write_text(textwrap.dedent(f"""
        def test_role(env):
            assert env.ROLE == "{role}"
    """))


@pytest.fixture
def monorepo(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    _worker(pytester.path, "gateway")
    _worker(pytester.path / "api", "api")
    _role_test(pytester.path / "tests", "gateway")
    _role_test(pytester.path / "api" / "tests", "api")
    return pytester


def test_each_workers_tests_get_its_own_config(monorepo: pytest.Pytester) -> None:
    run(monorepo).assert_outcomes(passed=2)


def test_the_nearest_folder_wins_over_wranglers_name_order(monorepo: pytest.Pytester) -> None:
    (monorepo.path / "wrangler.json").write_text(  # found first by name, from any folder
        '{"name": "gateway", "vars": {"ROLE": "gateway"}}')
    run(monorepo).assert_outcomes(passed=2)


def test_a_chosen_config_still_wins(monorepo: pytest.Pytester) -> None:
    result = run(monorepo, "--wrangler-config", "wrangler.toml", "api/tests")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*assert 'gateway' == 'api'*"])


def test_without_a_config_near_the_test_the_rootdirs_is_used(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    _worker(pytester.path, "root")
    _role_test(pytester.path / "deep" / "tests", "root")
    run(pytester).assert_outcomes(passed=1)
