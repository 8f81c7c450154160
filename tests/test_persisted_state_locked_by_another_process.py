"""D1 and KV state on disk while another process holds its write lock past the busy timeout
(``wrangler dev`` or another workers-env mid-write): the call fails with the project's error
-- D1's ``D1_ERROR: database is locked: SQLITE_BUSY``, KV's ``StateError`` naming the file --
never a bare ``sqlite3.OperationalError``; nothing is written; a KV read still answers.

The other process is a raw connection holding ``BEGIN IMMEDIATE``; the busy timeouts (60 s
for D1, 30 s for KV) are shortened by wrapping ``sqlite3.connect``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workers_env import JsException, StateError, load_env

TOML = """\
name = "locked"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "11111111-2222-3333-4444-555555555555"
[[kv_namespaces]]
binding = "KV"
id = "ns-1"
"""


@pytest.fixture
def env(project: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    connect = sqlite3.connect

    def short_timeout(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        if "timeout" in kwargs:
            kwargs["timeout"] = 0.05
        return connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", short_timeout)
    with load_env(project(TOML), persist_to=tmp_path / "state") as env:
        env.DB.exec_sync("CREATE TABLE t (x INTEGER);")
        env.KV.put_sync("k", "before")
        yield env


def _hold_write_lock(state: Path, kind: str) -> sqlite3.Connection:
    (path,) = (state / "v3" / kind).glob("miniflare-*/*.sqlite")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_d1_writes_under_another_process_lock_give_d1s_busy_error(env: Any, tmp_path: Path) -> None:
    other = _hold_write_lock(tmp_path / "state", "d1")
    insert = env.DB.prepare("INSERT INTO t VALUES (1)")
    try:
        with pytest.raises(JsException, match=r"^Error: D1_ERROR: database is locked: SQLITE_BUSY$"):
            insert.all_sync()
        with pytest.raises(JsException, match=r"^Error: D1_ERROR: database is locked: SQLITE_BUSY$"):
            env.DB.batch_sync([insert, insert])
        with pytest.raises(JsException, match=r"D1_EXEC_ERROR: Error in line 1: .*database is locked: SQLITE_BUSY"):
            env.DB.exec_sync("INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert env.DB.prepare("SELECT count(*) AS n FROM t").first_sync() == {"n": 0}
    env.DB.batch_sync([insert, insert])  # the lock released: the same batch goes through
    assert env.DB.prepare("SELECT count(*) AS n FROM t").first_sync() == {"n": 2}


def test_kv_writes_under_another_process_lock_give_a_state_error(env: Any, tmp_path: Path) -> None:
    other = _hold_write_lock(tmp_path / "state", "kv")
    try:
        for write in (lambda: env.KV.put_sync("k", "after"), lambda: env.KV.delete_sync("k")):
            with pytest.raises(StateError, match=r"the local KV state at .*\.sqlite: it stayed locked by another "
                                                 r"process .*database is locked.*nothing was changed"):
                write()
        assert env.KV.get_sync("k") == "before"  # reads still answer
        assert [key["name"] for key in env.KV.list_sync()["keys"]] == ["k"]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert env.KV.get_sync("k") == "before"
    blobs = list((tmp_path / "state" / "v3" / "kv" / "ns-1" / "blobs").iterdir())
    assert [p.read_bytes() for p in blobs] == [b"before"]  # the refused put left no blob behind
    env.KV.put_sync("k", "after")
    assert env.KV.get_sync("k") == "after"
