"""The pytest plugin's D1 support: a fresh database per test, and schemas applied before a test
by the ``d1_schema`` marker, the ``workers_env_d1_schema`` fixture or the ``d1_schema`` fixture."""

from __future__ import annotations

import textwrap

import pytest

WRANGLER = """\
name = "plugin-d1"
main = "src/entry.py"
compatibility_date = "2025-09-01"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "db-1"
"""

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        rows = await self.env.DB.prepare("SELECT text FROM notes ORDER BY id").raw()
        return Response.json([r[0] for r in rows])
"""


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


@pytest.fixture
def d1_project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(**{"src/entry": ENTRY})
    migrations = pytester.path / "migrations"
    migrations.mkdir()
    (migrations / "0001_notes.sql").write_text("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);\n")
    (migrations / "0002_seed.sql").write_text("INSERT INTO notes (text) VALUES ('from-migrations');\n")
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "schema.sql").write_text(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);\nINSERT INTO notes (text) VALUES ('from-file');\n"
    )
    return pytester


def test_marker_applies_migrations_or_a_file_and_each_test_starts_empty(d1_project):
    d1_project.makepyfile(**{"tests/test_it": textwrap.dedent("""
        import pytest
        from workers_env import JsException

        @pytest.mark.d1_schema("DB")
        @pytest.mark.asyncio
        async def test_migrations(env):
            assert await env.DB.prepare("SELECT text FROM notes").first("text") == "from-migrations"
            assert await env.DB.prepare("SELECT count(*) AS c FROM d1_migrations").first("c") == 2
            await env.DB.prepare("INSERT INTO notes (text) VALUES ('leak?')").run()

        @pytest.mark.d1_schema("DB", "schema.sql")
        @pytest.mark.asyncio
        async def test_file(env, worker):
            resp = await worker.fetch("/")
            assert await resp.json() == ["from-file"]

        @pytest.mark.asyncio
        async def test_fresh(env):
            with pytest.raises(JsException, match="no such table: notes"):
                await env.DB.prepare("SELECT * FROM notes").all()

        @pytest.mark.asyncio
        async def test_fixture(env, d1_schema):
            assert d1_schema("DB") == ["0001_notes.sql", "0002_seed.sql"]
            assert d1_schema("DB") == []  # already applied
            assert await env.DB.prepare("SELECT count(*) AS c FROM notes").first("c") == 1
    """)})
    result = run(d1_project, "tests")
    result.assert_outcomes(passed=4)


def test_conftest_fixture_applies_a_schema_to_every_test(d1_project):
    d1_project.makepyfile(**{
        "tests/conftest": "import pytest\n\n@pytest.fixture\ndef workers_env_d1_schema():\n    return {'DB': 'schema.sql'}\n",
        "tests/test_it": textwrap.dedent("""
            import pytest

            @pytest.mark.asyncio
            async def test_one(env):
                assert await env.DB.prepare("SELECT text FROM notes").first("text") == "from-file"
        """),
    })
    run(d1_project, "tests").assert_outcomes(passed=1)


def test_stacked_schemas_apply_the_fixtures_then_the_modules_the_classs_and_the_tests_in_the_order_written(d1_project):
    """Each schema appends its name to ``log``: a later one sees the table an earlier one made,
    so a schema file and the migrations (or several files) can be stacked."""
    tests = d1_project.path / "tests"
    (tests / "log.sql").write_text("CREATE TABLE log (id INTEGER PRIMARY KEY, name TEXT);\n")
    for name in ("module", "class", "first", "last"):
        (tests / f"{name}.sql").write_text(f"INSERT INTO log (name) VALUES ('{name}');\n")
    d1_project.makepyfile(**{
        "tests/conftest": "import pytest\n\n@pytest.fixture\ndef workers_env_d1_schema():\n    return {'DB': 'log.sql'}\n",
        "tests/test_it": textwrap.dedent("""
            import pytest

            pytestmark = pytest.mark.d1_schema("DB", "module.sql")

            async def names(env):
                return [r[0] for r in await env.DB.prepare("SELECT name FROM log ORDER BY id").raw()]

            @pytest.mark.d1_schema("DB", "class.sql")
            class TestStacked:
                @pytest.mark.d1_schema("DB", "first.sql")
                @pytest.mark.d1_schema("DB", "last.sql")
                @pytest.mark.asyncio
                async def test_order(self, env):
                    assert await names(env) == ["module", "class", "first", "last"]
        """),
    })
    run(d1_project, "tests").assert_outcomes(passed=1)


def test_schema_problems_fail_the_test_with_a_message(d1_project):
    d1_project.makepyfile(**{"tests/test_it": textwrap.dedent("""
        import pytest

        @pytest.mark.d1_schema("DB", "missing.sql")
        def test_missing(env):
            pass

        @pytest.mark.d1_schema("NOPE")
        def test_not_d1(env):
            pass
    """)})
    (d1_project.path / "tests" / "broken.sql").write_text("CREATE TABLE x (a);\nSELEC 1;\n")
    d1_project.makepyfile(**{"tests/test_broken": textwrap.dedent("""
        import pytest

        @pytest.mark.d1_schema("DB", "broken.sql")
        def test_broken(env):
            pass
    """)})
    result = run(d1_project, "tests")
    result.assert_outcomes(errors=3)
    text = result.stdout.str()
    assert "the D1 schema" in text and "missing.sql does not exist" in text
    assert "'NOPE' is not a D1 binding of this env; its D1 bindings: DB (from " in text
    assert "raise pytest.UsageError" not in text  # the message alone, not workers-env's traceback
    assert 'near "SELEC": syntax error' in text


def test_a_database_name_or_an_empty_migrations_folder_says_what_to_pass(d1_project):
    """Two near misses a new user makes: the database_name where the binding's name goes, and a
    migrations folder with no migration yet (nothing would be applied, and the test would then
    fail on "no such table")."""
    d1_project.makepyfile(**{"tests/test_it": textwrap.dedent("""
        import pytest

        @pytest.mark.d1_schema("notes-db")
        def test_by_database_name(env):
            pass

        @pytest.mark.d1_schema("DB", "empty")
        def test_empty_folder_given(env):
            pass
    """)})
    (d1_project.path / "tests" / "empty").mkdir()
    result = run(d1_project, "tests")
    result.assert_outcomes(errors=2)
    text = result.stdout.str()
    assert ("'notes-db' is not a D1 binding of this env ('notes-db' is the database_name of DB: pass the "
            "binding's name); its D1 bindings: DB") in text
    assert "no migrations (.sql files) in the folder" in text and "given to d1_schema for DB" in text
    for sql in (d1_project.path / "migrations").iterdir():
        sql.unlink()
    d1_project.makepyfile(**{"tests/test_it": textwrap.dedent("""
        import pytest

        @pytest.mark.d1_schema("DB")
        def test_no_migrations_yet(env):
            pass
    """)})
    result = run(d1_project, "tests/test_it.py")
    result.assert_outcomes(errors=1)
    assert "no migrations (.sql files) in the folder" in result.stdout.str()
    assert "workers-env d1 migrations create DB init" in result.stdout.str()


def test_apply_d1_schema_refusals_word_by_word(tmp_path):
    """``apply_d1_schema``'s refusals, whole: a binding that is no name, no migrations folder, no
    migration the pattern matches, an empty folder or a missing file given, a migrations table
    SQLite refuses."""
    from workers_env import ConfigError, load_env
    from workers_env.pytest_plugin import apply_d1_schema

    def refusal(config: str, *args: object) -> str:
        (tmp_path / "wrangler.toml").write_text(WRANGLER + config)
        env = load_env(tmp_path)
        try:
            with pytest.raises((pytest.UsageError, ConfigError)) as caught:
                apply_d1_schema(env, *args, base=tmp_path)
        finally:
            env.close()
        return str(caught.value)

    assert refusal("", 5) == ("workers-env: a D1 schema's binding is the binding's name in the env, a str such as "
                              '"DB", got int 5')
    folder = tmp_path / "migrations"
    create = ("for the D1 binding DB: create one (workers-env d1 migrations create DB init) or pass a .sql file "
              "to d1_schema")
    assert refusal("", "DB") == f"workers-env: no migrations folder {folder} {create}"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (x);\n")
    assert refusal('migrations_dir = "migrations"\nmigrations_pattern = "migrations/*.up.sql"\n', "DB") == (
        f"workers-env: no migrations matching migrations_pattern 'migrations/*.up.sql' in the folder {folder} {create}")
    (tmp_path / "empty").mkdir()
    assert refusal("", "DB", "empty") == (f"workers-env: no migrations (.sql files) in the folder {tmp_path / 'empty'} "
                                          "given to d1_schema for DB: pass a folder of migrations or a .sql file")
    assert refusal("", "DB", "gone.sql") == f"workers-env: the D1 schema {tmp_path / 'gone.sql'} does not exist"
    assert refusal('migrations_table = "sqlite_x"\n', "DB") == (
        "the migrations table sqlite_x: object name reserved for internal use: sqlite_x: SQLITE_ERROR")
