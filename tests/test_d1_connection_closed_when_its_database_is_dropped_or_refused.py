"""An in-memory env (which needs no closing) dropped with its D1 database closes the database's
SQLite connection when collected: CPython 3.13 on says ``ResourceWarning: unclosed database``
for a connection collected open (it surfaced in a Worker test under 3.14), and every D1 object
workers-env made is gone with the env. (The warning is what fails before the fix, under 3.13 on;
under 3.11 and 3.12 the count of open connections guards against a database kept alive.) A
persisted state file that is no database is refused with the connection that found it closed."""

from __future__ import annotations

import asyncio
import gc
import sqlite3
import warnings

import pytest

from workers_env import StateError, load_env


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


def test_a_persisted_state_that_is_no_database_is_refused_with_its_connection_closed(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\ncompatibility_date = "2025-01-01"\n'
                                            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "d"\n')
    state = tmp_path / "state"
    with load_env(tmp_path, persist_to=state) as env:
        asyncio.run(env.DB.exec("CREATE TABLE t (x)"))
    (file,) = state.rglob("*.sqlite")
    for extra in file.parent.glob(file.name + "-*"):
        extra.unlink()
    file.write_bytes(b"not a database at all")
    gc.collect()
    before = _open_connections()
    with pytest.raises(StateError, match="file is not a database") as caught:
        load_env(tmp_path, persist_to=state)
    assert caught.value.__traceback__ is not None  # its frames (the connection's) are still held here
    assert _open_connections() == before
