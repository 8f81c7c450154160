"""A mistake in a marker of the plugin -- a positional argument where keywords go, a misspelt
keyword, a value of the wrong kind, a missing or extra argument -- fails the test with one line
naming the marker and what it takes, instead of being dropped without a word (the test then
ran with the wrong config, unseeded) or ending in a TypeError from workers-env's insides."""

from __future__ import annotations

import re
import sys
import textwrap

import forkserver
import pytest

WRANGLER = """\
name = "markers"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "db-1"
"""

CASES = {
    "workers_env('wrangler.toml')": ("@pytest.mark.workers_env takes keyword arguments only (config=, environment=, "
                                     "indexes=, embedders=, ai_replies=, bindings=, compatibility_date=, "
                                     "compatibility_flags=), got 'wrangler.toml' by position"),
    "workers_env(confg='other.toml')": ("@pytest.mark.workers_env has no argument confg= (did you mean config=?); "
                                       "it takes config=,"),
    "workers_env(config=123)": ("@pytest.mark.workers_env(config=...) takes a wrangler config file or folder "
                                "(a str or path, relative to the test file), got int 123"),
    "workers_env(environment=1)": ("@pytest.mark.workers_env(environment=...) takes an [env.NAME] name"),
    "workers_env(bindings=['R2'])": ("@pytest.mark.workers_env(bindings=...) takes {binding name: object}, "
                                     "got list ['R2']"),
    "workers_env(compatibility_date=20261117)": ('@pytest.mark.workers_env(compatibility_date=...) takes a date '
                                                 'such as "2026-11-17", got int 20261117'),
    "workers_env(compatibility_flags='python_workers')": ("@pytest.mark.workers_env(compatibility_flags=...) takes a "
                                                          'list of flag names such as ["python_workers"], got str '
                                                          "'python_workers'"),
    "workers_env(indexes='docs')": ("@pytest.mark.workers_env(indexes=...) takes {index name: definition}"),
    "workers_env(embedders=5)": ("@pytest.mark.workers_env(embedders=...) takes {model name: function or "
                                 '"package.module:function"}, got int 5'),
    "workers_env(config='missing.toml')": ("@pytest.mark.workers_env(config='missing.toml') names no wrangler "
                                           "config (paths are relative to the test file)"),
    "vectorize_seed": ("@pytest.mark.vectorize_seed(binding, source, *, namespace=None): missing a required "
                       "argument: 'binding'"),
    "vectorize_seed('VECTORIZE')": ("@pytest.mark.vectorize_seed(binding, source, *, namespace=None): missing a "
                                    "required argument: 'source'"),
    "vectorize_seed('VECTORIZE', [], 'ns')": ("@pytest.mark.vectorize_seed(binding, source, *, namespace=None): "
                                              "too many positional arguments"),
    "vectorize_seed(1, [])": ("@pytest.mark.vectorize_seed(binding, source, *, namespace=None): binding is the "
                              "binding's name in the env, a str, got int 1"),
    "d1_schema()": ("@pytest.mark.d1_schema(binding, source=None): missing a required argument: 'binding'"),
    "d1_schema(binding='DB', src='schema.sql')": ("@pytest.mark.d1_schema(binding, source=None): got an "
                                                  "unexpected keyword argument 'src'"),
    "d1_schema('DB', 5)": ("a D1 schema is a .sql file or a migrations folder (a str or path), or None for DB's "
                           "migrations_dir; got int 5"),
}


PYPROJECT = ('[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
             '[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = "function"\n')


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.path.joinpath("pyproject.toml").write_text(PYPROJECT)
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


@pytest.fixture(scope="module")
def every_mistake(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The output of one pytest run (a ``python -m pytest`` the suite's fork server starts) over a
    project of one test for each of ``CASES``, ``test_N`` with the Nth mistake: each test's mistake
    is its own marker's, read as its setup starts (a pytester run for each was ~0.12 s of CPU, 2 s
    for all; this run ~1 s, its plugins but this one and pytest-asyncio left out: anyio's imports
    trio, pytest-benchmark's runs git)."""
    folder = tmp_path_factory.mktemp("marker_mistakes")
    (folder / "wrangler.toml").write_text(WRANGLER)
    (folder / "pyproject.toml").write_text(PYPROJECT)
    (folder / "test_mark.py").write_text("import pytest\n" + "".join(
        f"\n\n@pytest.mark.{mark}\ndef test_{n}(env):\n    pass\n" for n, mark in enumerate(CASES)))
    done = forkserver.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                           "-p", "no:anyio", "-p", "no:benchmark"],
                          cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == pytest.ExitCode.TESTS_FAILED, done.stdout + done.stderr
    return done.stdout


@pytest.mark.parametrize("mark", list(CASES))
def test_a_marker_mistake_fails_the_test_naming_the_marker(every_mistake: str, mark: str) -> None:
    says, n = CASES[mark], list(CASES).index(mark)
    out = every_mistake
    assert re.search(rf"^=+ {len(CASES)} errors in ", out, re.M), out  # each test an error, none passed
    assert f"ERROR test_mark.py::test_{n} - " in out, out
    start = out.index(f"_ ERROR at setup of test_{n} _")
    report = re.split(r"\n(?:_{3,}|={3,}) ", out[start:], maxsplit=1)[0]  # this test's report alone
    assert f"workers-env: {says}" in report, report
    assert "pytest_plugin.py" not in report and "TypeError" not in report  # the message alone, not our frames


def test_a_marker_on_the_class_or_module_is_checked_too(project: pytest.Pytester) -> None:
    project.makepyfile(test_mark=textwrap.dedent("""
        import pytest

        pytestmark = pytest.mark.workers_env(environmnet="staging")

        class TestIt:
            def test_it(self, env):
                pass
        """))
    result = run(project)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*@pytest.mark.workers_env has no argument environmnet= (did you mean environment=?)*"])


def test_the_right_arguments_still_work(project: pytest.Pytester) -> None:
    (project.path / "tests").mkdir()
    (project.path / "tests" / "schema.sql").write_text("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);\n")
    project.makepyfile(**{"tests/test_mark": textwrap.dedent("""
        import pytest

        @pytest.mark.workers_env(config="..", environment=None, bindings={"EXTRA": 1})
        @pytest.mark.vectorize_seed("VECTORIZE", [{"id": "a", "values": [1, 0, 0]}], namespace="ns")
        @pytest.mark.d1_schema("DB", source="schema.sql")
        def test_it(env):
            assert env.EXTRA == 1
            assert env.unwrapped("VECTORIZE").get_by_ids_sync(["a"])[0]["namespace"] == "ns"
            assert env.unwrapped("DB").database.query_one("SELECT count(*) FROM notes", ()).rows == [(0,)]
        """)})
    run(project).assert_outcomes(passed=1)


@pytest.mark.parametrize("fixture, value, says", [
    ("workers_env_bindings", "['R2']", "the workers_env_bindings fixture returns {binding name: object}, got list ['R2']"),
    ("workers_env_seed", "['seed.ndjson']", 'the workers_env_seed fixture returns {binding: [vectors] or "file.ndjson"}, '
                                            "got list ['seed.ndjson']"),
    ("workers_env_d1_schema", "'schema.sql'", 'the workers_env_d1_schema fixture returns {binding: None or "schema.sql"}, '
                                              "got str 'schema.sql'"),
])
def test_an_override_fixture_of_the_wrong_kind_is_named(project: pytest.Pytester, fixture: str, value: str,
                                                        says: str) -> None:
    project.makeconftest(f"import pytest\n\n@pytest.fixture\ndef {fixture}():\n    return {value}\n")
    project.makepyfile(test_it="def test_it(env):\n    pass\n")
    result = run(project)
    result.assert_outcomes(errors=1)
    assert f"workers-env: {says}" in result.stdout.str()
    assert "pytest_plugin.py" not in result.stdout.str()


def test_pytest_markers_describes_each_marker(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--markers")
    result.stdout.fnmatch_lines([
        "@pytest.mark.workers_env(config=None, environment=None, indexes=None, embedders=None, ai_replies=None, "
        "bindings=None, compatibility_date=None, compatibility_flags=None): per-test wrangler config path, "
        "[[]env.NAME], index definitions, Workers AI embedders, scripted text generation replies, bindings you "
        "supply ({name: object}) and the compatibility date and flags run instead of the config's, for the env "
        "fixture",
        "@pytest.mark.vectorize_seed(binding, source, namespace=None): upsert vectors (a list, or an NDJSON file "
        "relative to the test file) into env.<binding> before the test",
        "@pytest.mark.d1_schema(binding, source=None): before the test, apply the D1 binding's migrations_dir "
        "(source=None), a .sql file or a migrations folder (relative to the test file) to env.<binding>",
        "@pytest.mark.kv_seed(binding, source): put keys into the KV binding env.<binding> before the test: a dict "
        "{key: value}, a list of items as `wrangler kv bulk put` takes them ({key, value, metadata, expiration, "
        "expiration_ttl, base64}), or such a JSON file (relative to the test file)",
    ])
