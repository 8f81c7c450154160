"""A "no such table" from a database under a ``persist_to`` that is not the state beside the
config -- a relative ``.wrangler/state`` read from a subfolder makes a fresh, empty one --
notes the database the state beside the config holds (where ``workers-env d1 migrations
apply`` wrote), and that a relative ``persist_to`` is read from the current folder. The
same error from that very state, or with nothing beside the config, gets no such note."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, load_env

WRANGLER = ('name = "notes"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')


def _notes(folder, persist_to) -> str:
    with load_env(folder, persist_to=persist_to) as env:
        with pytest.raises(JsException) as info:
            asyncio.run(env.DB.prepare("SELECT text FROM notes").first("text"))
    assert "no such table: notes" in str(info.value)
    return " ".join(getattr(info.value, "__notes__", []))


def _project(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    with load_env(tmp_path, persist_to=tmp_path / ".wrangler" / "state") as env:  # the state beside the config
        asyncio.run(env.DB.exec("CREATE TABLE other (id INTEGER)"))
    (tmp_path / "sub").mkdir()
    return tmp_path


def test_a_relative_persist_to_from_a_subfolder_names_the_state_beside_the_config(tmp_path, monkeypatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project / "sub")
    note = _notes(project, ".wrangler/state")
    beside = project / ".wrangler" / "state"
    assert note == (f"this database is under persist_to='.wrangler/state' ({project / 'sub' / '.wrangler' / 'state'}), "
                    f"while the state beside the config ({beside}, where workers-env d1 and wrangler write) holds one "
                    "for DB too: a relative persist_to is read from the current folder, not the config's")


def test_the_state_beside_the_config_itself_gets_no_such_note(tmp_path, monkeypatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert _notes(project, ".wrangler/state") == ""


def test_nothing_beside_the_config_gets_no_such_note(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    assert _notes(tmp_path, "elsewhere") == ""
