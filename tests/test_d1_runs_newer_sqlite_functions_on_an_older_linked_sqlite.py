"""D1 answers SQL of workerd's SQLite (3.54) whatever SQLite Python links: the functions a
later SQLite added that plain Python reproduces (concat, concat_ws, string_agg, octet_length,
unhex, the ``subsec`` modifier) give wrangler 4.164.0's answers (measured with
``tools/wrangler/d1_differential.py``), D1's refusals keep D1's words, and what cannot be added
fails with a note naming the SQLite it needs."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from tests.d1_helpers import d1_database
from workers_env import JsException


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    with d1_database(tmp_path_factory.mktemp("d1")) as database:
        yield database


def first(db, sql: str):
    return asyncio.run(db.prepare(sql).first("v"))


def failure(db, sql: str) -> JsException:
    with pytest.raises(JsException) as caught:
        asyncio.run(db.prepare(sql).all())
    return caught.value


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT concat('a', NULL, 'b') AS v", "ab"),
    ("SELECT concat(NULL) AS v", ""),
    ("SELECT concat(1.0, 2, -0.0) AS v", "1.020.0"),
    ("SELECT concat(0.1+0.2) AS v", "0.30000000000000004"),
    ("SELECT concat(1e20, 1e-7, 123456789012345678) AS v", "1.0e+201.0e-07123456789012345678"),
    ("SELECT concat(1e16, 1e17) AS v", "10000000000000000.01.0e+17"),
    ("SELECT concat(x'41', 'b') AS v", "Ab"),
    ("SELECT concat_ws(',', 'a', NULL, 'b') AS v", "a,b"),
    ("SELECT concat_ws(NULL, 'a', 'b') AS v", None),
    ("SELECT concat_ws(1, 2, 3) AS v", "213"),
    ("SELECT string_agg(x, ';') AS v FROM (SELECT 'a' AS x UNION ALL SELECT NULL UNION ALL SELECT 'b')", "a;b"),
    ("SELECT string_agg(x, y) AS v FROM (SELECT 'a' AS x, '+' AS y UNION ALL SELECT 'b', '-' UNION ALL SELECT 'c', '*')",
     "a-b*c"),
    ("SELECT string_agg(x, NULL) AS v FROM (SELECT 'a' AS x UNION ALL SELECT 'b')", "ab"),
    ("SELECT string_agg(x, ',') AS v FROM (SELECT 'a' AS x WHERE 0)", None),
    ("SELECT octet_length('\u00e9t\u00e9') AS v", 5),
    ("SELECT octet_length(1.5) AS v", 3),
    ("SELECT octet_length(x'0102') AS v", 2),
    ("SELECT octet_length(NULL) AS v", None),
    ("SELECT unhex('414243') AS v", [65, 66, 67]),
    ("SELECT unhex('41 42', ' ') AS v", [65, 66]),
    ("SELECT unhex('4 1', ' ') AS v", None),
    ("SELECT unhex('zz') AS v", None),
    ("SELECT unhex('') AS v", []),
    ("SELECT unixepoch('2026-01-01 00:00:00.250', 'subsec') AS v", 1767225600.25),
    ("SELECT unixepoch('1969-12-31 23:59:59.5', 'subsec') AS v", -0.5),
    ("SELECT typeof(unixepoch('2026-01-01', 'SUBSEC')) AS v", "real"),
    ("SELECT datetime('2026-01-01 10:00:01.5', 'subsec', '+1 day') AS v", "2026-01-02 10:00:01.500"),
    ("SELECT time('2026-01-01 10:00:01.5', 'subsecond') AS v", "10:00:01.500"),
    ("SELECT date('2026-01-01 10:00:01.5', 'subsec') AS v", "2026-01-01"),
    ("SELECT strftime('%f', '2026-01-01 10:00:01.5', 'subsec') AS v", "01.500"),
    ("SELECT typeof(unixepoch('subsec')) AS v", "real"),
    ("SELECT datetime('2026-01-01 10:00:01.5') AS v", "2026-01-01 10:00:01"),
    ("SELECT unixepoch('2026-01-01 10:00:01.5') AS v", 1767261601),
])
def test_the_answer_is_workerds(db, sql, expected):
    assert first(db, sql) == expected


def test_a_millisecond_default_of_a_drizzle_schema_fills_the_column(tmp_path):
    with d1_database(tmp_path) as db:
        asyncio.run(db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER NOT NULL DEFAULT (unixepoch('subsec') * 1000))"))
        asyncio.run(db.prepare("INSERT INTO t (id) VALUES (1)").run())
        assert first(db, "SELECT at > 1767225600000 AND at = CAST(at AS INTEGER) AS v FROM t") == 1


@pytest.mark.parametrize(("sql", "message"), [
    ("SELECT concat() AS v", "wrong number of arguments to function concat()"),
    ("SELECT concat_ws(',') AS v", "wrong number of arguments to function concat_ws()"),
    ("SELECT string_agg('a') AS v", "wrong number of arguments to function string_agg()"),
    ("SELECT string_agg(DISTINCT x, ',') AS v FROM (SELECT 'a' AS x)", "DISTINCT aggregates must have exactly one argument"),
    ("SELECT json_pretty('{}') AS v", "not authorized to use function: json_pretty"),
    ("SELECT unistr('a') AS v", "not authorized to use function: unistr"),
    ("SELECT json_error_position('{') AS v", "not authorized to use function: json_error_position"),
    ("SELECT if(1, 2) AS v", "not authorized to use function: if"),
    ("SELECT if(1) AS v", "wrong number of arguments to function if()"),
])
def test_refusals_are_in_workerds_words(db, sql, message):
    assert message in str(failure(db, sql))


def test_what_the_linked_sqlite_cannot_run_fails_with_a_note_naming_the_sqlite_it_needs(db):
    if sqlite3.sqlite_version_info >= (3, 45):
        assert first(db, "SELECT json(jsonb('{\"a\":1}')) AS v") == '{"a":1}'
        return
    error = failure(db, "SELECT json(jsonb('{\"a\":1}')) AS v")
    assert str(error) == "Error: D1_ERROR: no such function: jsonb at offset 12: SQLITE_ERROR"
    note = " ".join(getattr(error, "__notes__", []))
    assert "jsonb() needs SQLite 3.45" in note and sqlite3.sqlite_version in note


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT string_agg(x, ',') OVER () AS v FROM (SELECT 'a' AS x UNION ALL SELECT 'b')", ["a,b", "a,b"]),
    # frames string_agg never steps into before its value is read: Python's sqlite3 (CPython
    # gh-153800) crashed the whole process on them when string_agg was a Python window function
    ("SELECT string_agg(x, ',') OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS v "
     "FROM (SELECT 'a' AS x UNION ALL SELECT 'b')", [None, "a"]),
    ("SELECT string_agg(x, ',') FILTER (WHERE x = 'b') OVER (ORDER BY x) AS v "
     "FROM (SELECT 'a' AS x UNION ALL SELECT 'b')", [None, "b"]),
])
def test_string_agg_as_a_window_function_needs_sqlite_3_44_and_never_crashes(db, sql, expected):
    """``expected``: wrangler 4.164.0's rows; on an older SQLite, an error with a note, not a crash."""
    if sqlite3.sqlite_version_info >= (3, 44):
        assert [row["v"] for row in asyncio.run(db.prepare(sql).all())["results"]] == expected
        return
    error = failure(db, sql)
    assert "string_agg() may not be used as a window function" in str(error)
    note = " ".join(getattr(error, "__notes__", []))
    assert "string_agg() as a window function needs SQLite 3.44" in note and sqlite3.sqlite_version in note


def test_a_syntax_error_of_another_kind_gets_no_note(db):
    error = failure(db, "SELECT FROM t")
    assert not getattr(error, "__notes__", [])


@pytest.mark.parametrize(("sql", "what", "since"), [
    ("SELECT string_agg(x, ',' ORDER BY x) AS v FROM (SELECT 'b' AS x UNION ALL SELECT 'a')",
     "if this is an ORDER BY inside an aggregate function's arguments: that", (3, 44)),
    ("CREATE VIRTUAL TABLE f USING fts5(a, content='', contentless_delete=1)", "the FTS5 option contentless_delete",
     (3, 43)),
    ("SELECT json_valid('{}', 1) AS v", "json_valid()'s second argument", (3, 45)),
])
def test_each_newer_syntax_is_named_in_the_note(db, sql, what, since):
    """On a linked SQLite older than ``since``, the note names what needs it, whole."""
    if sqlite3.sqlite_version_info >= since:
        asyncio.run(db.prepare(sql).all())  # runs, as on workerd
        return
    note = " ".join(getattr(failure(db, sql), "__notes__", []))
    assert note == (f"{what} needs SQLite {since[0]}.{since[1]}: D1 runs it (workerd bundles SQLite 3.54), but the "
                    f"SQLite your Python links is {sqlite3.sqlite_version}, so it fails here only; run with a Python "
                    f"linked against SQLite {since[0]}.{since[1]} or later to use it")
