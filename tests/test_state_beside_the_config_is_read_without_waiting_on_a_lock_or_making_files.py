"""The look at the state beside the config behind the state-elsewhere guidance (Vectorize's warning
and "no definition" note, D1's "no such table" note, the ``workers-env d1``/``kv`` lines) opens it
read-only and waits at most a few ms: another process holding the state's file under an exclusive
lock makes ``load_env`` return at once without the guidance (where a normal connection waited out
the store's 15 s busy timeout), and a state at rest is read without a file made beside it (a
read-only SQLite connection to a WAL database leaves ``-wal`` and ``-shm`` files behind)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import warnings
from pathlib import Path

import pytest
from cli_helpers import run_main

from workers_env import (
    IndexDefinitionError,
    JsException,
    StateElsewhereWarning,
    load_env,
)

WRANGLER = ('name = "w"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc123"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n'
            '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n')
PYPROJECT = '[tool.workers-env.indexes."docs"]\ndimensions = 3\nmetric = "cosine"\n'
BOUND_S = 10.0  # generous: the look waits a few ms; the store's own connections wait 15 s


@pytest.fixture
def project(tmp_path, capsys, monkeypatch):
    """The state beside the config holding a KV key, a D1 table and a Vectorize index with a vector."""
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    monkeypatch.chdir(tmp_path)
    with load_env(tmp_path, persist_to=".wrangler/state") as env:
        asyncio.run(env.CACHE.put("greeting", "hello"))
        asyncio.run(env.DB.exec("CREATE TABLE other (id INTEGER)"))
        asyncio.run(env.VECTORIZE.upsert([{"id": "a", "values": [1.0, 0.0, 0.0]}]))
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def _vectorize_file(project: Path) -> Path:
    return project / ".wrangler" / "state" / "v3" / "vectorize" / "workers-env-vectorize.sqlite"


@contextlib.contextmanager
def _locked(path: Path):
    """Another connection holding ``path`` under an exclusive lock (a writer mid-write)."""
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("PRAGMA locking_mode = EXCLUSIVE")
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("UPDATE indexes SET description = description")
        yield
    finally:
        writer.close()


def _in_a_thread(call):
    """``call()``'s outcome (result or exception) and its StateElsewhereWarnings, or ``None`` when it
    has not returned within BOUND_S."""
    outcome: list[object] = []

    def run() -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result: object = call()
            except Exception as exc:  # the outcome under test
                result = exc
        outcome.append((result, [w for w in caught if issubclass(w.category, StateElsewhereWarning)]))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(BOUND_S)
    return outcome[0] if outcome else None


def _vectorize_alone(project: Path) -> None:
    (project / "wrangler.toml").write_text("[[vectorize]]" + WRANGLER.split("[[vectorize]]")[1])


def test_a_locked_state_beside_the_config_is_no_wait_and_no_warning(project):
    _vectorize_alone(project)
    with _locked(_vectorize_file(project)):
        outcome = _in_a_thread(lambda: load_env(project, persist_to=".wrangler/state").close())
    assert outcome == (None, [])


def test_a_locked_state_beside_the_config_leaves_the_no_definition_message_at_once(project):
    _vectorize_alone(project)
    (project / "pyproject.toml").unlink()  # the index defined nowhere but in the state beside the config
    with _locked(_vectorize_file(project)):
        outcome = _in_a_thread(lambda: load_env(project, persist_to=".wrangler/state"))
    assert outcome is not None
    error, _ = outcome
    assert isinstance(error, IndexDefinitionError)
    assert str(error).startswith('The Vectorize index "docs" (binding VECTORIZE) has no definition')


def _files(project: Path) -> set[Path]:
    return set((project / ".wrangler").rglob("*"))


def _d1_note(project):
    (project / "wrangler.toml").write_text("[[d1_databases]]" + WRANGLER.split("[[d1_databases]]")[1].split("[[vectorize]]")[0])
    with load_env(project, persist_to=".wrangler/state") as env:
        with pytest.raises(JsException) as info:
            asyncio.run(env.DB.prepare("SELECT text FROM notes").first("text"))
    return " ".join(info.value.__notes__)


def _vectorize_warning(project):
    _vectorize_alone(project)
    with pytest.warns(StateElsewhereWarning) as record:
        load_env(project, persist_to=".wrangler/state").close()
    return str(record[0].message)


def _vectorize_note(project):
    _vectorize_alone(project)
    (project / "pyproject.toml").unlink()
    with pytest.raises(IndexDefinitionError) as info:
        load_env(project, persist_to=".wrangler/state")
    return str(info.value)


def _kv_warning(project):
    (project / "wrangler.toml").write_text(WRANGLER.split("[[d1_databases]]")[0])
    with pytest.warns(StateElsewhereWarning) as record:
        load_env(project, persist_to=".wrangler/state").close()
    return str(record[0].message)


@pytest.mark.parametrize("guidance", [_d1_note, _vectorize_warning, _vectorize_note, _kv_warning])
def test_a_state_at_rest_is_read_without_a_file_made_beside_it(project, guidance):
    before = _files(project)
    assert "the state beside the config" in guidance(project).lower()
    assert _files(project) == before


@pytest.mark.parametrize("command", [
    ("d1", "execute", "DB", "--command", "select t from notes"),
    ("kv", "key", "get", "greeting", "--binding", "CACHE"),
])
def test_the_cli_reads_a_state_at_rest_without_a_file_made_beside_it(project, capsys, command):
    before = _files(project)
    result = run_main(capsys, *command, "--local", "--persist-to", ".wrangler/state")
    assert "(workers-env: --persist-to .wrangler/state" in result.stderr
    assert _files(project) == before
