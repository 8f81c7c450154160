"""``workers-env d1 execute`` and ``d1 migrations apply`` send D1 the queries wrangler 4.164.0's
``splitSqlQuery`` makes (each statement trimmed, without its ``;``), so SQLite's ``at offset N``
and the empty-statement text are wrangler's; the binding's own splitting is left as it was."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main
from workers_env.d1.sqltext import file_statements, split_statements


@pytest.fixture
def app(d1_app):
    return d1_app


# Each expected list was printed by wrangler 4.164.0's own splitSqlQuery (cli.js, run under node).
@pytest.mark.parametrize("sql, queries", [
    ("CREATE TABLE t (a); CREATE TABLE t (a)", ["CREATE TABLE t (a)", "CREATE TABLE t (a)"]),
    ("SELECT 1;\nSELEC oops;\n", ["SELECT 1", "SELEC oops"]),
    ("  SELECT 1;  ", ["  SELECT 1;  "]),  # its only ";" ends it: sent whole, as written
    ("SELECT 1", ["SELECT 1"]),
    (";", [";"]),
    ("-- c\n;", ["-- c\n;"]),
    (";;", [";;"]),  # no statement at all: the text itself
    ("SELECT 1; SELECT 2 -- trailing", ["SELECT 1", "SELECT 2 -- trailing"]),
    ("SELECT ';' AS semi, 'a;b' AS t; SELECT \"x\";", ["SELECT ';' AS semi, 'a;b' AS t", 'SELECT "x"']),
    ("SELECT [a;b], `c;d` FROM t; /* x; y */ SELECT 2;", ["SELECT [a;b], `c;d` FROM t", "/* x; y */ SELECT 2"]),
    ("CREATE TRIGGER tr AFTER INSERT ON n BEGIN UPDATE n SET a = 0; DELETE FROM n; END; SELECT 1",
     ["CREATE TRIGGER tr AFTER INSERT ON n BEGIN UPDATE n SET a = 0; DELETE FROM n; END", "SELECT 1"]),
    ("CREATE TEMP TRIGGER x BEGIN SELECT 1; end ;SELECT 2", ["CREATE TEMP TRIGGER x BEGIN SELECT 1; end", "SELECT 2"]),
    ("EXPLAIN CREATE TRIGGER x BEGIN SELECT 1; END; SELECT 2", ["EXPLAIN CREATE TRIGGER x BEGIN SELECT 1; END", "SELECT 2"]),
    ("SELECT 'open; SELECT 2", ["SELECT 'open; SELECT 2"]),
    ("SELECT 1;\u00a0\ufeff;SELECT 2\u00a0", ["SELECT 1", "SELECT 2"]),  # JavaScript's trim()
    ("PRAGMA x;\nBEGIN TRANSACTION;\nCREATE TABLE d (x);\nCOMMIT;\n", ["PRAGMA x", "CREATE TABLE d (x)"]),
])
def test_queries_are_wranglers(sql, queries):
    assert file_statements(sql) == queries


def test_the_bindings_splitting_starts_each_statement_where_workerd_prepares_it():
    # the whitespace after a statement's ";" is skipped before the next is prepared (workerd's
    # prepareSql), so the next statement's text starts at its first word; the pieces join back
    assert split_statements("CREATE TABLE t (a); CREATE TABLE t (a)") == ("CREATE TABLE t (a); ", "CREATE TABLE t (a)")


def test_error_offsets_count_from_the_trimmed_statement(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "CREATE TABLE t (a); CREATE TABLE t (a)"]) == 1
    assert capsys.readouterr().err == "✘ [ERROR] table t already exists at offset 13: SQLITE_ERROR\n\n\n"
    (app / "bad.sql").write_text("SELECT 1;\nSELEC oops;\n")
    assert main(["d1", "execute", "DB", "--local", "--file", "bad.sql", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "error": {"text": 'near "SELEC": syntax error at offset 0: SQLITE_ERROR'}}


def test_a_lone_semicolon_did_not_contain_a_statement(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", ";"]) == 1
    assert capsys.readouterr().err == "✘ [ERROR] SQL code did not contain a statement.\n\n\n"


def test_a_failing_migration_after_one_that_ran_the_same_text_names_the_offset(app, capsys):
    (app / "migrations").mkdir()
    (app / "migrations" / "0001_a.sql").write_text("CREATE TABLE u (a);\n")
    (app / "migrations" / "0002_b.sql").write_text("CREATE TABLE u (a);\n")
    assert main(["d1", "migrations", "apply", "DB", "--local"]) == 1
    assert capsys.readouterr().err == "✘ [ERROR] table u already exists at offset 13: SQLITE_ERROR\n\n\n"


def test_a_file_of_several_transactions_is_refused_in_wranglers_words(app, capsys):
    """Compared with ``wrangler d1 execute DB --local --file dump.sql`` 4.164.0: the same lines."""
    (app / "dump.sql").write_text("BEGIN TRANSACTION;\nCREATE TABLE a (x);\nCOMMIT;\n"
                                  "BEGIN TRANSACTION;\nCREATE TABLE b (x);\nCOMMIT;\n")
    assert main(["d1", "execute", "DB", "--local", "--file", "dump.sql"]) == 1
    assert capsys.readouterr().err == (
        "✘ [ERROR] Wrangler could not process the provided SQL file, as it contains several transactions.\n\n"
        "  D1 runs your SQL in a transaction for you.\n"
        "  Please export an SQL file from your SQLite database and try again.\n\n\n")
