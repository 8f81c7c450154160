"""D1 ``batch`` (one transaction, rolled back whole), ``exec`` (one query per line) and sessions."""

from __future__ import annotations

import pytest

from workers_env import JsException


async def count(db, table="notes") -> int:
    return await db.prepare(f"SELECT count(*) AS c FROM {table}").first("c")


@pytest.mark.asyncio
async def test_batch_returns_one_result_per_statement(db):
    res = await db.batch([
        db.prepare("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT UNIQUE)"),
        db.prepare("INSERT INTO notes (text) VALUES (?)").bind("a"),
        db.prepare("INSERT INTO notes (text) VALUES (?)").bind("b"),
        db.prepare("SELECT text FROM notes ORDER BY id"),
    ])
    assert [r.success for r in res] == [True] * 4
    assert [r.meta.changes for r in res] == [0, 1, 1, 0]
    assert res[2].meta.last_row_id == 2
    assert res[3].results == [{"text": "a"}, {"text": "b"}]


@pytest.mark.asyncio
async def test_batch_rolls_back_whole_when_any_statement_fails(db):
    await db.prepare("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT UNIQUE)").run()
    await db.prepare("INSERT INTO notes (text) VALUES ('keep')").run()
    stmts = [
        db.prepare("INSERT INTO notes (text) VALUES (?)").bind("new-1"),
        db.prepare("CREATE TABLE other (a)"),
        db.prepare("INSERT INTO notes (text) VALUES (?)").bind("keep"),  # UNIQUE fails
    ]
    with pytest.raises(JsException) as info:
        await db.batch(stmts)
    assert info.value.message.startswith("D1_ERROR: UNIQUE constraint failed: notes.text")
    assert await count(db) == 1
    with pytest.raises(JsException, match="no such table: other"):
        await db.prepare("SELECT * FROM other").all()
    # the database still works, and a later batch is independent
    await db.batch([db.prepare("INSERT INTO notes (text) VALUES ('b')")])
    assert await count(db) == 2


@pytest.mark.asyncio
async def test_batch_argument_errors_change_nothing(db):
    await db.prepare("CREATE TABLE notes (a)").run()
    with pytest.raises(JsException, match="No SQL statements detected"):
        await db.batch([])
    with pytest.raises(JsException, match="batch\\(\\) takes statements from prepare\\(\\)"):
        await db.batch([db.prepare("INSERT INTO notes VALUES (1)"), "INSERT INTO notes VALUES (2)"])
    with pytest.raises(JsException, match="not a list of statements"):
        await db.batch(db.prepare("INSERT INTO notes VALUES (1)"))
    assert await count(db) == 0
    res = await db.batch([db.prepare("SELECT 1 AS a"), db.prepare("  ")])  # blank ones are dropped
    assert [r.results for r in res] == [[{"a": 1}]]


@pytest.mark.asyncio
async def test_exec_runs_one_query_per_line_in_one_transaction(db):
    res = await db.exec("CREATE TABLE notes (a);\nINSERT INTO notes VALUES (1); INSERT INTO notes VALUES (2)\n\n-- done\n")
    assert dict(res) == {"count": 2, "duration": res.duration} and res.duration >= 0
    assert await count(db) == 2
    with pytest.raises(JsException) as info:
        await db.exec("INSERT INTO notes VALUES (3);\nINSERT INTO nope VALUES (1)")
    assert info.value.message == (
        "D1_EXEC_ERROR: Error in line 1: INSERT INTO notes VALUES (3);: no such table: nope: SQLITE_ERROR"
    )
    assert await count(db) == 2  # the first line was rolled back too
    with pytest.raises(JsException, match="D1_EXEC_ERROR: Error in line 1: : No SQL statements detected."):
        await db.exec("")


@pytest.mark.asyncio
async def test_sessions_keep_the_latest_bookmark(db):
    assert db.getBookmark() is None
    session = db.withSession()
    assert session.getBookmark() is None
    assert db.withSession("first-primary").getBookmark() is None
    await session.prepare("CREATE TABLE notes (a)").run()
    first = session.getBookmark()
    assert isinstance(first, str) and first
    await session.batch([session.prepare("INSERT INTO notes VALUES (1)")])
    second = session.getBookmark()
    assert second > first
    await session.prepare("SELECT * FROM notes").all()
    third = session.getBookmark()
    assert third > second  # every request of a session moves it, reads too (Miniflare's counter)
    resumed = db.withSession(second)
    assert resumed.getBookmark() == second
    assert await resumed.prepare("SELECT a FROM notes").first("a") == 1
    with pytest.raises(JsException, match="D1_SESSION_ERROR: invalid bookmark or constraint"):
        type(session)(db.database, "   ")
    assert db.withSession("  ").getBookmark() is None  # blank means first-unconstrained


def test_one_binding_shared_by_threads_keeps_every_write(db):
    import asyncio
    import threading

    asyncio.run(db.prepare("CREATE TABLE t (worker INTEGER, k INTEGER)").run())
    errors: list[BaseException] = []

    def work(n: int) -> None:
        async def go() -> None:
            for k in range(25):
                await db.batch([db.prepare("INSERT INTO t VALUES (?, ?)").bind(n, k),
                                db.prepare("INSERT INTO t VALUES (?, ?)").bind(n, k + 100)])
                assert (await db.prepare("SELECT count(*) AS c FROM t WHERE worker = ?").bind(n).first("c")) == 2 * (k + 1)
        try:
            asyncio.run(go())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert asyncio.run(db.prepare("SELECT count(*) AS c FROM t").first("c")) == 200
