"""A ``vectorize_seed`` or ``d1_schema`` marker (or fixture call) naming a binding the env lacks
by a typo or by case names the binding it likely means, as ``env.NAME`` does; a name like none
gets only the list of what the env has."""

from __future__ import annotations

import textwrap

import pytest

WRANGLER = """\
name = "typos"

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"

[[d1_databases]]
binding = "NOTES_DB"
database_name = "notes"
database_id = "db-1"
"""

TESTS = """
import pytest

@pytest.mark.vectorize_seed("VECTORISE", [{"id": "a", "values": [1, 0, 0]}])
def test_seed_typo(env):
    pass

@pytest.mark.vectorize_seed("vectorize", [{"id": "a", "values": [1, 0, 0]}])
def test_seed_case(env):
    pass

def test_seed_vectors_typo(env, seed_vectors):
    seed_vectors("VECTORZE", [{"id": "a", "values": [1, 0, 0]}])

@pytest.mark.vectorize_seed("SEARCH", [{"id": "a", "values": [1, 0, 0]}])
def test_seed_unlike(env):
    pass

@pytest.mark.d1_schema("NOTE_DB", "schema.sql")
def test_schema_typo(env):
    pass
"""

SAYS = {
    "test_seed_typo": "workers-env: cannot seed 'VECTORISE' (did you mean 'VECTORIZE'?): the env has VECTORIZE",
    "test_seed_case": "workers-env: cannot seed 'vectorize' (did you mean 'VECTORIZE'?): the env has",
    "test_seed_vectors_typo": "workers-env: cannot seed 'VECTORZE' (did you mean 'VECTORIZE'?)",
    "test_seed_unlike": "workers-env: cannot seed 'SEARCH': the env has VECTORIZE",
    "test_schema_typo": "workers-env: 'NOTE_DB' is not a D1 binding of this env (did you mean 'NOTES_DB'?); "
                        "its D1 bindings: NOTES_DB",
}


@pytest.fixture
def result(pytester: pytest.Pytester) -> pytest.RunResult:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.path.joinpath("pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
        '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n')
    (pytester.path / "schema.sql").write_text("CREATE TABLE notes (id INTEGER PRIMARY KEY);\n")
    pytester.makepyfile(test_typos=textwrap.dedent(TESTS))
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:xdist", "-rfE")


def test_each_misspelt_binding_is_named_with_the_near_one(result: pytest.RunResult) -> None:
    out = result.stdout.str()
    report = out.split("short test summary")[0]
    for name, says in SAYS.items():
        section = report.split(f" {name} _")[1].split("\n____")[0]
        assert says in section, (name, section)


def test_an_unlike_name_gets_no_guess(result: pytest.RunResult) -> None:
    section = result.stdout.str().split(" test_seed_unlike _")[1].split("\n____")[0]
    assert "did you mean" not in section
