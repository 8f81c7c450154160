"""A relative ``persist_to`` whose folder is a symlink loop (``sub/.wrangler -> .wrangler``) is the
store's own ``StateError`` ("Too many levels of symbolic links"), from ``load_env`` and from
``workers-env kv``/``d1``: the state-elsewhere guidance looked at first must not turn it into
pathlib's ``RuntimeError: Symlink loop`` (Python 3.11 and 3.12) and a traceback."""

from __future__ import annotations

import pytest
from cli_helpers import run_main

from workers_env import StateError, load_env

WRANGLER = ('name = "w"\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc123"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')


def _project(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    assert run_main(capsys, "kv", "key", "put", "greeting", "hello", "--binding", "CACHE", "--local").returncode == 0
    assert run_main(capsys, "d1", "execute", "DB", "--local", "--command", "create table notes (t text)").returncode == 0
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".wrangler").symlink_to(".wrangler")
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def test_load_env_raises_the_stores_state_error(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    (project / "wrangler.toml").write_text(WRANGLER.split("[[d1_databases]]")[0])  # the KV namespace alone
    with pytest.raises(StateError, match="symbolic links"):
        load_env(project, persist_to=".wrangler/state")


@pytest.mark.parametrize("command", [
    ("kv", "key", "get", "greeting", "--binding", "CACHE"),
    ("d1", "execute", "DB", "--command", "select t from notes"),
])
def test_the_cli_prints_the_stores_error(tmp_path, capsys, monkeypatch, command):
    _project(tmp_path, capsys, monkeypatch)
    result = run_main(capsys, *command, "--local", "--persist-to", ".wrangler/state")
    assert result.returncode == 1
    assert "symbolic links" in result.stderr and "Traceback" not in result.stderr


def test_load_env_gives_no_empty_state_warning_for_a_symlink_loop(tmp_path, capsys, monkeypatch, recwarn):
    """Python 3.13's ``resolve()`` leaves a loop unresolved without an error: the guidance must
    still see that the folder cannot be read, not call it an empty state."""
    project = _project(tmp_path, capsys, monkeypatch)
    (project / "wrangler.toml").write_text(WRANGLER.split("[[d1_databases]]")[0])
    with pytest.raises(StateError, match="symbolic links"):
        load_env(project, persist_to=".wrangler/state")
    assert [str(w.message) for w in recwarn.list if "empty under persist_to" in str(w.message)] == []
