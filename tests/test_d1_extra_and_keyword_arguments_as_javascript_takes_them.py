"""D1's methods take their arguments as JavaScript does, on ``load_env``'s ``env.DB`` as in a
Worker: an extra argument is ignored (``stmt.all(None)``, ``db.dump(1)``), and keyword
arguments are one trailing object (Pyodide's call), so ``first(colName="a")`` reads the column
``"[object Object]"`` -- never Python's ``TypeError: ... takes 1 positional argument``."""

from __future__ import annotations

import pytest

from workers_env import JsException


@pytest.mark.asyncio
async def test_extra_arguments_are_ignored(db):
    await db.exec("CREATE TABLE t (a)", "ignored")
    await db.batch([db.prepare("INSERT INTO t VALUES (?)").bind(1)], None)
    statement = db.prepare("SELECT a FROM t", 2)
    assert (await statement.all(None))["results"] == [{"a": 1}]
    assert (await statement.run(1, 2))["results"] == [{"a": 1}]
    assert await statement.first("a", "ignored") == 1
    assert await statement.raw({}, None) == [[1]]
    assert db.withSession("first-primary", 0).getBookmark(None) is None
    with pytest.raises(JsException, match="D1_DUMP_ERROR: Status \\+ 404"):
        await db.dump(None)


@pytest.mark.asyncio
async def test_keywords_are_one_trailing_object(db):
    statement = db.prepare("SELECT 1 AS a")
    assert (await statement.all(columnNames=True))["results"] == [{"a": 1}]  # all() reads no argument
    assert await statement.first("a", colName="b") == 1  # after a positional one: never read
    assert await statement.raw(columnNames=True) == [["a"], [1]]  # alone: the options
    assert await statement.raw({}, columnNames=True) == [[1]]  # after a positional one: never read
    assert await statement.raw({"columnNames": True}, columnNames=False) == [["a"], [1]]
    with pytest.raises(JsException) as info:
        await statement.first(colName="a")
    assert info.value.message == "D1_COLUMN_NOTFOUND: Column not found ([object Object])"
