"""``meta.changes`` of a write to an FTS5 table counts what the statement wrote, as under
wrangler 4.164.0: D1 runs every query in a transaction, and FTS5 writes its pending index when
that commits, after ``meta`` is read. So a database holding a virtual table runs each query in
a transaction here too (one without keeps SQLite's autocommit, which would count the index
writes: 7 for one row). Measured with tools/wrangler/d1_differential.py
(tools/wrangler/d1_edge_cases.json). A statement that writes through a trigger or writes
several rows counts 3 per row on SQLite 3.53.4, as under wrangler, while the FTS5 of an SQLite as
old as 3.40 writes the index at the end of such a statement too (7 for one row through a
trigger): that count follows the linked SQLite."""

from __future__ import annotations

import sqlite3

import pytest

from workers_env import load_env


def fts5_writes_its_index_at_each_statements_end() -> bool:
    """Whether the linked SQLite's FTS5 writes its pending index when a statement of several
    rows ends, inside a transaction (3.40 does, 3.53 waits for the commit as workerd's 3.54)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(x)")
    conn.execute("BEGIN")
    before = conn.total_changes
    conn.execute("INSERT INTO f VALUES ('a'), ('b')")
    flushed = conn.total_changes - before > 6
    conn.close()
    return flushed


async def changes(db, sql):
    return (await db.prepare(sql).run()).meta["changes"]


@pytest.mark.asyncio
async def test_one_row_in_and_out_of_an_fts5_table(db):
    await db.prepare("CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2')").run()
    assert await changes(db, "INSERT INTO f VALUES ('running cafés')") == 3
    assert await changes(db, "INSERT INTO f VALUES ('walking')") == 3
    assert await changes(db, "DELETE FROM f WHERE rowid = 1") == 3
    assert await db.prepare("SELECT rowid FROM f WHERE f MATCH 'walk'").raw() == [[2]]
    assert (await db.prepare("SELECT 1").run()).meta["changes"] == 0  # (the index write at commit is nobody's)


@pytest.mark.asyncio
async def test_through_a_trigger_on_a_plain_table(db):
    await db.batch([db.prepare("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
                    db.prepare("CREATE VIRTUAL TABLE notes_fts USING fts5(body, content = 'notes', content_rowid = 'id')"),
                    db.prepare("CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN "
                               "INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body); END")])
    written = 7 if fts5_writes_its_index_at_each_statements_end() else 3  # (wrangler: 3)
    assert await changes(db, "INSERT INTO notes (body) VALUES ('hello world')") == written
    assert await db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'hello'").raw() == [[1]]


@pytest.mark.asyncio
async def test_a_database_opened_with_an_fts5_table_in_it(tmp_path):
    (tmp_path / "wrangler.toml").write_text('[[d1_databases]]\nbinding = "DB"\ndatabase_name = "n"\ndatabase_id = "i"\n')
    state = tmp_path / "state"
    env = load_env(tmp_path, persist_to=state)
    await env.DB.prepare("CREATE VIRTUAL TABLE f USING fts5(x)").run()
    env.close()
    env = load_env(tmp_path, persist_to=state)
    try:
        assert await changes(env.DB, "INSERT INTO f VALUES ('again')") == 3
    finally:
        env.close()
