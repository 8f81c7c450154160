"""A fresh D1 database's ``meta.size_after`` is one page (4096 bytes) before anything is
written, as under ``wrangler dev`` (its file always has its header page; wrangler 4.164.0
answers ``SELECT 1`` on a new database with ``size_after: 4096``). The pytest plugin's and
``load_env``'s in-memory database says the same as a file on disk."""

from __future__ import annotations

import pytest

from workers_env import load_env

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\ndatabase_id = "db-1"\n'


@pytest.mark.asyncio
@pytest.mark.parametrize("persist", [False, True])
async def test_first_read_reports_one_page_in_memory_and_on_disk(tmp_path, persist):
    (tmp_path / "wrangler.toml").write_text(D1)
    env = load_env(tmp_path, persist_to=tmp_path / "state") if persist else load_env(tmp_path)
    meta = (await env.DB.prepare("SELECT 1").all()).meta
    assert (meta.size_after, meta.changed_db) == (4096, False)
    created = (await env.DB.prepare("CREATE TABLE t (a)").run()).meta
    assert (created.size_after, created.changed_db) == (8192, True)
    env.close()
