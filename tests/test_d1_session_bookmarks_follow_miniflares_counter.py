"""Session bookmarks as ``wrangler dev`` gives them (Miniflare 5.20261117 on workerd 1.20261117.1):
every request of a ``withSession(...)`` session (a read too; a batch is one) asks the database
for ``storage.getCurrentBookmark()`` in its transaction, which advances a counter kept in the
database file (``_cf_METADATA``, key 2) and writes it as workerd does:
``<n / 0xffffffff:08x>-<n % 0xffffffff:08x>-00000000-<32 zeros>``. ``env.DB`` itself sends no
bookmark and moves nothing; a request that fails moves nothing. d1-api.ts keeps the answer's
bookmark only when it sorts after the session's own. Measured against the real runtime with the
same calls (workers-env's session probe, December 2026)."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest

from workers_env import JsException, load_env

WRANGLER = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\ndatabase_id = "db-1"\n'
ZEROS = "0" * 32


def bookmark(n: int) -> str:
    return f"{n // 0xFFFFFFFF:08x}-{n % 0xFFFFFFFF:08x}-00000000-{ZEROS}"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    return tmp_path


@pytest.fixture
def db(project):
    env = load_env(project)
    yield env.DB
    env.close()


@pytest.mark.asyncio
async def test_every_session_request_advances_the_bookmark_reads_and_batches_too(db):
    session = db.withSession()
    assert session.getBookmark() is None
    await session.prepare("CREATE TABLE t (a)").run()
    assert session.getBookmark() == bookmark(0) == f"00000000-00000000-00000000-{ZEROS}"
    await session.prepare("SELECT * FROM t").all()
    assert session.getBookmark() == bookmark(1)
    await session.batch([session.prepare("SELECT 1"), session.prepare("SELECT 2")])
    assert session.getBookmark() == bookmark(2)  # one request, one step
    other = db.withSession("first-primary")
    assert await other.prepare("SELECT count(*) AS n FROM t").first("n") == 0
    assert other.getBookmark() == bookmark(3)  # one counter per database, shared by sessions


@pytest.mark.asyncio
async def test_env_db_and_failed_requests_leave_the_counter(db):
    session = db.withSession()
    await session.prepare("CREATE TABLE t (a)").run()
    assert session.getBookmark() == bookmark(0)
    await db.prepare("INSERT INTO t VALUES (1)").run()
    await db.batch([db.prepare("SELECT 1")])
    await db.exec("SELECT 1")
    assert db.getBookmark() is None
    with pytest.raises(JsException, match="no such table: nope"):
        await session.prepare("SELECT * FROM nope").all()
    with pytest.raises(JsException, match="No SQL statements detected."):
        await session.prepare("-- nothing").all()
    with pytest.raises(JsException, match="SQL code did not contain a statement."):
        await session.prepare("INSERT INTO t VALUES (9);\0 junk").run()  # as without a session
    assert await db.prepare("SELECT count(*) AS n FROM t WHERE a = 9").first("n") == 0
    with pytest.raises(JsException, match="UNIQUE constraint failed"):
        await session.batch([session.prepare("CREATE TABLE u (a UNIQUE)"),
                             session.prepare("INSERT INTO u VALUES (1), (1)")])
    assert session.getBookmark() == bookmark(0)
    await session.prepare("SELECT 1").all()
    assert session.getBookmark() == bookmark(1)  # the next success is the next number


@pytest.mark.asyncio
async def test_a_given_bookmark_is_kept_only_while_it_sorts_after_the_answer(db):
    later = db.withSession("zzzz")
    assert later.getBookmark() == "zzzz"
    assert await later.prepare("SELECT 1 AS x").first("x") == 1
    assert later.getBookmark() == "zzzz"
    earlier = db.withSession("  0000  ")
    assert earlier.getBookmark() == "0000"
    await earlier.prepare("SELECT 1").all()
    assert earlier.getBookmark() == bookmark(1)  # "zzzz"'s request took 0


@pytest.mark.asyncio
async def test_the_counter_lives_in_the_database_file(project):
    state = project / "state"
    env = load_env(project, persist_to=state)
    session = env.DB.withSession()
    await session.prepare("SELECT 1").all()
    await session.prepare("SELECT 1").all()
    assert session.getBookmark() == bookmark(1)
    path = env.DB.database.path
    env.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:  # where workerd keeps it (wrangler reads the same row)
        assert conn.execute("SELECT value FROM _cf_METADATA WHERE key = 2").fetchall() == [(1,)]
    env = load_env(project, persist_to=state)
    session = env.DB.withSession()
    await session.prepare("SELECT 1").all()
    assert session.getBookmark() == bookmark(2)
    with pytest.raises(JsException, match="access to _cf_METADATA.key is prohibited"):
        await env.DB.prepare("SELECT key FROM _cf_METADATA").all()
    env.close()


@pytest.mark.asyncio
@pytest.mark.parametrize(("stored", "expected"), [
    (0xFFFFFFFD, "00000000-fffffffe-00000000-"),  # below workerd's split
    (0xFFFFFFFE, "00000001-00000000-00000000-"),  # n = 0xffffffff: the high part starts
    (0xFFFFFFFF, "00000001-00000001-00000000-"),
])
async def test_the_bookmark_splits_at_uint32_max_as_workerd_writes_it(project, stored, expected):
    state = project / "state"
    env = load_env(project, persist_to=state)
    session = env.DB.withSession()
    await session.prepare("SELECT 1").all()
    path = env.DB.database.path
    env.close()
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:  # a counter wrangler's runs left at `stored`
        conn.execute("UPDATE _cf_METADATA SET value = ? WHERE key = 2", (stored,))
    env = load_env(project, persist_to=state)
    session = env.DB.withSession()
    await session.prepare("SELECT 1").all()
    assert session.getBookmark() == expected + ZEROS
    env.close()


@pytest.mark.asyncio
async def test_the_counters_row_shows_in_the_next_meta_as_under_miniflare(db):
    session = db.withSession()
    created = await session.prepare("CREATE TABLE t (a)").run()
    assert (created.meta.last_row_id, created.meta.size_after) == (0, 8192)
    after = await db.prepare("SELECT * FROM t").all()
    # the counter's first INSERT set the connection's last_insert_rowid (key 2) and its table
    # took a page: Miniflare reports both on the next query
    assert (after.meta.last_row_id, after.meta.size_after, after.meta.changed_db) == (2, 12288, False)
    inserted = await db.prepare("INSERT INTO t VALUES (1)").run()
    assert inserted.meta.last_row_id == 1
