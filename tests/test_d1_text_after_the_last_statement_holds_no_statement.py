"""Text after a query's last statement that is more than whitespace -- a comment, a ``;``, a
character SQLite does not take as a space (U+00A0): workerd's prepare loop skips only ASCII
whitespace after a statement and asks SQLite for the next one there, which finds none
(``SQL code did not contain a statement.``) or a syntax error; the statements before it ran
and are rolled back, and the one before it is not the last, so it may not take parameters
(the same holds before a NUL). Measured on wrangler 4.164.0 with tools/wrangler/d1_differential.py."""

from __future__ import annotations

import pytest

from workers_env import JsException

NO_STATEMENT = "SQL code did not contain a statement."
ONLY_LAST = "When executing multiple SQL statements in a single call, only the last statement can have parameters."


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["SELECT 1 AS a; -- c", "SELECT 1 AS a;\n-- c\n", "SELECT 1 AS a; /* c */",
                                 "SELECT 1 AS a;;", "SELECT 1 AS a; ;", "SELECT 1 AS a; SELECT 2 AS b; -- y"])
async def test_a_comment_or_semicolon_after_the_last_statement(db, sql):
    with pytest.raises(JsException) as info:
        await db.prepare(sql).all()
    assert info.value.message == f"D1_ERROR: {NO_STATEMENT}"


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["SELECT 1 AS a;   ", "SELECT 1 AS a;\v\f\r\n", "SELECT 1 AS a -- c",
                                 "SELECT 1 AS a /* c */", "SELECT 1 AS a;;SELECT 1 AS a", "-- c\nSELECT 1 AS a"])
async def test_whitespace_after_it_or_a_comment_inside_it_is_fine(db, sql):
    assert (await db.prepare(sql).all()).results == [{"a": 1}]


@pytest.mark.asyncio
@pytest.mark.parametrize("space", ["\u00a0", "\u2028"])
async def test_a_unicode_space_after_it_is_a_token_to_sqlite(db, space):
    with pytest.raises(JsException) as info:
        await db.prepare(f"SELECT 1 AS a;{space}").all()
    assert info.value.message == f'D1_ERROR: near "{space}": syntax error at offset 0: SQLITE_ERROR'


@pytest.mark.asyncio
@pytest.mark.parametrize(("sql", "offset"), [(";\v", 1), ("SELECT 1 AS a;;\v", 1), ("SELECT 1 AS a; ;\v", 1),
                                             ("SELECT 1 AS a; SELECT 2 AS b;;\v", 1), ("SELECT 1 AS a; -- c\n;\v", 6)])
async def test_a_vertical_tab_after_a_stray_semicolon_is_a_token_to_sqlite(db, sql, offset):
    # workerd skips a vertical tab after a statement, not after a ``;`` that ends none
    with pytest.raises(JsException) as info:
        await db.prepare(sql).all()
    assert info.value.message == f'D1_ERROR: unrecognized token: "\v" at offset {offset}: SQLITE_ERROR'


@pytest.mark.asyncio
async def test_what_ran_before_is_rolled_back(db):
    await db.prepare("CREATE TABLE t (x)").run()
    with pytest.raises(JsException, match=NO_STATEMENT):
        await db.prepare("INSERT INTO t VALUES (1); -- c").run()
    with pytest.raises(JsException, match=NO_STATEMENT):
        await db.batch([db.prepare("INSERT INTO t VALUES (2)"), db.prepare("SELECT 1 AS a; /* c */")])
    with pytest.raises(JsException) as info:
        await db.exec("INSERT INTO t VALUES (3);;;")
    assert info.value.message == f"D1_EXEC_ERROR: Error in line 1: INSERT INTO t VALUES (3);;;: {NO_STATEMENT}"
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["SELECT ? AS a; -- c", "SELECT ? AS a;\0x", "SELECT ? AS a\0"])
async def test_the_statement_before_it_is_not_the_last(db, sql):
    with pytest.raises(JsException) as info:
        await db.prepare(sql).bind(1).all()
    assert info.value.message == f"D1_ERROR: {ONLY_LAST}"


@pytest.mark.asyncio
async def test_the_missing_statement_is_found_before_the_parameters_are_counted(db):
    with pytest.raises(JsException) as info:
        await db.prepare("SELECT 1 AS a; -- c").bind(1).all()
    assert info.value.message == f"D1_ERROR: {NO_STATEMENT}"
