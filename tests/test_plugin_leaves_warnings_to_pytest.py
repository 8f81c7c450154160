"""The plugin leaves warnings to pytest: ``recwarn`` sees a test's warnings while the test runs
and per-module ``filterwarnings`` entries match, in tests that use ``env``. (A check for calls
test code forgot to ``await`` once recorded every warning itself and re-emitted them after the
test: ``recwarn`` saw none, and a module's filter no longer matched -- both reverted.)"""

from __future__ import annotations

import pytest

TESTS = """\
import warnings

import pytest

import helper

@pytest.mark.asyncio
async def test_recwarn_sees_it(env, recwarn):
    await env.KV.put("a", "b")
    warnings.warn("deprecated thing", DeprecationWarning)
    assert len(recwarn) == 1

@pytest.mark.asyncio
async def test_a_module_filter_matches(env):
    await env.KV.put("a", "b")
    helper.f()
"""


def test_warnings_reach_pytest_as_they_are_raised(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler='name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "a"\n')
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n"
                     "filterwarnings =\n    error\n    default::UserWarning:helper\n")
    pytester.makepyfile(helper="import warnings\n\ndef f():\n    warnings.warn('helper says', UserWarning)\n")
    pytester.makepyfile(test_warns=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
