"""The notes D1's "no such table" and Vectorize's "has no definition" carry about the state beside
the config fire on the same condition as ``StateElsewhereWarning``: a relative ``persist_to`` that,
read from the config's folder, is the state beside the config and, read from the current folder,
another one (a run from a subfolder). A relative ``persist_to`` naming another state from the
config's folder too (``scratch``) is a state chosen on purpose: its errors stay as they were."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import IndexDefinitionError, JsException, load_env
from workers_env.cli import main

WRANGLER = ('name = "w"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')
VECTORIZE = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'


def _d1_note(project, persist_to) -> str:
    with load_env(project, persist_to=persist_to) as env:
        with pytest.raises(JsException) as info:
            asyncio.run(env.DB.prepare("SELECT text FROM notes").first("text"))
    assert "no such table: notes" in str(info.value)
    return " ".join(getattr(info.value, "__notes__", []))


def _vectorize_message(project, persist_to) -> str:
    with pytest.raises(IndexDefinitionError) as info:
        load_env(project, persist_to=persist_to)
    return str(info.value)


@pytest.fixture
def d1_project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    with load_env(tmp_path, persist_to=tmp_path / ".wrangler" / "state") as env:
        asyncio.run(env.DB.exec("CREATE TABLE other (id INTEGER)"))
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def vectorize_project(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(VECTORIZE)
    assert main(["vectorize", "create", "docs", "--dimensions", "3", "--metric", "cosine",
                 "--persist-to", str(tmp_path / ".wrangler" / "state")]) == 0
    capsys.readouterr()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_d1_another_relative_state_from_the_configs_folder_gets_no_note(d1_project):
    assert _d1_note(d1_project, "scratch") == ""


def test_d1_the_state_beside_the_config_read_from_a_subfolder_gets_its_note(d1_project, monkeypatch):
    monkeypatch.chdir(d1_project / "sub")
    assert "while the state beside the config" in _d1_note(d1_project, ".wrangler/state")


def test_d1_another_relative_state_from_a_subfolder_gets_no_note(d1_project, monkeypatch):
    monkeypatch.chdir(d1_project / "sub")
    assert _d1_note(d1_project, "scratch") == ""


def test_vectorize_another_relative_state_from_the_configs_folder_leaves_the_message_as_it_was(vectorize_project):
    assert _vectorize_message(vectorize_project, "scratch").startswith(
        'The Vectorize index "docs" (binding VECTORIZE) has no definition')


def test_vectorize_another_relative_state_from_a_subfolder_leaves_the_message_as_it_was(vectorize_project, monkeypatch):
    monkeypatch.chdir(vectorize_project / "sub")
    assert _vectorize_message(vectorize_project, "scratch").startswith(
        'The Vectorize index "docs" (binding VECTORIZE) has no definition')


def test_vectorize_the_state_beside_the_config_read_from_a_subfolder_is_named(vectorize_project, monkeypatch):
    monkeypatch.chdir(vectorize_project / "sub")
    assert _vectorize_message(vectorize_project, ".wrangler/state").startswith(
        f'The state beside the config ({vectorize_project / ".wrangler" / "state"}) holds the index "docs"')
