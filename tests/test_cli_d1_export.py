"""``workers-env d1 export`` writes the file ``wrangler d1 export --local`` (4.164.0) writes.

The expected texts are wrangler's own output for the same database (Miniflare's ``dumpSql``):
``PRAGMA defer_foreign_keys=TRUE;``, each table's ``CREATE`` and rows (``sqlite_sequence``
last), then indexes, triggers and views, values as JavaScript writes them, lines joined by
``\\n`` with none at the end. ``tools/wrangler/d1_export_differential.py`` compares many more
databases with the real wrangler.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
from pathlib import Path

from d1_helpers import D1_CLI_WRANGLER, literal
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workers_env.cli import main
from workers_env.d1.layout import database_file

DATABASE_ID = "11111111-2222-3333-4444-555555555555"

SEED = '''\
CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL, score REAL, data BLOB, extra);
CREATE TABLE "Odd ""Name""" ("my col" TEXT);
CREATE TABLE empty (a);
CREATE INDEX notes_text ON notes(text);
CREATE VIEW scored AS SELECT text FROM notes WHERE score IS NOT NULL;
CREATE TRIGGER notes_touch AFTER UPDATE ON notes BEGIN SELECT 1; END;
INSERT INTO notes (text, score, data, extra) VALUES ('it''s', 0.1, x'00ff10', 9223372036854775807);
INSERT INTO notes (text, score, data, extra) VALUES ('two
lines' || char(13), 1e300, x'', NULL);
INSERT INTO notes (text, score, data, extra) VALUES ('ünï 🎉 "q"', 1e999, NULL, 3.0);
INSERT INTO notes (text, score, data, extra) VALUES ('small', 1e-7, NULL, -0.0);
INSERT INTO "Odd ""Name""" VALUES ('x');
'''

PRAGMA = "PRAGMA defer_foreign_keys=TRUE;"
SCHEMA_NOTES = ("CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL, score REAL, "
                "data BLOB, extra);")
ROWS_NOTES = [
    """INSERT INTO "notes" ("id","text","score","data","extra") VALUES(1,'it''s',0.1,X'00ff10',9223372036854776000);""",
    ("""INSERT INTO "notes" ("id","text","score","data","extra") VALUES(2,replace(replace('two\\nlines\\r','\\r',"""
     """char(13)),'\\n',char(10)),1e+300,X'',NULL);"""),
    """INSERT INTO "notes" ("id","text","score","data","extra") VALUES(3,'ünï 🎉 "q"',9e999,NULL,3);""",
    """INSERT INTO "notes" ("id","text","score","data","extra") VALUES(4,'small',1e-7,NULL,0);""",
]
SCHEMA_ODD = 'CREATE TABLE IF NOT EXISTS "Odd ""Name""" ("my col" TEXT);'
ROWS_ODD = ['INSERT INTO "Odd ""Name""" ("my col") VALUES(\'x\');']
REST = [
    "CREATE INDEX notes_text ON notes(text);",
    "CREATE TRIGGER notes_touch AFTER UPDATE ON notes BEGIN SELECT 1; END;",
    "CREATE VIEW scored AS SELECT text FROM notes WHERE score IS NOT NULL;",
]


def seeded(root: Path) -> Path:
    (root / "seed.sql").write_text(SEED, encoding="utf-8")
    assert main(["d1", "execute", "notes-db", "--local", "--file", "seed.sql"]) == 0
    return root


def exported(root: Path, *options: str, output: str = "out.sql") -> str:
    assert main(["d1", "export", "notes-db", "--local", "--output", output, *options]) == 0
    return (root / output).read_bytes().decode("utf-8")


def test_a_full_export_is_wranglers_file_byte_for_byte(d1_app, capsys):
    seeded(d1_app)
    capsys.readouterr()
    text = exported(d1_app)
    assert text == "\n".join([
        PRAGMA, SCHEMA_NOTES, *ROWS_NOTES, SCHEMA_ODD, *ROWS_ODD, "CREATE TABLE empty (a);",
        "DELETE FROM sqlite_sequence;", "INSERT INTO \"sqlite_sequence\" (\"name\",\"seq\") VALUES('notes',4);", *REST,
    ])
    assert not text.endswith("\n")  # wrangler joins the lines and adds none at the end
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "Resource location: local ", "", "Use --remote if you want to access the remote instance.", "",
        f"🌀 Exporting local database notes-db ({DATABASE_ID}) from .wrangler/state/v3/d1:",
        "🌀 To export your remote database, add a --remote flag to your wrangler command.",
        "🌀 Exporting SQL to out.sql...",
        "Done!",
    ]


def test_no_schema_keeps_only_rows_and_no_data_only_schema(d1_app):
    seeded(d1_app)
    assert exported(d1_app, "--no-schema") == "\n".join(
        [PRAGMA, *ROWS_NOTES, *ROWS_ODD, "INSERT INTO \"sqlite_sequence\" (\"name\",\"seq\") VALUES('notes',4);"])
    assert exported(d1_app, "--no-data") == "\n".join(
        [PRAGMA, SCHEMA_NOTES, SCHEMA_ODD, "CREATE TABLE empty (a);", "DELETE FROM sqlite_sequence;", *REST])
    assert exported(d1_app, "--schema=false") == exported(d1_app, "--no-schema")  # yargs' spellings of the flag


def test_table_selects_by_each_objects_own_name(d1_app):
    """An index, trigger or view is kept when its own name is given, not its table's (as Miniflare)."""
    seeded(d1_app)
    assert exported(d1_app, "--table", "notes") == "\n".join([PRAGMA, SCHEMA_NOTES, *ROWS_NOTES])
    assert exported(d1_app, "--table", "notes_text", "scored", "--table", "empty") == "\n".join(
        [PRAGMA, "CREATE TABLE empty (a);", "CREATE INDEX notes_text ON notes(text);",
         "CREATE VIEW scored AS SELECT text FROM notes WHERE score IS NOT NULL;"])
    assert exported(d1_app, "--table") == exported(d1_app)  # an empty --table: every table


def test_an_empty_database_exports_the_pragma_line_alone(d1_app):
    assert exported(d1_app) == PRAGMA


def test_the_output_is_overwritten_and_may_be_in_a_subfolder(d1_app):
    seeded(d1_app)
    (d1_app / "dumps").mkdir()
    (d1_app / "dumps" / "out.sql").write_text("old content that is longer than the export " * 100)
    assert exported(d1_app, "--table", "empty", output="dumps/out.sql") == f"{PRAGMA}\nCREATE TABLE empty (a);"


def _cells(root: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(database_file(root / ".wrangler" / "state", DATABASE_ID))
    try:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
        quoted = {t: '"' + t.replace('"', '""') + '"' for t in tables}
        return {t: conn.execute(f"SELECT * FROM {quoted[t]} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


def test_the_export_runs_back_in_with_execute_file(d1_app, tmp_path, monkeypatch):
    seeded(d1_app)
    first = exported(d1_app)
    other = tmp_path / "other"
    other.mkdir()
    (other / "wrangler.toml").write_text(D1_CLI_WRANGLER)
    (other / "dump.sql").write_text(first, encoding="utf-8")
    monkeypatch.chdir(other)
    assert main(["d1", "execute", "notes-db", "--local", "--file", "dump.sql"]) == 0
    assert exported(other) == first  # the export is a fixed point
    mine, theirs = _cells(d1_app), _cells(other)
    # what the export writes as JavaScript numbers comes back as those numbers (wrangler's too)
    assert theirs["notes"][0][4] == 9223372036854775808.0 and mine["notes"][0][4] == 9223372036854775807
    assert theirs["notes"][2][4] == 3 and isinstance(theirs["notes"][2][4], int)
    for table in mine:
        if table != "notes":
            assert theirs[table] == mine[table]
    assert [row[:4] for row in theirs["notes"]] == [row[:4] for row in mine["notes"]]


_VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False).filter(lambda f: not f.is_integer()),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20),
    st.binary(max_size=20),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_VALUES, _VALUES), max_size=6))
def test_values_an_export_can_write_exactly_come_back_cell_for_cell(d1_app, tmp_path_factory, rows):
    """Integers within 2**53, non-whole doubles (and infinities), text with quotes and line
    breaks, BLOBs and NULLs survive export and ``execute --file``, type and all."""
    with contextlib.closing(sqlite3.connect(":memory:")) as reads:
        for row in rows:  # a double SQLite reads back from its shortest decimal text (older SQLite misreads a few)
            for v in row:
                assume(not isinstance(v, float) or math.isinf(v) or reads.execute(f"SELECT {v!r}").fetchone()[0] == v)
    inserts = "".join(f"; INSERT INTO t VALUES ({literal(a)}, {literal(b)})" for a, b in rows)
    assert main(["d1", "execute", "notes-db", "--command", f"DROP TABLE IF EXISTS t; CREATE TABLE t (a, b){inserts}"]) == 0
    text = exported(d1_app)
    other = tmp_path_factory.mktemp("other")
    (other / "wrangler.toml").write_text(D1_CLI_WRANGLER)
    (other / "dump.sql").write_text(text, encoding="utf-8")
    assert main(["d1", "execute", "notes-db", "--local", "--config", str(other / "wrangler.toml"),
                 "--file", str(other / "dump.sql")]) == 0
    back = sqlite3.connect(database_file(other / ".wrangler" / "state", DATABASE_ID))
    got = back.execute("SELECT a, typeof(a), b, typeof(b) FROM t ORDER BY rowid").fetchall()
    back.close()
    expected = [(a, _typeof(a), b, _typeof(b)) for a, b in rows]
    assert got == expected


def _typeof(value: object) -> str:
    return {type(None): "null", int: "integer", float: "real", str: "text", bytes: "blob"}[type(value)]
