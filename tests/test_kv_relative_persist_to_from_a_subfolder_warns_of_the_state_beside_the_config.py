"""``load_env(persist_to=".wrangler/state")`` run from a subfolder of the project opens a new,
empty KV namespace there (a relative ``persist_to`` is read from the current folder, as wrangler's
``--persist-to``) and every ``get`` answers ``None`` without an error; when the state beside the
config holds the namespace (``workers-env kv key put --local`` wrote it), a
``StateElsewhereWarning`` names it. From the config's folder, with an absolute ``persist_to``, or
with nothing beside the config, no warning."""

from __future__ import annotations

import asyncio
import warnings

import pytest

from workers_env import StateElsewhereWarning, load_env
from workers_env.cli import main

WRANGLER = ('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2025-01-01"\n'
            'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc123"\n')


def _project(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    assert main(["kv", "key", "put", "--binding", "CACHE", "greeting", "hello", "--local"]) == 0
    capsys.readouterr()
    (tmp_path / "sub").mkdir()
    return tmp_path


def _read(project, persist_to) -> tuple[object, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with load_env(project, persist_to=persist_to) as env:
            value = asyncio.run(env.CACHE.get("greeting"))
    return value, [str(w.message) for w in caught if issubclass(w.category, StateElsewhereWarning)]


def test_a_relative_persist_to_from_a_subfolder_warns_of_the_namespace_beside_the_config(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    value, messages = _read(project, ".wrangler/state")
    assert value is None
    assert messages == [
        f'the KV namespace "abc123" (binding CACHE) is empty under persist_to=\'.wrangler/state\' '
        f"({project / 'sub' / '.wrangler' / 'state'}), while the state beside the config "
        f"({project / '.wrangler' / 'state'}, where workers-env and wrangler write) holds some: a relative "
        "persist_to is read from the current folder, not the config's (an absolute persist_to reads the "
        "same state from any folder)"]


def test_the_second_run_from_the_subfolder_warns_again_while_its_namespace_stays_empty(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    _read(project, ".wrangler/state")
    value, messages = _read(project, ".wrangler/state")
    assert value is None and len(messages) == 1


def test_the_warning_points_at_the_load_env_call(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    with pytest.warns(StateElsewhereWarning) as record:
        load_env(project, persist_to=".wrangler/state").close()
    assert record[0].filename == __file__


def test_from_the_configs_folder_the_value_is_read_without_a_warning(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    assert _read(project, ".wrangler/state") == ("hello", [])


def test_an_absolute_persist_to_elsewhere_is_a_state_chosen_on_purpose(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    assert _read(project, project / "sub" / "fresh") == (None, [])


def test_nothing_beside_the_config_warns_nothing(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert _read(tmp_path, ".wrangler/state") == (None, [])
