"""``vectorize_seed`` markers apply as ``d1_schema`` markers do: the module's, then the class's,
then the test's in the order they are written, so for one vector id the closest marker wins
(as the closest ``workers_env`` marker does). They ran the other way round: a module-level
seed overwrote the vector a test seeded for itself."""

from __future__ import annotations

import textwrap

import pytest

WRANGLER = """\
name = "order"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"
"""

TESTS = """
import pytest

def seed(origin):
    return pytest.mark.vectorize_seed("VECTORIZE", [{"id": "a", "values": [1, 0, 0], "metadata": {"from": origin}}])

pytestmark = seed("module")

def origin(env):
    return env.unwrapped("VECTORIZE").get_by_ids_sync(["a"])[0]["metadata"]["from"]

def test_module_alone(env):
    assert origin(env) == "module"

@seed("test")
def test_the_tests_own_wins(env):
    assert origin(env) == "test"

@seed("written first")
@seed("written last")
def test_in_the_order_written(env):
    assert origin(env) == "written last"

@seed("class")
class TestClass:
    def test_the_class_wins_over_the_module(self, env):
        assert origin(env) == "class"

    @seed("method")
    def test_the_method_wins_over_the_class(self, env):
        assert origin(env) == "method"
"""


def test_the_closest_seed_marker_wins(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.path.joinpath("pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
        '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n')
    pytester.makepyfile(test_order=textwrap.dedent(TESTS))
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest").assert_outcomes(passed=5)
