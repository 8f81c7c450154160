"""``workers_env_environment`` is the ``[env.NAME]`` the test's ``env`` selects -- the marker's,
``--wrangler-env``'s, the ini option's, else ``None`` -- so a ``workers_env_bindings`` fixture can
load another Worker (a service binding's) in the same environment."""

from __future__ import annotations

import pytest

WRANGLER = ('name = "envs"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
            'compatibility_flags = ["python_workers"]\n[env.staging]\n[env.production]\n')
TESTS = '''
import pytest

def test_selected(env, workers_env_environment):
    print("ENV=%s" % workers_env_environment)

@pytest.mark.workers_env(environment="production")
def test_marked(env, workers_env_environment):
    assert workers_env_environment == "production"
'''


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_envs=TESTS)
    return pytester


@pytest.mark.parametrize(("args", "seen"), [
    ((), "None"), (("--wrangler-env", "staging"), "staging"), (("-o", "workers_env_environment=production"), "production"),
])
def test_the_fixture_names_the_environment_env_selects(project: pytest.Pytester, args, seen) -> None:
    result = project.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-s", *args)
    result.assert_outcomes(passed=2)
    assert f"ENV={seen}" in result.stdout.str()
