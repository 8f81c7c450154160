"""``PRAGMA data_version`` reads 2 on a fresh D1 database, in memory as on disk, and stays 2
through the database's own writes, as under wrangler 4.164.0 (``tools/wrangler/d1_differential.py``
with ``d1_edge_cases.json``; workerd's first read of its WAL file finds the WAL index new and
resets SQLite's page cache). The in-memory database is SQLite's ``memdb``, committed to once by a
second connection when opened; before, it read 1."""

from __future__ import annotations

import pytest
from d1_helpers import D1_WRANGLER, d1_database

from workers_env import load_env


async def data_version(db) -> int:
    return await db.prepare("PRAGMA data_version").first("data_version")


async def reads(db) -> list[int]:
    seen = [await data_version(db)]
    await db.exec("CREATE TABLE t (a)")
    seen.append(await data_version(db))
    await db.batch([db.prepare("INSERT INTO t VALUES (?)").bind(i) for i in range(3)])
    seen.append(await data_version(db))
    return seen


@pytest.mark.asyncio
async def test_in_memory(tmp_path):
    with d1_database(tmp_path) as db:
        assert await reads(db) == [2, 2, 2]
        assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 3


@pytest.mark.asyncio
async def test_on_disk(tmp_path):
    (tmp_path / "wrangler.toml").write_text(D1_WRANGLER)
    env = load_env(tmp_path, persist_to=tmp_path / "state")
    try:
        assert await reads(env.DB) == [2, 2, 2]
    finally:
        env.close()


@pytest.mark.asyncio
async def test_two_in_memory_databases_are_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with d1_database(tmp_path / "a") as one, d1_database(tmp_path / "b") as two:
        await one.exec("CREATE TABLE only_here (a)")
        assert await two.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'only_here'").first("n") == 0
        assert (await data_version(one), await data_version(two)) == (2, 2)
