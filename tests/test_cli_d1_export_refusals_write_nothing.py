"""``workers-env d1 export`` refuses bad input with a clear error, exit 1, and writes nothing.

The texts are wrangler 4.164.0's (``wrangler d1 export --local``) except for ``--remote``,
refused where wrangler would reach the account, as every ``workers-env d1`` command refuses it
(after wrangler's own checks, which come first), and an unknown ``--table``, which
wrangler exports as nothing (a file holding only the PRAGMA line, exit 0) and workers-env
refuses, naming the tables there are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.cli import main

EXISTING = "-- an earlier export, left as it was\n"
_REMOTE = "workers-env works on local state only, so --remote is not supported: drop --remote"


@pytest.fixture
def app(d1_app):
    assert main(["d1", "execute", "notes-db", "--command",
                 "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('a')"]) == 0
    (d1_app / "kept.sql").write_text(EXISTING)
    return d1_app


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["d1", "export", *argv]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err


def files(root: Path) -> set[str]:
    return {p.name for p in root.iterdir()}


@pytest.mark.parametrize(("argv", "message"), [
    (["nope", "--local", "--output", "out.sql"],
     "Couldn't find a D1 DB with the name or binding 'nope' in your wrangler.toml file."),
    (["notes-db", "--local", "--output", "out.sql", "--no-schema", "--no-data"],
     ("Cannot use --no-schema and --no-data together. At least one of schema or data must be included in the "
      "export. Remove one of the flags.")),
    (["notes-db", "--local", "--output", "out.sql", "--schema", "false", "--data=false"],
     "Cannot use --no-schema and --no-data together."),
    (["notes-db", "--local", "--output", "out.sql", "--compatibility", "sqlite3_cli_only"],
     "--compatibility sqlite3_cli_only is only supported for remote exports. Add the --remote flag."),
    (["notes-db", "--remote", "--output", "out.sql"], _REMOTE),
    (["notes-db", "--local", "--remote", "--output", "out.sql"], "Arguments local and remote are mutually exclusive"),
    (["notes-db", "--remote", "--local", "--output", "out.sql"], "Arguments remote and local are mutually exclusive"),
    (["notes-db", "--remote", "--output", "out.sql", "--compatibility", "sqlite3_cli_only", "--no-data"],
     ("Cannot use --no-schema or --no-data with --compatibility sqlite3_cli_only. The SQLite CLI dump always "
      "includes the schema and the data.")),
    (["notes-db", "--local", "--output", "nodir/out.sql"], "ENOENT: no such file or directory, open 'nodir/out.sql'"),
    (["notes-db", "--local", "--output", "wrangler.toml/out.sql"],
     "ENOTDIR: not a directory, open 'wrangler.toml/out.sql'"),
    (["notes-db", "--local", "--output", ""], "ENOENT: no such file or directory, open ''"),
])
def test_refused_in_wranglers_words_and_nothing_written(app, capsys, argv, message):
    before = files(app)
    assert f"✘ [ERROR] {message}" in refused(argv, capsys)
    assert files(app) == before


def test_an_output_that_is_a_folder_is_refused_before_the_database_is_read(app, capsys):
    (app / "dumps").mkdir()
    err = refused(["notes-db", "--local", "--output", "dumps"], capsys)
    assert err == "✘ [ERROR] Please specify a file path for --output, not a directory.\n\n\n"
    assert list((app / "dumps").iterdir()) == []


def test_an_unknown_table_is_refused_naming_the_tables_there_are(app, capsys):
    for argv in (["--table", "note"], ["--table", "notes", "--table", "note"]):
        err = refused(["notes-db", "--local", "--output", "kept.sql", *argv], capsys)
        assert err == (
            "✘ [ERROR] No table named 'note' in this database, so the export would leave it out: give --table "
            "the name of a table (or of an index, trigger or view) as in the schema. Its tables: notes.\n\n\n"
        )
        assert (app / "kept.sql").read_text() == EXISTING


def test_a_virtual_table_is_refused_as_miniflares_dump_refuses_it(app, capsys):
    assert main(["d1", "execute", "notes-db", "--command", "CREATE VIRTUAL TABLE ft USING fts5(body)"]) == 0
    err = refused(["notes-db", "--local", "--output", "kept.sql"], capsys)
    assert err == ("✘ [ERROR] D1_ERROR: Failed to parse body as JSON, got: Error: D1 Export error: cannot export "
                   "databases with Virtual Tables (fts5)\n\n\n")
    assert (app / "kept.sql").read_text() == EXISTING
    # the other tables still export one by one, as with wrangler
    assert main(["d1", "export", "notes-db", "--local", "--output", "notes.sql", "--table", "notes"]) == 0


def test_no_config_anywhere_names_the_wrangler_configuration(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    err = refused(["DB", "--local", "--output", "out.sql"], capsys)
    assert "✘ [ERROR] Couldn't find a D1 DB with the name or binding 'DB' in your Wrangler configuration file." in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("argv", "message"), [
    (["notes-db", "--local"], "Missing required argument: output"),
    (["--local", "--output", "out.sql"], "Not enough non-option arguments: got 0, need at least 1"),
    (["notes-db", "--output", "out.sql", "--compatibility", "sqlite3"],
     'Invalid values:\n\n    Argument: compatibility, Given: "sqlite3", Choices: "d1", "sqlite3_cli_only"'),
    (["notes-db", "--output", "out.sql", "--persist-to", "st"], "Unknown arguments: persist-to, persistTo"),
    (["notes-db", "--output", "a.sql", "--output", "b.sql"],
     'The argument "--output" expects a single value, but received multiple: ["a.sql","b.sql"].'),
])
def test_usage_mistakes_get_yargs_texts(app, capsys, argv, message):
    before = files(app)
    capsys.readouterr()
    try:
        code = main(["d1", "export", *argv])
    except SystemExit as exited:
        code = exited.code
    assert code == 1
    err = capsys.readouterr().err
    assert err[err.index("✘ [ERROR] "):].rstrip("\n") == f"✘ [ERROR] {message}"  # the text; its layout elsewhere
    assert files(app) == before


def test_an_unknown_table_names_the_first_twenty_tables_or_none(app, capsys):
    """The refusal's last sentence when the database has no table of its own, and when it has
    more than the twenty it names (workers-env's words: Miniflare leaves such a name out)."""
    tail = ("✘ [ERROR] No table named 'x' in this database, so the export would leave it out: give --table the name "
            "of a table (or of an index, trigger or view) as in the schema. ")
    assert main(["d1", "execute", "notes-db", "--command", "DROP TABLE notes"]) == 0
    assert refused(["notes-db", "--local", "--output", "kept.sql", "--table", "x"], capsys) == (
        tail + "It has no tables.\n\n\n")
    creates = "; ".join(f"CREATE TABLE t{i:02} (a)" for i in range(22))
    assert main(["d1", "execute", "notes-db", "--command", creates]) == 0
    names = ", ".join(f"t{i:02}" for i in range(20))
    assert refused(["notes-db", "--local", "--output", "kept.sql", "--table", "x"], capsys) == (
        tail + f"Its tables: {names} and 2 more.\n\n\n")
    assert (app / "kept.sql").read_text() == EXISTING
