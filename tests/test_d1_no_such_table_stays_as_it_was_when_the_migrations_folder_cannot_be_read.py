"""A migrations folder that cannot be read -- a symlink loop (``migrations -> migrations``:
pathlib's ``RuntimeError: Symlink loop`` on Python 3.11 and 3.12) -- leaves D1's "no such table"
as it was, without the note on unapplied migrations, never a traceback from that note in place
of D1's error."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, load_env

WRANGLER = ('name = "w"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')


def test_a_migrations_folder_looping_on_itself_leaves_no_such_table_as_it_was(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "migrations").symlink_to("migrations")
    with load_env(tmp_path) as env:
        asyncio.run(env.DB.exec("CREATE TABLE other (a)"))  # a schema: no note on a database without tables
        with pytest.raises(JsException) as info:
            asyncio.run(env.DB.prepare("SELECT t FROM notes").all())
    assert "no such table: notes" in str(info.value)
    assert getattr(info.value, "__notes__", []) == []
