"""The SQLite limits workerd sets on every D1 connection (``SqliteDatabase::setupSecurity``)
beyond the documented four: LIKE/GLOB pattern bytes, arguments per function, terms of a compound
SELECT, expression depth and nested triggers, each on both sides, with the local runtime's texts (checked against
wrangler 4.164 by tools/wrangler/d1_differential.py)."""

from __future__ import annotations

import pytest

from workers_env import JsException


async def refusal(awaitable) -> str:
    with pytest.raises(JsException) as info:
        await awaitable
    return info.value.message


@pytest.mark.asyncio
async def test_like_and_glob_patterns_hold_at_most_50_bytes(db):
    assert await db.prepare("SELECT 'x' LIKE ? AS m").bind("%" * 50).first("m") == 1
    for op, char in (("LIKE", "%"), ("GLOB", "*")):
        assert await refusal(db.prepare(f"SELECT 'x' {op} ? AS m").bind(char * 51).first("m")) == (
            "D1_ERROR: LIKE or GLOB pattern too complex: SQLITE_ERROR")


@pytest.mark.asyncio
async def test_a_function_takes_at_most_127_arguments(db):
    # (Cloudflare's limits page says 32 for the service; the local runtime keeps SQLite's 127)
    assert await db.prepare("SELECT max(" + ",".join(["1"] * 127) + ") AS m").first("m") == 1
    assert await refusal(db.prepare("SELECT max(" + ",".join(["1"] * 128) + ") AS m").first("m")) == (
        "D1_ERROR: too many arguments on function max at offset 7: SQLITE_ERROR")


@pytest.mark.asyncio
async def test_a_compound_select_has_at_most_5_terms(db):
    five = " UNION ALL ".join(f"SELECT {i} AS v" for i in range(5))
    assert [row["v"] for row in (await db.prepare(five).all()).results] == [0, 1, 2, 3, 4]
    six = " UNION ALL ".join(f"SELECT {i} AS v" for i in range(6))
    assert await refusal(db.prepare(six).all()) == "D1_ERROR: too many terms in compound SELECT: SQLITE_ERROR"


@pytest.mark.asyncio
async def test_an_expression_tree_is_at_most_100_deep(db):
    # a sum of n terms is n deep in SQLite's count
    assert await db.prepare("SELECT " + "+".join(["1"] * 100) + " AS s").first("s") == 100
    assert await refusal(db.prepare("SELECT " + "+".join(["1"] * 101) + " AS s").first("s")) == (
        "D1_ERROR: Expression tree is too large (maximum depth 100): SQLITE_ERROR")


@pytest.mark.asyncio
async def test_triggers_nest_at_most_9_deep_with_the_newer_sqlite_text(db):
    await db.prepare("CREATE TABLE trg (id INTEGER PRIMARY KEY, n)").run()
    await db.prepare("CREATE TRIGGER trg_next AFTER INSERT ON trg WHEN new.n < 100 "
                     "BEGIN INSERT INTO trg (n) VALUES (new.n + 1); END").run()
    await db.prepare("PRAGMA recursive_triggers = ON").run()
    await db.prepare("INSERT INTO trg (n) VALUES (91)").run()  # 9 nested inserts: 92 .. 100
    assert await db.prepare("SELECT count(*) AS c FROM trg").first("c") == 10
    # one more level: workerd's SQLite (3.54) words it so, whatever SQLite Python links
    assert await refusal(db.prepare("INSERT INTO trg (n) VALUES (90)").run()) == (
        "D1_ERROR: triggers nested too deep: SQLITE_ERROR")
    assert await db.prepare("SELECT count(*) AS c FROM trg").first("c") == 10  # nothing written
