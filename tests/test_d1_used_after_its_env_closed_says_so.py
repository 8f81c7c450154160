"""A D1 binding used after its env was closed fails with D1's error shape and workers-env's
reason, pinned whole for a statement, a batch and ``exec`` (its line and statement first, as
``exec``'s errors are): no SQLite ``ProgrammingError`` leaks. Production has no closing env."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from workers_env import JsException, load_env

TOML = ('name = "x"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\n'
        'database_id = "11111111-2222-3333-4444-555555555555"\n')
CLOSED = "the database is closed (its env was closed)"


def test_statements_batches_and_exec_after_close_say_the_database_is_closed(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(TOML)
    env = load_env(tmp_path, persist_to=tmp_path / "state")
    asyncio.run(env.DB.prepare("SELECT 1").all())
    env.close()
    for call, text in ((lambda: env.DB.prepare("SELECT 1").all(), f"Error: D1_ERROR: {CLOSED}"),
                       (lambda: env.DB.batch([env.DB.prepare("SELECT 1")]), f"Error: D1_ERROR: {CLOSED}"),
                       (lambda: env.DB.exec("SELECT 1"), f"Error: D1_EXEC_ERROR: Error in line 1: SELECT 1: {CLOSED}")):
        with pytest.raises(JsException) as info:
            asyncio.run(call())
        assert str(info.value) == text
