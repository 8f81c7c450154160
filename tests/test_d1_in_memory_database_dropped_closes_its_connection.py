"""An in-memory env (which needs no closing) dropped with its D1 database closes the database's
SQLite connection when collected: CPython 3.13 on says ``ResourceWarning: unclosed database``
for a connection collected open (it surfaced in a Worker test under 3.14), and every D1 object
workers-env made is gone with the env. (The warning is what fails before the fix, under 3.13 on;
under 3.11 and 3.12 the count of open connections guards against a database kept alive.)"""

from __future__ import annotations

import asyncio
import gc
import sqlite3
import warnings

from workers_env import load_env


def _open_connections() -> int:
    count = 0
    for obj in gc.get_objects():
        if isinstance(obj, sqlite3.Connection):
            try:
                obj.total_changes  # noqa: B018 - raises on a closed connection
            except sqlite3.ProgrammingError:
                continue
            count += 1
    return count


def test_a_dropped_in_memory_env_leaves_no_open_connection_and_no_resource_warning(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\ncompatibility_date = "2025-01-01"\n'
                                            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "d"\n')
    gc.collect()
    before = _open_connections()

    async def use() -> None:
        env = load_env(tmp_path)
        await env.DB.exec("CREATE TABLE t (x)")
        await env.DB.prepare("INSERT INTO t VALUES (?)").bind(1).run()
        assert (await env.DB.prepare("SELECT x FROM t").first()).x == 1
        assert _open_connections() == before + 1

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        asyncio.run(use())
        gc.collect()
    assert _open_connections() == before
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
