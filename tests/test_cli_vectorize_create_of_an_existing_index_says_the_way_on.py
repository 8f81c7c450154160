"""``workers-env vectorize create`` of a name the local state holds already says how to see it
and how to make it anew, and, when the project's ``[tool.workers-env.indexes]`` defines it, that
``workers-env dev`` and ``load_env(persist_to=...)`` make such an index when they open the state
(walk58: ``dev`` ran first, then the get-started's ``create`` answered only "an index named
'notes-index' already exists in <file>"). Nothing is written."""

from __future__ import annotations

import asyncio

from workers_env import load_env
from workers_env.cli import main

WRANGLER = 'name = "w"\n[[vectorize]]\nbinding = "V"\nindex_name = "notes-index"\n'


def _create(capsys) -> tuple[int, str]:
    code = main(["vectorize", "create", "notes-index", "--dimensions", "3", "--metric", "cosine"])
    return code, capsys.readouterr().err


def test_an_index_the_project_defines_and_load_env_made(tmp_path, monkeypatch, capsys):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.workers-env.indexes."notes-index"]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n')
    monkeypatch.chdir(tmp_path)
    with load_env(".", persist_to=".wrangler/state") as env:  # as workers-env dev opens it
        asyncio.run(env.V.upsert([{"id": "a", "values": [1, 0, 0]}]))
    code, err = _create(capsys)
    state = tmp_path / ".wrangler" / "state" / "v3" / "vectorize" / "workers-env-vectorize.sqlite"
    assert code == 1
    assert err.startswith(
        f"✘ [ERROR] an index named 'notes-index' already exists in {state} (workers-env dev and "
        "load_env(persist_to=...) make the indexes pyproject.toml's [tool.workers-env.indexes] defines when they open "
        "the state): `workers-env vectorize info notes-index` shows it; to make it anew, `workers-env vectorize "
        "delete notes-index` first (its vectors go with it)\n")
    with load_env(".", persist_to=".wrangler/state") as env:
        assert asyncio.run(env.V.describe())["vectorCount"] == 1  # untouched


def test_an_index_created_before_with_no_definition(tmp_path, monkeypatch, capsys):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    assert _create(capsys)[0] == 0
    code, err = _create(capsys)
    assert code == 1 and "already exists in " in err
    assert err.split("\n")[0].endswith(
        "workers-env-vectorize.sqlite: `workers-env vectorize info notes-index` shows it; to make it anew, "
        "`workers-env vectorize delete notes-index` first (its vectors go with it)")
