"""The newer SQLite's ``triggers nested too deep`` replaces only SQLite's own older wording (an
SQLITE_ERROR), never a trigger's ``RAISE`` text or a value that happens to say the same: workerd
reports those word for word (checked with tools/wrangler/d1_differential.py, wrangler 4.164)."""

from __future__ import annotations

import pytest

from workers_env import JsException

OLD = "too many levels of trigger recursion"


@pytest.mark.asyncio
async def test_a_raise_with_the_old_wording_keeps_its_text(db):
    await db.prepare("CREATE TABLE r (id INTEGER PRIMARY KEY, n)").run()
    await db.prepare(f"CREATE TRIGGER r_no AFTER INSERT ON r BEGIN SELECT RAISE(ABORT, '{OLD}'); END").run()
    with pytest.raises(JsException) as info:
        await db.prepare("INSERT INTO r (n) VALUES (5)").run()
    assert str(info.value) == (
        f"Error: D1_ERROR: {OLD}: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_TRIGGER)")
    assert await db.prepare(f"SELECT '{OLD}' AS x").first("x") == OLD
