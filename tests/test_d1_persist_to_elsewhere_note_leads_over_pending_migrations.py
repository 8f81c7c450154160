"""A "no such table" from a fresh database under a relative ``persist_to`` read from a
subfolder, when the state beside the config holds the database and ``migrations/`` holds a
migration: the note is the one that names the cause (the state read from the current folder)
alone. Before walk58 it led with the pending-migration note, whose fixes (`workers-env d1
migrations apply DB --local`, `d1 execute --file`) write the state beside the config, which
already has the table, and never reach the database that failed."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, load_env

WRANGLER = ('name = "notes"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')


def _project(tmp_path, migration: str):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    with load_env(tmp_path, persist_to=tmp_path / ".wrangler" / "state") as env:  # the state beside the config
        asyncio.run(env.DB.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"))
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_tags.sql").write_text(migration)
    (tmp_path / "sub").mkdir()
    return tmp_path


@pytest.mark.parametrize("migration", [
    "CREATE TABLE tags (note_id INTEGER, name TEXT);",  # creates another table: "applying them would not help"
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);",  # creates it: "apply them with ..."
])
def test_the_state_read_from_the_current_folder_is_the_whole_note(tmp_path, monkeypatch, migration):
    project = _project(tmp_path, migration)
    monkeypatch.chdir(project / "sub")
    with load_env(project, persist_to=".wrangler/state") as env:
        with pytest.raises(JsException) as info:
            asyncio.run(env.DB.prepare("SELECT text FROM notes").all())
    assert "no such table: notes" in str(info.value)
    beside = project / ".wrangler" / "state"
    assert getattr(info.value, "__notes__", []) == [
        f"this database is under persist_to='.wrangler/state' ({project / 'sub' / '.wrangler' / 'state'}), "
        f"while the state beside the config ({beside}, where workers-env d1 and wrangler write) holds one "
        "for DB too: a relative persist_to is read from the current folder, not the config's"]
