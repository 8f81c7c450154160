"""The session bookmark counter lives in the database file and is advanced inside each
request's own write transaction, so requests from many threads, through two ``load_env``
envs on one ``persist_to`` (as two processes share wrangler's file), each get their own
bookmark: none is lost or handed out twice, and none fails with ``database is locked``."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading

from workers_env import load_env
from workers_env.d1.layout import database_file

WRANGLER = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\ndatabase_id = "db-1"\n'
THREADS, ROUNDS = 4, 10


def test_threads_and_envs_sharing_a_file_get_one_bookmark_per_request(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    state = tmp_path / "state"
    envs = [load_env(tmp_path, persist_to=state) for _ in range(2)]
    asyncio.run(envs[0].DB.prepare("CREATE TABLE t (a)").run())
    seen: list[str] = []
    failures: list[BaseException] = []

    def work(index: int) -> None:
        db = envs[index % 2].DB
        shared = db.withSession()  # one session used by every round of this thread
        try:
            for n in range(ROUNDS):
                session = db.withSession()
                asyncio.run(session.prepare("SELECT count(*) AS n FROM t").all())
                seen.append(session.getBookmark())
                asyncio.run(shared.batch([shared.prepare("INSERT INTO t VALUES (?)").bind(n)]))
                seen.append(shared.getBookmark())
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for env in envs:
        env.close()
    assert failures == []
    requests = THREADS * ROUNDS * 2
    fresh = seen[0::2]  # a fresh session's one bookmark is its request's own answer
    assert len(set(fresh)) == len(fresh) == THREADS * ROUNDS
    with contextlib.closing(sqlite3.connect(database_file(state, "db-1"))) as conn:
        assert conn.execute("SELECT value FROM _cf_METADATA WHERE key = 2").fetchone() == (requests - 1,)
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (THREADS * ROUNDS,)
    assert max(seen) == f"00000000-{requests - 1:08x}-00000000-{'0' * 32}"
