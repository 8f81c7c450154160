"""An error SQLite meets only on a row after the first (``json()`` of a later row's malformed text)
is D1's error, as one met at the first row is -- not Python's ``sqlite3.OperationalError`` -- from
every call that reads rows; a statement that is not the last of several is stepped once, as workerd
steps it, so such an error in it is never reached (answers of wrangler 4.164.0's D1, the cases at
the end of tools/wrangler/d1_cases.json)."""

from __future__ import annotations

import sqlite3

import pytest

from workers_env import JsException

MALFORMED = "D1_ERROR: malformed JSON: SQLITE_ERROR"
ROWS = "SELECT json(x) FROM t ORDER BY id"


async def filled(db):
    """``t`` of three rows, the third's text no JSON."""
    await db.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)").run()
    await db.prepare("""INSERT INTO t (x) VALUES ('{"a":1}'), ('[2]'), ('nope')""").run()
    return db


async def failure(awaitable) -> str:
    with pytest.raises(JsException) as info:
        await awaitable
    assert not isinstance(info.value, sqlite3.Error)
    return info.value.message


@pytest.mark.asyncio
@pytest.mark.parametrize("call", ["all", "first", "raw", "run"])
async def test_every_call_that_reads_rows_gives_d1s_error(db, call):
    table = await filled(db)
    assert await failure(getattr(table.prepare(ROWS), call)()) == MALFORMED
    assert await failure(getattr(table.prepare(f"SELECT 1; {ROWS}"), call)()) == MALFORMED


@pytest.mark.asyncio
async def test_exec_and_batch_give_their_own_wrappers_and_the_batch_writes_nothing(db):
    table = await filled(db)
    assert await failure(table.exec(ROWS)) == f"D1_EXEC_ERROR: Error in line 1: {ROWS}: malformed JSON: SQLITE_ERROR"
    batch = [table.prepare("INSERT INTO t (x) VALUES ('[9]')"), table.prepare(ROWS)]
    assert await failure(table.batch(batch)) == MALFORMED
    assert (await table.prepare("SELECT count(*) AS n FROM t").first("n")) == 3


@pytest.mark.asyncio
async def test_rows_up_to_the_bad_one_are_fine_and_the_database_answers_after(db):
    table = await filled(db)
    assert (await table.prepare(f"{ROWS} LIMIT 2").raw()) == [['{"a":1}'], ["[2]"]]
    await failure(table.prepare(ROWS).all())
    assert (await table.prepare("SELECT count(*) AS n FROM t").first("n")) == 3


@pytest.mark.asyncio
async def test_a_statement_before_the_last_is_stepped_once(db):
    table = await filled(db)
    result = await table.prepare(f"{ROWS}; SELECT 1 AS one").all()
    assert result.results == [{"one": 1}]
    cte = ("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) "
           "SELECT json(CASE WHEN n = 1 THEN '[1]' ELSE 'bad' END) FROM c; SELECT 2 AS two")
    assert (await table.prepare(cte).first("two")) == 2
    # an error at its first step still fails the call
    assert await failure(table.prepare("SELECT json('bad'); SELECT 1").all()) == MALFORMED
