"""``PRAGMA foreign_keys = OFF`` changes nothing: D1 runs every query in a transaction, where
SQLite ignores setting ``foreign_keys``, so enforcement stays on (D1's way to relax it is
``PRAGMA defer_foreign_keys``). Measured on wrangler 4.164.0 with tools/wrangler/d1_differential.py."""

from __future__ import annotations

import pytest

from workers_env import JsException

FAILED = "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)"


async def tables(db) -> None:
    await db.exec("CREATE TABLE p (id INTEGER PRIMARY KEY)\nCREATE TABLE c (p REFERENCES p(id))")


@pytest.mark.asyncio
@pytest.mark.parametrize("value", ["OFF", "0", "false", "no"])
async def test_setting_it_off_leaves_it_on(db, value):
    await tables(db)
    result = await db.prepare(f"PRAGMA foreign_keys = {value}").run()
    assert result.results == [] and result.meta["changes"] == 0
    assert await db.prepare("PRAGMA foreign_keys").first("foreign_keys") == 1
    with pytest.raises(JsException) as info:
        await db.prepare("INSERT INTO c VALUES (5)").run()
    assert info.value.message == FAILED


@pytest.mark.asyncio
async def test_nor_in_a_batch_or_a_statement_of_several(db):
    await tables(db)
    for call in (db.batch([db.prepare("PRAGMA foreign_keys = OFF"), db.prepare("INSERT INTO c VALUES (6)")]),
                 db.prepare("PRAGMA foreign_keys = OFF; INSERT INTO c VALUES (7)").all(),
                 db.exec("PRAGMA foreign_keys = OFF\nINSERT INTO c VALUES (8)")):
        with pytest.raises(JsException, match="FOREIGN KEY constraint failed"):
            await call
    assert await db.prepare("SELECT count(*) AS n FROM c").first("n") == 0


@pytest.mark.asyncio
async def test_deferring_them_still_works(db):
    await tables(db)
    await db.batch([db.prepare("PRAGMA defer_foreign_keys = ON"), db.prepare("INSERT INTO c VALUES (9)"),
                    db.prepare("INSERT INTO p VALUES (9)")])
    assert await db.prepare("SELECT p FROM c").raw() == [[9]]


@pytest.mark.asyncio
async def test_a_value_d1_refuses_is_still_refused(db):
    await tables(db)
    with pytest.raises(JsException) as info:
        await db.prepare("PRAGMA foreign_keys = maybe").run()
    assert info.value.message == "D1_ERROR: not authorized: SQLITE_AUTH"
