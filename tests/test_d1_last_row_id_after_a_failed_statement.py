"""``meta.last_row_id`` after a statement that failed once it had inserted a row: the row is
rolled back, but SQLite keeps its rowid as the connection's last one and Miniflare's next
answer shows it (measured on wrangler 4.164 with tools/wrangler/d1_differential.py)."""

from __future__ import annotations

import pytest

from workers_env import JsException


async def setup(db) -> None:
    await db.prepare("CREATE TABLE r (id INTEGER PRIMARY KEY, n)").run()
    await db.prepare("INSERT INTO r (n) VALUES (1)").run()
    await db.prepare("CREATE TRIGGER r_no AFTER INSERT ON r WHEN new.n = 5 "
                     "BEGIN SELECT RAISE(ABORT, 'no fives'); END").run()


@pytest.mark.asyncio
async def test_a_statement_refused_by_its_trigger_leaves_its_rowid_as_the_last(db):
    await setup(db)
    assert (await db.prepare("SELECT 1 AS x").all()).meta["last_row_id"] == 1
    with pytest.raises(JsException, match="no fives"):
        await db.prepare("INSERT INTO r (n) VALUES (5)").run()
    after = await db.prepare("SELECT count(*) AS c FROM r").all()
    assert after.results[0]["c"] == 1  # the row itself is gone
    assert after.meta["last_row_id"] == 2
    assert after.meta["changed_db"] is False


@pytest.mark.asyncio
async def test_a_failed_batch_leaves_its_last_inserted_rowid_too(db):
    await setup(db)
    with pytest.raises(JsException, match="no such table: nope"):
        await db.batch([db.prepare("INSERT INTO r (n) VALUES (7)"), db.prepare("INSERT INTO nope VALUES (1)")])
    after = await db.prepare("SELECT count(*) AS c FROM r").all()
    assert after.results[0]["c"] == 1
    assert after.meta["last_row_id"] == 2


@pytest.mark.asyncio
async def test_a_statement_refused_before_inserting_keeps_the_previous_rowid(db):
    await setup(db)
    with pytest.raises(JsException, match="UNIQUE constraint failed"):
        await db.prepare("INSERT INTO r (id, n) VALUES (1, 2)").run()
    assert (await db.prepare("SELECT 1 AS x").all()).meta["last_row_id"] == 1
