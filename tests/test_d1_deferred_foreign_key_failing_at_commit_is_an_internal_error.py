"""A request whose deferred foreign key (``PRAGMA defer_foreign_keys = ON`` or ``DEFERRABLE
INITIALLY DEFERRED``) is still violated at its end fails as under wrangler 4.164.0: D1's
storage meets SQLite's refusal when it commits, below JavaScript, so the Worker gets workerd's
``internal error; reference = <24 characters of 0-9a-v>`` (with ``d1_binding_jsrpc``:
``D1_ERROR: ``/``D1_EXEC_ERROR: `` before it), nothing is written, and D1's object restarts:
the next ``meta.last_row_id`` is 0, and so are ``changes()``, ``total_changes()`` and
``last_insert_rowid()`` (a new connection). An immediate foreign key keeps SQLite's own error.
(tools/wrangler/d1_edge_cases.json, measured with tools/wrangler/d1_differential.py)"""

from __future__ import annotations

import asyncio
import re
import threading

import pytest
from d1_helpers import error_message

from workers_env import JsException, load_env

INTERNAL = re.compile(r"internal error; reference = [0-9a-v]{24}")
SCHEMA = [
    "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
    "CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent(id))",
    "CREATE TABLE later (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)",
    "INSERT INTO parent VALUES (1)",
]
IMMEDIATE = "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)"


async def schema(db):
    for sql in SCHEMA:
        await db.prepare(sql).run()


async def rows(db, table):
    return await db.prepare(f"SELECT p FROM {table} ORDER BY id").raw()


@pytest.mark.asyncio
async def test_a_batch_deferring_its_check_to_a_commit_that_fails(db):
    await schema(db)
    assert (await db.prepare("INSERT INTO child (p) VALUES (1)").run()).meta["last_row_id"] == 1
    with pytest.raises(JsException) as info:
        await db.batch([db.prepare("PRAGMA defer_foreign_keys = ON"), db.prepare("INSERT INTO child (p) VALUES (8)")])
    assert INTERNAL.fullmatch(info.value.message)
    assert info.value.__notes__ == [  # what workerd only logs, workers-env's note (the whole text)
        "the transaction failed to commit: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: "
        "SQLITE_CONSTRAINT_FOREIGNKEY) (a deferred foreign key -- "
        "PRAGMA defer_foreign_keys or DEFERRABLE INITIALLY DEFERRED -- still violated at the end of the request); "
        "workerd logs that, the Worker gets an internal error, nothing is written and D1's object restarts"]
    result = await db.prepare("SELECT p FROM child").all()
    assert result.results == [{"p": 1}]  # nothing written
    assert result.meta["last_row_id"] == 0  # D1's object restarted
    assert (await db.prepare("CREATE TABLE t (x)").run()).meta["last_row_id"] == 0
    assert await db.prepare("PRAGMA defer_foreign_keys").first("defer_foreign_keys") == 0


@pytest.mark.asyncio
async def test_a_violation_put_right_before_the_end_commits(db):
    await schema(db)
    results = await db.batch([db.prepare("PRAGMA defer_foreign_keys = ON"),
                              db.prepare("INSERT INTO child (p) VALUES (7)"),
                              db.prepare("INSERT INTO parent VALUES (7)")])
    assert results[2].meta["last_row_id"] == 7
    assert await rows(db, "child") == [[7]]


@pytest.mark.asyncio
@pytest.mark.parametrize("call", ["run", "all", "first", "raw"])
async def test_one_statement_on_a_deferrable_key(db, call):
    await schema(db)
    statement = db.prepare("INSERT INTO later (p) VALUES (9) RETURNING id")
    assert INTERNAL.fullmatch(await error_message(getattr(statement, call)()))
    assert await rows(db, "later") == []
    assert (await db.prepare("SELECT 1").run()).meta["last_row_id"] == 0
    assert (await db.prepare("INSERT INTO later (p) VALUES (1)").run()).meta["last_row_id"] == 1


@pytest.mark.asyncio
async def test_several_statements_and_exec(db):
    await schema(db)
    sql = "PRAGMA defer_foreign_keys = ON; INSERT INTO child (p) VALUES (9)"
    assert INTERNAL.fullmatch(await error_message(db.prepare(sql).run()))
    assert INTERNAL.fullmatch(await error_message(db.exec("INSERT INTO later (p) VALUES (9)")))
    assert await rows(db, "child") == [] and await rows(db, "later") == []


@pytest.mark.asyncio
async def test_a_session_keeps_no_bookmark_from_the_failed_request(db):
    await schema(db)
    session = db.withSession()
    assert INTERNAL.fullmatch(await error_message(session.prepare("INSERT INTO later (p) VALUES (3)").run()))
    assert session.getBookmark() is None


@pytest.mark.asyncio
async def test_an_immediate_key_keeps_sqlites_error(db):
    await schema(db)
    await db.prepare("INSERT INTO child (p) VALUES (1)").run()
    assert await error_message(db.prepare("INSERT INTO child (p) VALUES (5)").run()) == IMMEDIATE
    assert (await db.prepare("SELECT 1").run()).meta["last_row_id"] == 1  # no restart
    assert await error_message(db.batch([db.prepare("INSERT INTO child (p) VALUES (5)")])) == IMMEDIATE


@pytest.mark.asyncio
async def test_with_the_jsrpc_flag_d1_api_prefixes_it(tmp_path):
    (tmp_path / "wrangler.toml").write_text('compatibility_flags = ["d1_binding_jsrpc"]\n[[d1_databases]]\n'
                                            'binding = "DB"\ndatabase_name = "notes-db"\ndatabase_id = "db-1"\n')
    env = load_env(tmp_path)
    try:
        db = env.DB
        await schema(db)
        insert = "INSERT INTO later (p) VALUES (4)"
        assert re.fullmatch("D1_ERROR: " + INTERNAL.pattern, await error_message(db.prepare(insert).run()))
        assert re.fullmatch("D1_EXEC_ERROR: " + INTERNAL.pattern, await error_message(db.exec(insert)))
        assert INTERNAL.fullmatch(await error_message(db.query({"queries": [{"sql": insert}]})))
    finally:
        env.close()


COUNTERS = "SELECT changes(), total_changes(), last_insert_rowid()"


@pytest.mark.asyncio
async def test_the_restart_zeroes_the_connections_counters_and_writes_nothing_twice(db):
    await schema(db)
    for sql in ["CREATE TABLE seq (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                "p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)",
                "CREATE TABLE log (x)",
                "CREATE TRIGGER seq_ai AFTER INSERT ON seq BEGIN INSERT INTO log VALUES (new.id); END",
                "INSERT INTO seq (p) VALUES (1)"]:
        await db.prepare(sql).run()
    assert (await db.prepare(COUNTERS).raw())[0][0] == 1
    assert INTERNAL.fullmatch(await error_message(db.prepare("INSERT INTO seq (p) VALUES (9) RETURNING id").all()))
    assert await db.prepare(COUNTERS).raw() == [[0, 0, 0]]  # (the statement ran twice here: see database.py)
    state = "SELECT (SELECT count(*) FROM log), (SELECT seq FROM sqlite_sequence WHERE name = 'seq')"
    assert await db.prepare(state).raw() == [[1, 1]]  # the trigger's row and the counter: once, rolled back
    assert (await db.prepare("INSERT INTO seq (p) VALUES (1)").run()).meta["last_row_id"] == 2
    assert await db.prepare(COUNTERS).raw() == [[1, 2, 2]]  # (the row and its trigger's)
    assert INTERNAL.fullmatch(await error_message(db.batch([db.prepare("INSERT INTO seq (p) VALUES (1)"),
                                                            db.prepare("INSERT INTO seq (p) VALUES (8)")])))
    assert await db.prepare(COUNTERS).raw() == [[0, 0, 0]]
    assert await db.prepare("SELECT id, p FROM seq ORDER BY id").raw() == [[1, 1], [2, 1]]


@pytest.mark.asyncio
async def test_a_restart_keeps_the_data_on_disk_and_the_setup(tmp_path):
    (tmp_path / "wrangler.toml").write_text('[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
                                            'database_id = "db-1"\n')
    with load_env(tmp_path, persist_to=str(tmp_path / "state")) as env:
        db = env.DB
        await schema(db)
        assert INTERNAL.fullmatch(await error_message(db.prepare("INSERT INTO later (p) VALUES (9)").run()))
        assert await db.prepare(COUNTERS).raw() == [[0, 0, 0]]
        assert await rows(db, "later") == []
        assert await db.prepare("SELECT id FROM parent").raw() == [[1]]
        # the new connection is set up as the first: foreign keys, printf's cap, lone surrogates
        assert await error_message(db.prepare("INSERT INTO child (p) VALUES (5)").run()) == IMMEDIATE
        assert await db.prepare("SELECT length(printf('%.*c', 200000, 'x')) AS v").first("v") == 100_000
        assert await db.prepare("SELECT hex(?1) AS v").bind("\ud800").first("v") == "EDA080"


def test_restarts_while_other_threads_query(db):
    """A restart replaces the connection under the lock; queries from other threads (lone
    surrogates through SQLite's C API, printf, FTS5) meet the new one, never the closed one."""
    asyncio.run(schema(db))
    asyncio.run(db.prepare("CREATE VIRTUAL TABLE f USING fts5(x)").run())
    failures: list[str] = []

    async def restarts() -> None:
        for _ in range(40):
            try:
                await db.prepare("INSERT INTO later (p) VALUES (9)").run()
            except JsException as exc:
                if not INTERNAL.fullmatch(exc.message):
                    failures.append(exc.message)

    async def queries() -> None:
        for _ in range(40):
            try:
                assert await db.prepare("SELECT hex(?1) AS v").bind("\ud800").first("v") == "EDA080"
                assert await db.prepare("SELECT length(printf('%.*c', 200000, ?1)) AS v").bind("\udc00").first("v") \
                    == 100_000
                await db.prepare("INSERT INTO f VALUES (?1)").bind("a \ud800").run()
            except JsException as exc:
                failures.append(exc.message)

    threads = [threading.Thread(target=asyncio.run, args=(work(),)) for work in (restarts, queries, queries, queries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert asyncio.run(db.prepare("SELECT count(*) AS n FROM f").first("n")) == 120
