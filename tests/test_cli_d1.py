"""``workers-env d1 execute`` and ``workers-env d1 migrations create|list|apply``, on wrangler's local state."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from d1_helpers import D1_CLI_WRANGLER

from workers_env.cli import main
from workers_env.d1.layout import durable_object_id


@pytest.fixture
def app(d1_app):
    return d1_app


def db_file(root: Path) -> Path:
    name = durable_object_id("11111111-2222-3333-4444-555555555555")
    return root / ".wrangler" / "state" / "v3" / "d1" / "miniflare-D1DatabaseObject" / f"{name}.sqlite"


def test_execute_command_prints_wranglers_lines_and_json(app, capsys):
    assert main(["d1", "execute", "notes-db", "--local", "--command",
                 "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT, b BLOB); "
                 "INSERT INTO notes (text, b) VALUES ('hi', x'0102'); SELECT * FROM notes"]) == 0
    out = capsys.readouterr().out
    assert "🌀 Executing on local database notes-db (11111111-2222-3333-4444-555555555555) from .wrangler/state/v3/d1:" in out
    assert "🚣 3 commands executed successfully." in out
    results = json.loads(out[out.index("["):])
    assert [r["success"] for r in results] == [True, True, True]
    assert results[2]["results"] == [{"id": 1, "text": "hi", "b": "[1, 2]"}]  # blobs as wrangler prints them
    assert set(results[2]["meta"]) == {"duration"}
    assert db_file(app).is_file()


def test_execute_json_is_clean_and_errors_are_json_too(app, capsys):
    assert main(["d1", "execute", "DB", "--json", "--command", "SELECT 1 AS one"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["results"] == [{"one": 1}]
    assert main(["d1", "execute", "DB", "--json", "--command", "SELECT * FROM nope"]) == 1
    assert json.loads(capsys.readouterr().out) == {"error": {"text": "no such table: nope: SQLITE_ERROR"}}


def test_execute_file_runs_in_one_transaction(app, capsys):
    (app / "seed.sql").write_text("BEGIN TRANSACTION;\nCREATE TABLE t (a UNIQUE);\nINSERT INTO t VALUES (1);\nCOMMIT;\n")
    assert main(["d1", "execute", "notes-db", "--file", "seed.sql"]) == 0
    (app / "bad.sql").write_text("INSERT INTO t VALUES (2);\nINSERT INTO t VALUES (1);\n")
    assert main(["d1", "execute", "notes-db", "--file", "bad.sql"]) == 1
    err = capsys.readouterr().err
    assert "✘ [ERROR] UNIQUE constraint failed: t.a: SQLITE_CONSTRAINT" in err
    with contextlib.closing(sqlite3.connect(db_file(app))) as db:
        assert db.execute("SELECT a FROM t").fetchall() == [(1,)]


@pytest.mark.parametrize("argv, message", [
    (["d1", "execute", "notes-db", "--remote", "--command", "SELECT 1"], "--remote is not supported"),
    (["d1", "execute", "notes-db"], "Missing required option --command or --file."),
    (["d1", "execute", "notes-db", "--command", "SELECT 1", "--file", "x.sql"], "can't provide both --command and --file"),
    (["d1", "execute", "nope", "--command", "SELECT 1"], "Couldn't find a D1 DB with the name or binding 'nope' in your wrangler.toml file."),
    (["d1", "execute", "notes-db", "--file", "missing.sql"], 'Unable to read SQL text file "missing.sql".'),
    (["d1", "migrations", "list", "notes-db"], "No migrations present at"),
    (["d1", "migrations", "list", "notes-db", "--remote"], "--remote is not supported"),
    (["d1", "migrations", "create", "notes-db", "a/b"], "contains a path separator"),
])
def test_user_errors_exit_1_with_a_message(app, capsys, argv, message):
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert message in captured.err + captured.out
    assert "Traceback" not in captured.err


REFUSED = ("✘ [ERROR] workers-env works on local state only, so --remote is not supported: drop --remote (commands "
           "always run on the local database, as with --local), or use wrangler itself for the remote database.\n\n\n")
REMOTE = "Resource location: remote \n\n"
UNAVAILABLE = "⚠️ This process may take some time, during which your D1 database will be unavailable to serve queries."


def test_remote_is_refused_where_wrangler_reaches_the_account(app, capsys):
    """wrangler 4.164.0 checks a d1 --remote command's arguments (and, for ``migrations apply``, the
    database and migrations folder) first, then fails logging in (CLOUDFLARE_API_TOKEN): the same
    errors and lines come first here, the refusal where its login error is
    (tools/wrangler/cli_layout_differential.py)."""
    def run(*argv: str) -> tuple[str, str]:
        assert main(["d1", *argv]) == 1
        return capsys.readouterr()

    assert run("execute", "notes-db", "--remote") == (REMOTE + "\n", (
        '✘ [ERROR] Missing required option --command or --file. Provide a SQL command inline with --command="<SQL>", '
        "or a path to a SQL file with --file=<path>.\n\n\n"))
    out, err = run("execute", "notes-db", "--remote", "--local", "--command", "SELECT 1")
    assert out.startswith("Resource location: local ")  # --local wins the line, as in wrangler
    assert err == "✘ [ERROR] Error: can't use --local and --remote at the same time\n\n\n"
    assert run("execute", "notes-db", "--remote", "--command", "SELECT 1", "--persist-to", "st")[1].startswith(
        "✘ [ERROR] Cannot use --persist-to without --local.")
    assert run("execute", "notes-db", "--remote", "--file", "missing.sql")[1].startswith(
        '✘ [ERROR] Unable to read SQL text file "missing.sql".')
    assert run("execute", "nope", "--remote", "--preview", "--command", "SELECT 1") == (REMOTE + "\n", REFUSED)
    (app / "seed.sql").write_text("CREATE TABLE t (a);\n")
    assert run("execute", "notes-db", "--remote", "--file", "seed.sql") == (
        REMOTE + "\n", f"▲ [WARNING] {UNAVAILABLE}\n\n\n" + REFUSED)
    out, err = run("execute", "notes-db", "--remote", "--file", "seed.sql", "--json")
    assert err == "" and json.loads(out) == {"error": {"text": REFUSED[10:-3]}}

    assert run("export", "notes-db", "--remote", "--output", "o.sql") == (
        f"{REMOTE}? {UNAVAILABLE}\n  Ok to proceed?\n🤖 Using fallback value in non-interactive context: yes\n\n",
        REFUSED)
    assert run("export", "nope", "--remote", "--output", "o.sql", "-y") == (REMOTE + "\n", REFUSED)

    assert run("migrations", "list", "nope", "--remote", "--local") == (
        "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n\n", REFUSED)
    out, err = run("migrations", "apply", "nope", "--remote")
    assert err == "✘ [ERROR] Couldn't find a D1 DB with the name or binding 'nope' in your wrangler.toml file.\n\n\n"
    assert "No migrations present at" in run("migrations", "apply", "notes-db", "--remote")[1]
    (app / "migrations").mkdir()
    assert run("migrations", "apply", "notes-db", "--remote", "--local")[1] == (
        "✘ [ERROR] Error: can't use --local and --remote at the same time\n\n\n")
    assert run("migrations", "apply", "notes-db", "--remote", "--preview") == (REMOTE + "\n", REFUSED)
    assert not (app / "o.sql").exists() and not (app / ".wrangler").exists()  # nothing read or written


def test_migrations_create_refuses_a_name_with_a_path_separator_as_wrangler(app, capsys):
    # wrangler 4.164.0's line, compared: wrangler d1 migrations create DB "a/b"
    assert main(["d1", "migrations", "create", "notes-db", "a/b"]) == 1
    assert capsys.readouterr().err == ('✘ [ERROR] The migration name "a/b" contains a path separator ("/" or "\\"). '
                                       "Please remove this and try again.\n\n\n")
    assert not (app / "migrations").exists()


def test_migrations_create_takes_no_local_or_remote_as_wrangler(app, capsys):
    for flag in ("--local", "--remote"):
        assert main(["d1", "migrations", "create", "notes-db", "first", flag]) == 1
        assert capsys.readouterr().err == f"✘ [ERROR] Unknown argument: {flag[2:]}\n\n\n"
    assert not (app / "migrations").exists()


def test_execute_refuses_a_binary_sqlite_file(app, capsys):
    with contextlib.closing(sqlite3.connect(app / "data.sqlite")) as conn:
        conn.execute("CREATE TABLE x (a)")
    assert main(["d1", "execute", "notes-db", "--file", "data.sqlite"]) == 1
    assert "is a binary SQLite database file" in capsys.readouterr().err


def test_migrations_create_list_apply_round_trip(app, capsys):
    assert main(["d1", "migrations", "create", "notes-db", "create notes"]) == 0
    out = capsys.readouterr().out
    first = app / "migrations" / "0001_create_notes.sql"
    # wrangler 4.164.0's lines, compared on a copy of this project: the folder made after its
    # non-interactive "yes" (the hint only while migrations_dir is unset), then
    # d1/migrations/create.ts's three lines: the file named, then where it is
    assert out == ("? No migrations folder found. Set `migrations_dir` in your wrangler.toml file to choose a "
                   f"different path.\nOk to create {app / 'migrations'}?\n"
                   "🤖 Using fallback value in non-interactive context: yes\n"
                   "✅ Successfully created Migration '0001_create_notes.sql'!\n\n"
                   f"The migration is available for editing here\n{first}\n")
    assert first.read_text().startswith("-- Migration number: 0001 \t ")
    first.write_text("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);\n")
    assert main(["d1", "migrations", "create", "DB", "seed"]) == 0
    (app / "migrations" / "0002_seed.sql").write_text("INSERT INTO notes (text) VALUES ('hello');\n")
    capsys.readouterr()
    assert main(["d1", "migrations", "list", "notes-db", "--local"]) == 0
    out = capsys.readouterr().out
    assert "Migrations to be applied:" in out and "│ 0001_create_notes.sql │" in out and "│ Name " in out
    assert main(["d1", "migrations", "apply", "notes-db", "--local"]) == 0
    out = capsys.readouterr().out
    # wrangler 4.164.0's whole output, compared on a copy of this project; its cli-table3 counts
    # 🕒️ (U+1F552 U+FE0F) as three columns and ✅ as two
    executing = ("🌀 Executing on local database notes-db (11111111-2222-3333-4444-555555555555) from "
                 ".wrangler/state/v3/d1:\n"
                 "🌀 To execute on your remote database, add a --remote flag to your wrangler command.\n"
                 "🚣 2 commands executed successfully.\n")
    status = ("┌───────────────────────┬────────┐\n│ name                  │ status │\n"
              "├───────────────────────┼────────┤\n│ 0001_create_notes.sql │ ✅     │\n"
              "├───────────────────────┼────────┤\n│ 0002_seed.sql         │ {} │\n"
              "└───────────────────────┴────────┘\n")
    assert out == (
        "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"
        "Migrations to be applied:\n"
        "┌───────────────────────┐\n│ name                  │\n├───────────────────────┤\n"
        "│ 0001_create_notes.sql │\n├───────────────────────┤\n│ 0002_seed.sql         │\n"
        "└───────────────────────┘\n"
        "? About to apply 2 migration(s)\n"
        "Your database may not be available to serve requests during the migration, continue?\n"
        "🤖 Using fallback value in non-interactive context: yes\n"
        + executing + status.format("🕒️   ") + executing + status.format("✅    ")
    )
    conn = sqlite3.connect(db_file(app))
    assert conn.execute("SELECT id, name FROM d1_migrations ORDER BY id").fetchall() == [
        (1, "0001_create_notes.sql"), (2, "0002_seed.sql")]
    assert conn.execute("SELECT text FROM notes").fetchall() == [("hello",)]
    conn.close()
    assert main(["d1", "migrations", "apply", "notes-db"]) == 0
    assert "✅ No migrations to apply!" in capsys.readouterr().out


def test_failed_migration_applies_nothing_and_stops(app, capsys):
    (app / "migrations").mkdir()
    (app / "migrations" / "0001_ok.sql").write_text("CREATE TABLE a (x);")
    (app / "migrations" / "0002_bad.sql").write_text("CREATE TABLE b (x);\nINSERT INTO nope VALUES (1);")
    (app / "migrations" / "0003_later.sql").write_text("CREATE TABLE c (x);")
    assert main(["d1", "migrations", "apply", "notes-db"]) == 1
    assert "no such table: nope: SQLITE_ERROR" in capsys.readouterr().err
    conn = sqlite3.connect(db_file(app))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "a" in tables and "b" not in tables and "c" not in tables
    assert conn.execute("SELECT name FROM d1_migrations").fetchall() == [("0001_ok.sql",)]
    conn.close()


def test_a_migrations_dir_set_to_the_default_gets_no_hint(project, monkeypatch, capsys):
    # wrangler 4.164.0 names `migrations_dir` only when the entry has none (migrationsDirRaw
    # undefined), not when it is set to "migrations"
    root = project(D1_CLI_WRANGLER + 'migrations_dir = "migrations"\n')
    monkeypatch.chdir(root)
    assert main(["d1", "migrations", "create", "DB", "first"]) == 0
    assert capsys.readouterr().out.startswith(
        f"? No migrations folder found.\nOk to create {root / 'migrations'}?\n"
        "🤖 Using fallback value in non-interactive context: yes\n")


def test_custom_migrations_dir_and_table_and_persist_to(project, monkeypatch, tmp_path, capsys):
    root = project(D1_CLI_WRANGLER + 'migrations_dir = "db/schema"\nmigrations_table = "applied"\n')
    monkeypatch.chdir(root)
    (root / "db" / "schema").mkdir(parents=True)
    (root / "db" / "schema" / "10_b.sql").write_text("CREATE TABLE b (x);")
    (root / "db" / "schema" / "9_a.sql").write_text("CREATE TABLE a (x);")
    state = tmp_path / "elsewhere"
    assert main(["d1", "migrations", "apply", "DB", "--local", "--persist-to", str(state)]) == 0
    out = capsys.readouterr().out
    assert out.index("9_a.sql") < out.index("10_b.sql")  # numeric order, not text order
    name = durable_object_id("11111111-2222-3333-4444-555555555555")
    conn = sqlite3.connect(state / "v3" / "d1" / "miniflare-D1DatabaseObject" / f"{name}.sqlite")
    assert conn.execute("SELECT name FROM applied ORDER BY id").fetchall() == [("9_a.sql",), ("10_b.sql",)]
    conn.close()


def test_json_numbers_are_written_as_javascript_writes_them(app, capsys):
    """D1 hands an integer beyond 2**53 to JavaScript as a double; wrangler's JSON.stringify
    writes it in JavaScript's digits (``9223372036854776000``), not Python's ``9.2e+18``."""
    assert main(["d1", "execute", "DB", "--json", "--command",
                 "SELECT 9007199254740993 AS big, -9223372036854775808 AS low, 1.5 AS half, 3 AS small"]) == 0
    out = capsys.readouterr().out
    assert '"big": 9007199254740992,' in out and '"low": -9223372036854776000,' in out
    assert '"half": 1.5,' in out and '"small": 3' in out
    assert json.loads(out)[0]["results"] == [{"big": 9007199254740992, "low": -9223372036854776000,
                                              "half": 1.5, "small": 3}]


def test_execute_on_a_terminal_prints_cells_as_wranglers_string(app, capsys, monkeypatch):
    """On a terminal each cell is JavaScript's ``String(value)``, as wrangler's table prints it
    (measured against wrangler 4.164.0 on a pseudo-terminal): NULL is ``null``, a whole REAL
    ``2``, not Python's ``None`` and ``2.0``."""
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["d1", "execute", "notes-db", "--local", "--command",
                 "SELECT NULL AS n, 2.0 AS r, 1e21 AS e, x'00ff' AS b, 'é' AS t"]) == 0
    out = capsys.readouterr().out
    assert ("│ n    │ r │ e     │ b        │ t │\n├──────┼───┼───────┼──────────┼───┤\n"
            "│ null │ 2 │ 1e+21 │ [0, 255] │ é │\n") in out
