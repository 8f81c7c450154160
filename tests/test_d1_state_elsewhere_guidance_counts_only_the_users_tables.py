"""D1's state-elsewhere guidance (the ``workers-env d1 --persist-to`` line, the "no such table"
note) counts only the user's tables: an empty ``d1_migrations`` (``migrations list`` makes one),
wrangler's ``_cf_KV`` and SQLite's ``sqlite_sequence`` are no table of the user's, so a database
holding only those is "no table" on either side -- beside the config it is no state to point at,
under ``--persist-to`` it is still the fresh database the line is about."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from cli_helpers import run_main

from workers_env import JsException, load_env
from workers_env.d1.layout import database_file

WRANGLER = ('name = "w"\ncompatibility_date = "2025-01-01"\n[[d1_databases]]\nbinding = "DB"\n'
            'database_name = "notes-db"\ndatabase_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')
SELECT = ["d1", "execute", "DB", "--local", "--persist-to", ".wrangler/state", "--command", "select t from notes"]
LOCAL_NAME = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"


def _internal_tables_only(persist_to):
    """The database under ``persist_to`` with an empty d1_migrations, _cf_KV and sqlite_sequence."""
    path = database_file(persist_to, LOCAL_NAME)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, "
                   "applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)")
        db.execute("CREATE TABLE _cf_KV (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID")
        db.execute("CREATE TABLE gone (id INTEGER PRIMARY KEY AUTOINCREMENT)")
        db.execute("INSERT INTO gone DEFAULT VALUES")
        db.execute("DROP TABLE gone")  # leaves sqlite_sequence behind
        assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} == {
            "d1_migrations", "_cf_KV", "sqlite_sequence"}
    finally:
        db.close()


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def test_the_cli_points_at_no_state_beside_holding_only_internal_tables(project, capsys):
    _internal_tables_only(project / ".wrangler" / "state")
    result = run_main(capsys, *SELECT)
    assert result.returncode == 1
    assert result.stderr == "✘ [ERROR] no such table: notes: SQLITE_ERROR\n\n\n"


def test_the_cli_still_points_from_a_database_holding_only_internal_tables(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert run_main(capsys, "d1", "execute", "DB", "--local", "--command", "create table notes (t text)").returncode == 0
    monkeypatch.chdir(project / "sub")
    _internal_tables_only(project / "sub" / ".wrangler" / "state")
    result = run_main(capsys, *SELECT)
    assert result.returncode == 1
    assert result.stderr.startswith("(workers-env: --persist-to .wrangler/state is ")
    assert f"while the state beside the config ({project / '.wrangler' / 'state'}) holds one that has" in result.stderr


def test_load_env_notes_no_state_beside_holding_only_internal_tables(project):
    _internal_tables_only(project / ".wrangler" / "state")
    with load_env(project, persist_to=".wrangler/state") as env:
        with pytest.raises(JsException) as info:
            asyncio.run(env.DB.prepare("SELECT t FROM notes").first("t"))
    assert "no such table: notes" in str(info.value)
    assert getattr(info.value, "__notes__", []) == []
