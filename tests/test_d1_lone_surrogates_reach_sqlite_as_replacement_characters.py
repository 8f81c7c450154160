"""A lone surrogate (``"\\ud800"``) in SQL text or a bound string: V8 writes it to workerd's
SQLite as its three bytes (``ED A0 80``), which read back as three U+FFFD (measured on wrangler
4.164.0). Such a query is handed to SQLite with those bytes too (through SQLite's C API:
Python's ``sqlite3`` takes only UTF-8), so ``length()`` counts one character, ``hex()`` shows
them and two different ones stay apart: the query runs -- instead of Python's
``UnicodeEncodeError`` escaping --, reads back as under wrangler, and a batch holding one
writes every row once."""

from __future__ import annotations

import pytest
from d1_helpers import error_message

from workers_env import JsException


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
    await db.exec("CREATE TABLE t (v TEXT UNIQUE)")
    with pytest.raises(JsException, match="UNIQUE constraint failed: t.v"):
        await db.batch([db.prepare("INSERT INTO t VALUES ('\ud800')"), db.prepare("INSERT INTO t VALUES ('\ud800')")])
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0
    # two different lone surrogates stay apart, as under workerd
    await db.batch([db.prepare("INSERT INTO t VALUES ('\ud800')"), db.prepare("INSERT INTO t VALUES (?)").bind("\udfff")])
    assert await db.prepare("SELECT hex(v) AS h FROM t ORDER BY rowid").raw() == [["EDA080"], ["EDBFBF"]]


@pytest.mark.asyncio
async def test_a_statement_on_its_own_stores_v8s_bytes(db):
    row = await db.prepare("SELECT ?1 AS s, length(?1) AS n, hex(?1) AS h").bind("a\ud800b").first()
    assert row == {"s": "a\ufffd\ufffd\ufffdb", "n": 3, "h": "61EDA08062"}
    assert await db.prepare("SELECT hex('x\ud800') AS h").first("h") == "78EDA080"
    assert await db.prepare("SELECT '\ud800' AS a; ").first("a") == "\ufffd" * 3  # (a tail after its ;)
    await db.prepare("CREATE TABLE u (v TEXT UNIQUE)").run()
    await db.prepare("INSERT INTO u VALUES (?)").bind("\ud800").run()
    await db.prepare("INSERT INTO u VALUES (?)").bind("\udfff").run()  # (another character: no conflict)
    assert await error_message(db.prepare("INSERT INTO u VALUES (?)").bind("\ud800").run()) == \
        "D1_ERROR: UNIQUE constraint failed: u.v: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)"
    assert await db.prepare("SELECT count(*) AS n FROM u WHERE v = ?").bind("\udfff").first("n") == 1
    result = await db.prepare("INSERT INTO u VALUES (?) RETURNING v").bind("z\udc00").all()
    assert result.results == [{"v": "z\ufffd\ufffd\ufffd"}] and result.meta["changes"] == 1


@pytest.mark.asyncio
async def test_its_named_parameters_errors_and_printf(db):
    assert await db.prepare("SELECT :a AS a, :b AS b").bind("\ud800", 2.5).raw() == [["\ufffd" * 3, 2.5]]
    assert await error_message(db.prepare("SELECT ? AS a").bind("\ud800", 1).all()) == \
        "D1_ERROR: Wrong number of parameter bindings for SQL query."
    assert await error_message(db.prepare("SELECT * FROM nope_\ud800").all()) == \
        "D1_ERROR: no such table: nope_\ufffd\ufffd\ufffd: SQLITE_ERROR"
    assert await db.prepare("SELECT printf('%s|%5s', ?1, ?1) AS p").bind("\ud800").first("p") == \
        "\ufffd\ufffd\ufffd|  \ufffd\ufffd\ufffd"


@pytest.mark.asyncio
async def test_the_functions_of_a_newer_sqlite_take_its_bytes(db):
    # (concat, concat_ws, octet_length and string_agg are added in Python to an SQLite before 3.44)
    await db.exec("CREATE TABLE g (k INTEGER, v TEXT)")
    await db.prepare("INSERT INTO g VALUES (1, 'a'), (1, ?)").bind("x\ud800").run()
    row = await db.prepare("SELECT concat(v, '!') AS c, concat_ws('-', v, v) AS w, octet_length(v) AS o "
                           "FROM g WHERE rowid = 2").first()
    assert row == {"c": "x\ufffd\ufffd\ufffd!", "w": "x\ufffd\ufffd\ufffd-x\ufffd\ufffd\ufffd", "o": 4}
    assert await db.prepare("SELECT hex(string_agg(v, ',')) AS h FROM g GROUP BY k").first("h") == "612C78EDA080"


@pytest.mark.asyncio
async def test_the_date_functions_with_subsec_take_its_bytes(db):
    # (the ``subsec`` modifier is added in Python to an SQLite before 3.42; wrangler 4.164.0's answers)
    assert await db.prepare("SELECT time('now', 'subsec', '\ud800') IS NULL AS v").first("v") == 1
    assert await db.prepare("SELECT date('2024-01-02\ud800') IS NULL AS v").first("v") == 1
    assert await db.prepare("SELECT hex(strftime('%Y\ud800', '2024-01-02')) AS v").first("v") == "32303234EDA080"
    assert await db.prepare("SELECT hex(strftime(?1, '2024-01-02', 'subsec')) AS v").bind("%H:%M:%f\udc00") \
        .first("v") == "30303A30303A30302E303030EDB080"
