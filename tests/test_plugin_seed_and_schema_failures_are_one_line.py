"""Seeding or a D1 schema that fails -- vectors the binding refuses, an NDJSON file that is not
there, a binding of another kind, SQL that does not run -- fails the test with one line naming
what was applied (the marker, the fixture, the call; the file or migration) and the binding's
own error, not workers-env's traceback ending in an AttributeError or an internal class."""

from __future__ import annotations

import textwrap

import pytest

WRANGLER = """\
name = "seeds"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"

[[kv_namespaces]]
binding = "KV"
id = "0123456789abcdef0123456789abcdef"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "db-1"
"""

TESTS = """
import pytest
from workers_env.pytest_plugin import seed_binding

@pytest.mark.vectorize_seed("VECTORIZE", [{"id": "a", "values": [1, 0]}])
def test_refused_vectors(env):
    pass

@pytest.mark.vectorize_seed("VECTORIZE", "missing.ndjson")
def test_missing_file(env):
    pass

@pytest.mark.vectorize_seed("KV", [{"id": "a", "values": [1, 0, 0]}])
def test_not_vectorize(env):
    pass

@pytest.mark.vectorize_seed("VECTORIZE", {"id": "a", "values": [1, 0, 0]})
def test_one_dict(env):
    pass

@pytest.mark.vectorize_seed("VECTORIZE", [1, 2])
def test_not_dicts(env):
    pass

def test_seed_vectors_call(env, seed_vectors):
    seed_vectors("KV", [{"id": "a", "values": [1, 0, 0]}])

def test_seed_vectors_of_no_list(env, seed_vectors):
    seed_vectors("VECTORIZE", 5)

def test_seed_binding_of_another_kind(env):
    from workers_env import ConfigError
    with pytest.raises(ConfigError, match="cannot seed vectors into KvNamespace: it is not a Vectorize binding"):
        seed_binding(env.unwrapped("KV"), [{"id": "a", "values": [1, 0, 0]}])

@pytest.mark.d1_schema("DB", "broken.sql")
def test_broken_sql_file(env):
    pass

@pytest.mark.d1_schema("DB")
def test_broken_migration(env):
    pass

def test_broken_sql_by_the_fixture(env, d1_schema):
    d1_schema("DB", "broken.sql")
"""

FIXTURE_TESTS = """
import pytest

@pytest.fixture
def workers_env_seed():
    return {"VECTORIZE": 5}

def test_fixture_seed_of_no_list(env):
    pass
"""

KV_FIXTURE_TESTS = """
import pytest

@pytest.fixture
def workers_env_kv_seed():
    return 5

def test_kv_fixture_of_no_mapping(env):
    pass
"""

SAYS = {
    "test_refused_vectors": "workers-env: @pytest.mark.vectorize_seed('VECTORIZE', ...): Error: VECTOR_UPSERT_ERROR "
                            "(code = 40012): invalid vector for id=\"a\", expected 3 dimensions, and got 2 dimensions",
    "test_missing_file": "workers-env: @pytest.mark.vectorize_seed('VECTORIZE', ...): cannot read vectors file ",
    "test_not_vectorize": "workers-env: cannot seed 'KV': it is not a Vectorize binding; the env's Vectorize bindings: "
                          "VECTORIZE (from ",
    "test_one_dict": "workers-env: @pytest.mark.vectorize_seed('VECTORIZE', ...): the vectors to seed are a list of "
                     "vector dicts or an NDJSON file's path, got one dict: put it in a list, [{...}]",
    "test_not_dicts": "workers-env: @pytest.mark.vectorize_seed('VECTORIZE', ...): the vectors to seed are vector dicts "
                      '({"id": ..., "values": [...]}); item 0 is int',
    "test_seed_vectors_call": "workers-env: cannot seed 'KV': it is not a Vectorize binding",
    "test_seed_vectors_of_no_list": "workers-env: seed_vectors('VECTORIZE', ...): the vectors to seed are a list of "
                                    "vector dicts or an NDJSON file's path, got int",
    "test_fixture_seed_of_no_list": "workers-env: the workers_env_seed fixture's 'VECTORIZE': the vectors to seed are "
                                    "a list of vector dicts or an NDJSON file's path, got int",
    "test_kv_fixture_of_no_mapping": "workers-env: the workers_env_kv_seed fixture returns {binding: {key: value}, "
                                     "[items] or \"items.json\"}, got int 5",
    "test_broken_sql_file": 'broken.sql: near "SELEC": syntax error',
    "test_broken_migration": '0002_broken.sql: near "INSERTT": syntax error',
    "test_broken_sql_by_the_fixture": 'broken.sql: near "SELEC": syntax error',
}


@pytest.fixture
def result(pytester: pytest.Pytester) -> pytest.RunResult:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.path.joinpath("pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
        '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n')
    migrations = pytester.mkdir("migrations")
    (migrations / "0001_notes.sql").write_text("CREATE TABLE notes (id INTEGER PRIMARY KEY);\n")
    (migrations / "0002_broken.sql").write_text("INSERTT INTO notes VALUES (1);\n")
    (pytester.path / "broken.sql").write_text("CREATE TABLE x (a);\nSELEC 1;\n")
    pytester.makepyfile(test_seeds=textwrap.dedent(TESTS), test_fixture_seed=FIXTURE_TESTS,
                        test_kv_fixture=KV_FIXTURE_TESTS)
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-rfE")


def test_each_failure_is_its_message_alone(result: pytest.RunResult) -> None:
    result.assert_outcomes(passed=1, failed=3, errors=9)
    out = result.stdout.str()
    report = out.split("short test summary")[0]
    for name, says in SAYS.items():
        section = report.split(f" {name} _")[1].split("\n____")[0]
        assert says in section, (name, section)
        assert "pytest_plugin.py" not in section and "Traceback" not in section, (name, section)
    assert "SqlFailure" not in out and "AttributeError" not in out


def test_a_failing_migration_is_named(result: pytest.RunResult) -> None:
    report = result.stdout.str().split(" test_broken_migration _")[1].split("\n____")[0]
    assert "workers-env: the D1 schema for DB failed: " in report and "migrations/0002_broken.sql" in report
