"""An index defined nowhere, read through a ``persist_to`` that is not the state beside the
config while that state holds the index (the README's ``persist_to=".wrangler/state"`` run
from a subfolder), says so first: which state holds it and that a relative ``persist_to`` is
read from the current folder. Otherwise the message is unchanged."""

from __future__ import annotations

import pytest

from workers_env import IndexDefinitionError, load_env
from workers_env.cli import main

WRANGLER = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'


def _project(tmp_path, capsys):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    beside = tmp_path / ".wrangler" / "state"
    assert main(["vectorize", "create", "docs", "--dimensions", "3", "--metric", "cosine",
                 "--persist-to", str(beside)]) == 0
    capsys.readouterr()
    (tmp_path / "sub").mkdir()
    return tmp_path


def test_a_relative_persist_to_from_a_subfolder_names_the_state_holding_the_index(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys)
    monkeypatch.chdir(project / "sub")
    with pytest.raises(IndexDefinitionError) as info:
        load_env(project, persist_to=".wrangler/state")
    assert str(info.value).startswith(
        f'The state beside the config ({project / ".wrangler" / "state"}) holds the index "docs", but '
        f"persist_to='.wrangler/state' is {project / 'sub' / '.wrangler' / 'state'}: a relative persist_to is "
        "read from the current folder, not the config's.\nThe Vectorize index \"docs\" (binding VECTORIZE) has "
        "no definition")


def test_from_the_configs_folder_the_index_is_found(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys)
    monkeypatch.chdir(project)
    with load_env(project, persist_to=".wrangler/state") as env:
        assert "v2 3d cosine" in repr(env.unwrapped("VECTORIZE"))


def test_no_index_beside_the_config_leaves_the_message_as_it_was(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(IndexDefinitionError) as info:
        load_env(tmp_path, persist_to="elsewhere")
    assert str(info.value).startswith('The Vectorize index "docs" (binding VECTORIZE) has no definition')


def test_a_damaged_state_beside_the_config_fails_nothing_when_the_index_is_defined(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\n')
    beside = tmp_path / ".wrangler" / "state" / "v3" / "vectorize"
    beside.mkdir(parents=True)
    (beside / "workers-env-vectorize.sqlite").write_bytes(b"")  # a state the Worker does not use, damaged
    monkeypatch.chdir(tmp_path)
    with load_env(tmp_path, persist_to="elsewhere") as env:
        assert "3d cosine" in repr(env.unwrapped("VECTORIZE"))


def test_a_damaged_state_beside_the_config_leaves_the_no_definition_message_as_it_was(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    beside = tmp_path / ".wrangler" / "state" / "v3" / "vectorize"
    beside.mkdir(parents=True)
    (beside / "workers-env-vectorize.sqlite").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(IndexDefinitionError) as info:
        load_env(tmp_path, persist_to="elsewhere")
    assert str(info.value).startswith('The Vectorize index "docs" (binding VECTORIZE) has no definition')
