"""A state beside the config that cannot be looked at -- its folder a symlink loop (pathlib's
``RuntimeError: Symlink loop`` on Python 3.11 and 3.12) or one that cannot be searched (EACCES)
-- leaves D1's "no such table" and Vectorize's "has no definition" from a subfolder's relative
``persist_to`` as they were: the note about that state is left out, never a traceback from it in
place of the error. The tests run as root, for whom ``chmod 000`` denies nothing, so the denial is
``os.stat`` raising ``PermissionError`` below that folder, as it does for another user."""

from __future__ import annotations

import asyncio
import errno
import os

import pytest

from workers_env import IndexDefinitionError, JsException, load_env

WRANGLER = ('name = "w"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n'
            '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n')
PYPROJECT = '[tool.workers-env.indexes."docs"]\ndimensions = 3\nmetric = "cosine"\n'


def _unreadable_beside(project, monkeypatch, how: str) -> None:
    beside = project / ".wrangler"
    if how == "symlink loop":
        beside.symlink_to(".wrangler")  # .wrangler -> .wrangler
        return
    (beside / "state" / "v3" / "d1").mkdir(parents=True)
    (beside / "state" / "v3" / "vectorize").mkdir(parents=True)
    denied, stat = str(beside / "state" / "v3") + os.sep, os.stat

    def searching(path, *args, **kwargs):
        if os.fspath(path).startswith(denied):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", searching)


@pytest.fixture(params=["symlink loop", "unsearchable"])
def from_a_subfolder(request, tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    _unreadable_beside(tmp_path, monkeypatch, request.param)
    return tmp_path


def test_d1_no_such_table_is_raised_as_it_was(from_a_subfolder):
    (from_a_subfolder / "pyproject.toml").write_text(PYPROJECT)  # the index defined: load_env reaches the query
    with load_env(from_a_subfolder, persist_to=".wrangler/state") as env:
        with pytest.raises(JsException) as info:
            asyncio.run(env.DB.prepare("SELECT text FROM notes").first("text"))
    assert "no such table: notes" in str(info.value)
    assert getattr(info.value, "__notes__", []) == []


def test_vectorize_no_definition_is_raised_as_it_was(from_a_subfolder):
    with pytest.raises(IndexDefinitionError) as info:
        load_env(from_a_subfolder, persist_to=".wrangler/state")
    assert str(info.value).startswith('The Vectorize index "docs" (binding VECTORIZE) has no definition')
