"""``@pytest.mark.d1_schema("DB", "schema.sql")`` in ``tests/`` reads ``tests/schema.sql`` (paths
are relative to the test file), while Cloudflare's tutorials keep ``schema.sql`` beside
``wrangler.toml``, where ``wrangler d1 execute --file schema.sql`` reads it: the setup error
then names that file and the path to write (``'../schema.sql'``); with no such file there, or an
absolute path, the error is as it was."""

from __future__ import annotations

import pytest

WRANGLER = ('name = "w"\ncompatibility_date = "2026-11-01"\n[[d1_databases]]\nbinding = "DB"\n'
            'database_name = "walk-db"\ndatabase_id = "11111111-1111-4111-8111-111111111111"\n')
TEST = '''
import pytest

@pytest.mark.d1_schema("DB", "schema.sql")
def test_rows(env):
    pass
'''


def run(pytester: pytest.Pytester) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-n", "0")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_rows.py").write_text(TEST)
    return pytester


def test_the_schema_beside_the_config_is_named_with_the_path_to_write(project):
    (project.path / "schema.sql").write_text("CREATE TABLE notes (id INTEGER PRIMARY KEY);\n")
    result = run(project)
    result.assert_outcomes(errors=1)
    tests = project.path / "tests"
    result.stdout.fnmatch_lines([
        f"workers-env: the D1 schema {tests / 'schema.sql'} does not exist (a relative path is read from {tests}, "
        f"the test file's folder under pytest, while the config's folder has {project.path / 'schema.sql'}: "
        "write '../schema.sql')"])


def test_without_one_beside_the_config_the_error_is_as_it_was(project):
    result = run(project)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"workers-env: the D1 schema {project.path / 'tests' / 'schema.sql'} does not exist"])
