"""An index defined in pyproject.toml, read through ``load_env(persist_to=".wrangler/state")``
from a subfolder of the project, opens as a new, empty index there (a relative ``persist_to`` is
read from the current folder) and every query answers no matches without an error; when the
state beside the config holds the index (``workers-env vectorize create``/``insert`` wrote it), a
``StateElsewhereWarning`` names it. From the config's folder, with an absolute ``persist_to``, or
with nothing beside the config, no warning."""

from __future__ import annotations

import asyncio
import warnings

from workers_env import StateElsewhereWarning, load_env

WRANGLER = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'
PYPROJECT = '[tool.workers-env.indexes."docs"]\ndimensions = 3\nmetric = "cosine"\n'


def _project(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    with load_env(tmp_path, persist_to=".wrangler/state") as env:
        asyncio.run(env.VECTORIZE.upsert([{"id": "a", "values": [1.0, 0.0, 0.0]}]))
    return tmp_path


def _count(project, persist_to) -> tuple[int, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with load_env(project, persist_to=persist_to) as env:
            matches = asyncio.run(env.VECTORIZE.query([1.0, 0.0, 0.0], {"topK": 1}))
    return matches["count"], [str(w.message) for w in caught if issubclass(w.category, StateElsewhereWarning)]


def test_a_relative_persist_to_from_a_subfolder_warns_of_the_index_beside_the_config(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    assert _count(project, ".wrangler/state") == (0, [
        f'the Vectorize index "docs" (binding VECTORIZE) is empty under persist_to=\'.wrangler/state\' '
        f"({project / 'sub' / '.wrangler' / 'state'}), while the state beside the config "
        f"({project / '.wrangler' / 'state'}, where workers-env and wrangler write) holds some: a relative "
        "persist_to is read from the current folder, not the config's (an absolute persist_to reads the "
        "same state from any folder)"])


def test_the_second_run_from_the_subfolder_warns_again_while_its_state_stays_apart(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    _count(project, ".wrangler/state")
    count, messages = _count(project, ".wrangler/state")
    assert count == 0 and len(messages) == 1


def test_from_the_configs_folder_the_index_is_read_without_a_warning(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    assert _count(project, ".wrangler/state") == (1, [])


def test_an_absolute_persist_to_elsewhere_is_a_state_chosen_on_purpose(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    assert _count(project, project / "sub" / "fresh") == (0, [])


def test_nothing_beside_the_config_warns_nothing(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert _count(tmp_path, ".wrangler/state") == (0, [])
