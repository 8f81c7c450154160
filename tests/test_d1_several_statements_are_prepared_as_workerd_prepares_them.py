"""Several statements in one query run as workerd's prepare loop (``prepareSql``, MULTI) runs
them: each later statement is prepared from where the previous one's tail starts once spaces,
tabs, line breaks, vertical tabs and form feeds are skipped (so ``at offset N`` counts from its
first word, or from a comment before it); a tail holding no statement -- a trailing comment, a
stray ``;`` -- is ``SQL code did not contain a statement.``, after the statements before it ran,
and the query's writes roll back; and SQLite's 100,000-byte SQL length limit applies to all the
text from a statement to the query's end, which is what ``sqlite3_prepare_v3`` is handed. Every
expected text measured with a JavaScript Worker under ``wrangler dev`` 4.164.0 (and in
tools/wrangler/d1_differential.py's cases)."""

from __future__ import annotations

import pytest
from d1_helpers import error_message as message


NOPE = "D1_ERROR: no such column: nope at offset {}: SQLITE_ERROR"
EMPTY = "D1_ERROR: SQL code did not contain a statement."


@pytest.mark.asyncio
@pytest.mark.parametrize(("sql", "offset"), [
    ("SELECT 1; SELECT nope;", 7),
    ("SELECT 1;   \t SELECT nope", 7),
    ("\n SELECT 1;\r\n\tSELECT nope", 7),
    ("SELECT 1;\v\fSELECT nope", 7),  # workerd skips the vertical tab SQLite would not take
    ("SELECT 1; -- c\n SELECT nope", 13),  # a comment before the statement counts
    ("SELECT 1; /* c */ SELECT nope", 15),
    ("   SELECT nope", 10),  # the first statement starts where the text does
])
async def test_a_later_statements_offset_counts_from_its_prepared_start(db, sql, offset):
    assert await message(db.prepare(sql).all()) == NOPE.format(offset)


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["SELECT 1; -- c", "SELECT 1;\n-- c\n", "SELECT 1;;", "SELECT 1; ;",
                                 "/* a */ SELECT 1; /* b */"])
async def test_a_tail_without_a_statement_is_refused(db, sql):
    assert await message(db.prepare(sql).all()) == EMPTY
    assert await message(db.batch([db.prepare(sql)])) == EMPTY


@pytest.mark.asyncio
@pytest.mark.parametrize(("sql", "answer"), [
    ("; SELECT 1", 1), ("-- c\nSELECT 1", 1), ("SELECT 1;  \n", 1), ("SELECT 1; -- c\nSELECT 2", 2),
    ("SELECT 1;; SELECT 2", 2), ("SELECT 1;\v", 1),
])
async def test_empty_statements_and_comments_before_a_statement_belong_to_it(db, sql, answer):
    assert (await db.prepare(sql).raw()) == [[answer]]


@pytest.mark.asyncio
async def test_the_refused_tail_rolls_the_querys_writes_back(db):
    assert await message(db.prepare("CREATE TABLE w (a); INSERT INTO w VALUES (1); -- done").all()) == EMPTY
    assert await message(db.prepare("SELECT COUNT(*) FROM w").all()) == "D1_ERROR: no such table: w: SQLITE_ERROR"
    assert await message(db.exec("SELECT 1; -- c")) == (
        "D1_EXEC_ERROR: Error in line 1: SELECT 1; -- c: SQL code did not contain a statement.")


@pytest.mark.asyncio
async def test_the_sql_length_limit_counts_from_a_statement_to_the_querys_end(db):
    big = "x" * 99990
    too_long = "D1_ERROR: statement too long: SQLITE_TOOBIG"
    assert await message(db.prepare(f"SELECT 1; SELECT '{big}'").all()) == too_long
    assert await message(db.prepare(f"SELECT '{big}'; SELECT 1").all()) == too_long
    assert await message(db.prepare("SELECT 1; SELECT '" + "é" * 49995 + "'").all()) == too_long  # bytes
    assert (await db.prepare("SELECT '" + "y" * 99990 + "'").raw())[0][0] == "y" * 99990  # 99,999 bytes
    assert await message(db.prepare("SELECT '" + "y" * 99995 + "'").all()) == too_long


@pytest.mark.asyncio
@pytest.mark.parametrize(("sql", "expected"), [
    # blank to Miniflare's check (JavaScript's trim() and \s): the runtime's empty query
    ("\ufeff", "D1_ERROR: No SQL statements detected."),
    ("\u00a0\n-- c", "D1_ERROR: No SQL statements detected."),
    # not blank there, and no space to SQLite's tokenizer: a token SQLite refuses
    ("\u001c", 'D1_ERROR: unrecognized token: "\u001c" at offset 0: SQLITE_ERROR'),
    ("\v;", 'D1_ERROR: unrecognized token: "\v" at offset 0: SQLITE_ERROR'),
    ("SELECT 1;\u00a0", 'D1_ERROR: near "\u00a0": syntax error at offset 0: SQLITE_ERROR'),
    (";\u00a0", 'D1_ERROR: near "\u00a0": syntax error at offset 1: SQLITE_ERROR'),
    ("SELECT 1;\u2028", 'D1_ERROR: near "\u2028": syntax error at offset 0: SQLITE_ERROR'),
])
async def test_what_is_blank_is_javascripts_for_the_runtime_and_sqlites_for_a_statement(db, sql, expected):
    assert await message(db.prepare(sql).all()) == expected


@pytest.mark.asyncio
async def test_the_sql_length_limit_counts_whitespace_after_a_statement_and_text_after_a_nul(db):
    # workerd hands SQLite the whole text: what it skips or never reads still counts
    too_long = "D1_ERROR: statement too long: SQLITE_TOOBIG"
    assert await message(db.prepare("SELECT 1 AS a;" + " " * 100000).all()) == too_long
    assert await message(db.prepare("SELECT 1 AS a;" + "\v" * 100000).first()) == too_long
    assert await message(db.prepare("SELECT 1 AS a;\0" + "x" * 100000).all()) == too_long
    assert await message(db.prepare("SELECT 1; SELECT ? AS a\0" + "x" * 100000).bind(1).raw()) == too_long
    assert (await db.prepare("SELECT 1 AS a;" + " " * 99980).all()).results == [{"a": 1}]
