"""A lone surrogate (``"\\ud800"``) in SQL text or a bound string: V8 writes it to workerd's
SQLite as its three bytes, which read back as three U+FFFD (measured on wrangler 4.164.0); here
the three U+FFFD go in instead, so the query runs -- instead of Python's ``UnicodeEncodeError``
escaping --, reads back as under wrangler, and a batch holding one writes every row once."""

from __future__ import annotations

import pytest
from d1_helpers import d1_database

from workers_env import JsException


@pytest.fixture
def db(tmp_path):
    with d1_database(tmp_path) as binding:
        yield binding


@pytest.mark.asyncio
async def test_in_sql_text_a_bound_value_and_a_column_name(db):
    assert await db.prepare("SELECT 'a\ud800' AS t").first("t") == "a\ufffd\ufffd\ufffd"
    assert await db.prepare("SELECT ? AS t").bind("\udc00b").first("t") == "\ufffd\ufffd\ufffdb"
    assert await db.prepare('SELECT 1 AS "x\ud800"').raw({"columnNames": True}) == [["x\ufffd\ufffd\ufffd"], [1]]
    # a surrogate pair is one character, not two lone ones
    assert await db.prepare("SELECT ? AS t").bind("\U0001f600").first("t") == "\U0001f600"


@pytest.mark.asyncio
async def test_exec_and_a_statement_of_several_run_once(db):
    assert (await db.exec("CREATE TABLE t (v TEXT)\nINSERT INTO t VALUES ('\ud800')"))["count"] == 2
    await db.prepare("INSERT INTO t VALUES ('plain'); INSERT INTO t VALUES (?)").bind("\ud800").run()
    rows = await db.prepare("SELECT v FROM t ORDER BY rowid").raw()
    assert rows == [["\ufffd" * 3], ["plain"], ["\ufffd" * 3]]


@pytest.mark.asyncio
async def test_a_batch_with_one_in_its_last_statement_writes_each_row_once(db):
    await db.exec("CREATE TABLE t (v TEXT)")
    await db.batch([db.prepare("INSERT INTO t VALUES ('first')"), db.prepare("INSERT INTO t VALUES (?)").bind("\ud800")])
    assert await db.prepare("SELECT v FROM t ORDER BY rowid").raw() == [["first"], ["\ufffd" * 3]]


@pytest.mark.asyncio
async def test_a_failing_batch_with_one_still_writes_nothing(db):
    # (two different lone surrogates become the same text here; under workerd they stay apart)
    await db.exec("CREATE TABLE t (v TEXT UNIQUE)")
    with pytest.raises(JsException, match="UNIQUE constraint failed: t.v"):
        await db.batch([db.prepare("INSERT INTO t VALUES ('\ud800')"), db.prepare("INSERT INTO t VALUES ('\udfff')")])
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0
