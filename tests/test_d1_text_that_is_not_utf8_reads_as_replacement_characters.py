"""TEXT whose bytes are not UTF-8 (a ``CAST`` of a BLOB, or a lone surrogate wrangler's local
D1 stored as its three bytes) reaches Worker code with each bad byte as U+FFFD, as workerd
decodes it (measured on wrangler 4.164.0), where Python's ``sqlite3`` would refuse the row."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from d1_helpers import d1_database

from workers_env import JsException


@pytest.mark.asyncio
async def test_from_every_call(db):
    sql = "SELECT CAST(x'ff41' AS TEXT) AS t, CAST(x'eda080' AS TEXT) AS u, 'ok' AS v"
    row = {"t": "\ufffdA", "u": "\ufffd\ufffd\ufffd", "v": "ok"}
    assert (await db.prepare(sql).all()).results == [row]
    assert (await db.prepare(sql).run()).results == [row]
    assert await db.prepare(sql).first() == row
    assert await db.prepare(sql).raw() == [list(row.values())]
    assert (await db.batch([db.prepare(sql)]))[0].results == [row]
    assert (await db.prepare(f"SELECT 1; {sql}").all()).results == [row]


@pytest.mark.asyncio
async def test_stored_by_another_tool_and_read_in_a_later_row(tmp_path):
    with d1_database(tmp_path) as db:
        await db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        await db.prepare("INSERT INTO t (v) VALUES ('plain'), (CAST(x'c3' AS TEXT))").run()
        assert await db.prepare("SELECT v FROM t ORDER BY id").raw() == [["plain"], ["\ufffd"]]
        assert await db.prepare("SELECT v FROM t WHERE id = 1").first("v") == "plain"  # (decoding as before)


@pytest.mark.asyncio
async def test_an_update_returning_such_text_is_decoded_and_runs_once(db):
    # sqlite3 counts the UPDATE's rows, so they are decoded as workerd decodes them from the start
    await db.exec("CREATE TABLE t (n INTEGER, v TEXT)")
    await db.prepare("INSERT INTO t VALUES (0, CAST(x'ff' AS TEXT))").run()
    assert (await db.prepare("UPDATE t SET n = n + 1 RETURNING v").all()).results == [{"v": "\ufffd"}]
    assert await db.prepare("SELECT n FROM t").first("n") == 1


@pytest.mark.asyncio
async def test_a_with_write_returning_such_text_keeps_the_error(db):
    # a write sqlite3 does not count as one (it starts with WITH) cannot be run again (README)
    await db.exec("CREATE TABLE t (n INTEGER, v TEXT)")
    await db.prepare("INSERT INTO t VALUES (0, CAST(x'ff' AS TEXT))").run()
    with pytest.raises(JsException, match="Could not decode to UTF-8"):
        await db.prepare("WITH one AS (SELECT 1 AS k) UPDATE t SET n = n + (SELECT k FROM one) RETURNING v").all()
    assert await db.prepare("SELECT n FROM t").first("n") == 1


def test_python_sqlite3_itself_refuses_such_a_row():
    # what the binding works around (if a later sqlite3 decodes it, this test says so)
    with contextlib.closing(sqlite3.connect(":memory:")) as conn, \
            pytest.raises(sqlite3.OperationalError, match="Could not decode to UTF-8"):
        conn.execute("SELECT CAST(x'ff' AS TEXT)").fetchall()
