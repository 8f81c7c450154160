"""The D1 binding's query surface through ``load_env``: statements, values in and out, result shapes."""

from __future__ import annotations

import pytest

from workers_env import JsDict, JsException, load_env

WRANGLER = """\
name = "d1-test"
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "11111111-2222-3333-4444-555555555555"
"""

META_KEYS = ["served_by", "served_by_primary", "total_attempts", "timings", "duration", "changes",
             "last_row_id", "changed_db", "size_after", "rows_read", "rows_written"]


@pytest.fixture
def db(project):
    env = load_env(project(WRANGLER))
    yield env.DB
    env.close()


async def make_notes(db):
    await db.prepare("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, score REAL, n, data BLOB)").run()


@pytest.mark.asyncio
async def test_fresh_database_per_load_env(project):
    root = project(WRANGLER)
    first = load_env(root)
    await make_notes(first.DB)
    second = load_env(root)
    with pytest.raises(JsException, match="no such table: notes"):
        await second.DB.prepare("SELECT * FROM notes").all()


@pytest.mark.asyncio
async def test_all_returns_success_meta_results_in_that_order(db):
    await make_notes(db)
    res = await db.prepare("INSERT INTO notes (text, score) VALUES (?, ?)").bind("hello", 0.5).run()
    assert list(res) == ["success", "meta", "results"]
    assert isinstance(res, JsDict) and res.success is True and res.results == []
    assert list(res.meta) == META_KEYS
    assert res.meta.changes == 1 and res.meta.last_row_id == 1 and res.meta.changed_db is True
    assert res.meta.rows_written == 1 and res.meta.served_by == "miniflare.db"
    assert res.meta.size_after > 0 and res.meta.duration >= 0
    rows = await db.prepare("SELECT id, text, score FROM notes").all()
    assert rows.results == [{"id": 1, "text": "hello", "score": 0.5}]
    assert isinstance(rows.results[0], JsDict) and rows.results[0].text == "hello"
    assert rows.meta.changes == 0 and rows.meta.changed_db is False and rows.meta.rows_read == 1
    assert rows.meta.last_row_id == 1  # the connection's last insert, as the runtime reports it


@pytest.mark.asyncio
async def test_first_row_column_and_none(db):
    await make_notes(db)
    await db.prepare("INSERT INTO notes (text) VALUES ('a'), ('b')").run()
    assert await db.prepare("SELECT id, text FROM notes ORDER BY id").first() == {"id": 1, "text": "a"}
    assert await db.prepare("SELECT id, text FROM notes ORDER BY id DESC").first("text") == "b"
    assert await db.prepare("SELECT score FROM notes").first("score") is None  # a NULL value is not "not found"
    assert await db.prepare("SELECT * FROM notes WHERE id = 9").first() is None
    assert await db.prepare("SELECT * FROM notes WHERE id = 9").first("nope") is None  # no row: no check
    with pytest.raises(JsException) as info:
        await db.prepare("SELECT * FROM notes").first("nope")
    assert str(info.value) == "Error: D1_COLUMN_NOTFOUND: Column not found (nope)"


@pytest.mark.asyncio
async def test_raw_with_and_without_column_names(db):
    await make_notes(db)
    await db.prepare("INSERT INTO notes (text, data) VALUES ('a', x'0102')").run()
    assert await db.prepare("SELECT id, text, data FROM notes").raw() == [[1, "a", [1, 2]]]
    assert await db.prepare("SELECT id, text FROM notes").raw({"columnNames": True}) == [["id", "text"], [1, "a"]]
    assert await db.prepare("SELECT id FROM notes").raw(columnNames=True) == [["id"], [1]]
    assert await db.prepare("SELECT id FROM notes").raw({"columnNames": False}) == [[1]]
    assert await db.prepare("SELECT id FROM notes WHERE id = 5").raw({"columnNames": True}) == [["id"]]


@pytest.mark.asyncio
async def test_bind_values_as_d1_takes_them(db):
    await make_notes(db)
    stmt = db.prepare("INSERT INTO notes (text, score, n, data) VALUES (?, ?, ?, ?)")
    bound = stmt.bind("x", True, None, b"\x00\xff")
    assert bound is not stmt and stmt.params == []  # bind returns a new statement
    assert bound.statement == stmt.statement
    assert bound.params == ["x", 1, None, [0, 255]]  # booleans 1/0, bytes as an array of bytes
    await bound.run()
    await stmt.bind("y", False, 7, [1, 2, 3]).run()
    await stmt.bind("z", 2.5, float("nan"), bytearray(b"ab")).run()
    rows = (await db.prepare("SELECT text, score, n, typeof(n) AS t, data FROM notes ORDER BY id").all()).results
    assert rows == [
        {"text": "x", "score": 1, "n": None, "t": "null", "data": [0, 255]},
        {"text": "y", "score": 0, "n": 7, "t": "real", "data": [1, 2, 3]},  # JS numbers are doubles
        {"text": "z", "score": 2.5, "n": None, "t": "null", "data": [97, 98]},  # NaN travels as null
    ]


@pytest.mark.asyncio
async def test_numbers_out_as_javascript_numbers(db):
    row = await db.prepare(
        "SELECT 9007199254740993 AS big, 9007199254740991 AS safe, 1.0 AS whole, 0.1 AS d, 1e300*1e300 AS inf, -0.0 AS z"
    ).first()
    assert row == {"big": 9007199254740992.0, "safe": 9007199254740991, "whole": 1, "d": 0.1, "inf": None, "z": 0}
    assert type(row["big"]) is float and type(row["whole"]) is int and type(row["safe"]) is int


@pytest.mark.asyncio
async def test_numbered_and_named_parameters(db):
    row = await db.prepare("SELECT ?1 AS a, ?1 AS b, ? AS c").bind(1, 2).first()
    assert row == {"a": 1, "b": 1, "c": 2}
    assert await db.prepare("SELECT ?2 AS x, ?1 AS y").bind("a", "b").first() == {"x": "b", "y": "a"}
    assert await db.prepare("SELECT :name AS a, @x AS b, $y AS c").bind(1, 2, 3).first() == {"a": 1, "b": 2, "c": 3}
    assert await db.prepare("SELECT ?").bind(None).first() == {"?": None}


@pytest.mark.asyncio
async def test_statement_reused_and_repeated_column_names(db):
    stmt = db.prepare("SELECT ? AS v, 2 AS v")
    assert (await stmt.bind(1).first()) == {"v": 2}  # the later column wins, as Object.fromEntries
    assert (await stmt.bind(5).raw()) == [[5, 2]]


@pytest.mark.asyncio
async def test_multiple_statements_in_one_prepare_return_the_last(db):
    await make_notes(db)
    res = await db.prepare("INSERT INTO notes (text) VALUES ('a'); INSERT INTO notes (text) VALUES ('b')").run()
    assert res.meta.changes == 2 and res.meta.last_row_id == 2
    assert (await db.prepare("SELECT 1 AS a; SELECT ? AS b").bind(5).all()).results == [{"b": 5}]


@pytest.mark.asyncio
async def test_run_returns_rows_too(db):
    assert (await db.prepare("SELECT 1").run()).results == [{"1": 1}]


@pytest.mark.asyncio
async def test_meta_changed_db_for_ddl_and_deletes(db):
    created = await db.prepare("CREATE TABLE t (a)").run()
    assert created.meta.changed_db is True and created.meta.changes == 0
    await db.prepare("INSERT INTO t VALUES (1), (2), (3)").run()
    deleted = await db.prepare("DELETE FROM t WHERE a > 1").run()
    assert deleted.meta.changes == 2 and deleted.meta.rows_written == 2 and deleted.meta.changed_db is True
    noop = await db.prepare("DELETE FROM t WHERE a > 100").run()
    assert noop.meta.changes == 0 and noop.meta.changed_db is False


@pytest.mark.asyncio
async def test_foreign_keys_are_enforced_by_default(db):
    await db.exec("CREATE TABLE p (id INTEGER PRIMARY KEY);\nCREATE TABLE c (p INTEGER REFERENCES p(id));")
    assert await db.prepare("PRAGMA foreign_keys").first("foreign_keys") == 1
    with pytest.raises(JsException, match="FOREIGN KEY constraint failed: SQLITE_CONSTRAINT"):
        await db.prepare("INSERT INTO c VALUES (1)").run()
    await db.prepare("PRAGMA defer_foreign_keys = on").run()  # allowed PRAGMA


@pytest.mark.asyncio
async def test_sync_methods_are_sync_and_async_ones_awaitable(db):
    stmt = db.prepare("SELECT 1 AS one")
    assert type(stmt).__name__ == "D1PreparedStatement"
    assert type(stmt.bind()).__name__ == "D1PreparedStatement"
    coro = stmt.first("one")
    assert hasattr(coro, "__await__")
    assert await coro == 1


def test_fts5_virtual_tables_are_allowed(project):
    import asyncio

    env = load_env(project(WRANGLER))

    async def go():
        await env.DB.exec("CREATE VIRTUAL TABLE docs USING fts5(body);\nINSERT INTO docs VALUES ('hello world');")
        return await env.DB.prepare("SELECT body FROM docs WHERE docs MATCH ?").bind("hello").all()

    assert asyncio.run(go()).results == [{"body": "hello world"}]
    env.close()
