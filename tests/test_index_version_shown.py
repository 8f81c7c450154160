"""Which API generation an index has is visible -- without touching describe()'s real shapes.

Index definitions default to v1; ``workers-env vectorize create`` makes v2 as wrangler does.
The version shows in ``repr()`` of the binding, and in which of the CLI's ``list`` and
``list --deprecated-v1`` names an index (wrangler's tables, no version column);
``describe()`` keeps each generation's exact result shape (no extra field).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env import VectorizeError, load_env
from workers_env.cli import main

WRANGLER = 'name = "s"\n[[vectorize]]\nbinding = "OLD"\nindex_name = "old"\n[[vectorize]]\nbinding = "NEW"\nindex_name = "new"\n'


def table_rows(out: str) -> list[dict[str, str]]:
    """The rows of a boxed CLI table as dicts keyed by the header cells."""
    lines = [line for line in out.splitlines() if line.startswith("│")]
    cells = [[c.strip() for c in line.strip("│").split("│")] for line in lines]
    return [dict(zip(cells[0], row)) for row in cells[1:]]


@pytest.mark.asyncio
async def test_repr_names_the_version_and_describe_keeps_the_real_shapes(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    env = load_env(tmp_path, indexes={"old": {"dimensions": 2, "metric": "cosine"},
                                      "new": {"dimensions": 2, "metric": "cosine", "version": "v2"}})
    assert repr(env.OLD) == "<VectorizeBinding OLD index='old' v1 2d cosine>"
    assert repr(env.NEW) == "<VectorizeBinding NEW index='new' v2 2d cosine>"
    v1 = await env.OLD.describe()
    assert list(v1) == ["id", "name", "config", "vectorsCount"] and v1.config == {"dimensions": 2, "metric": "cosine"}
    v2 = await env.NEW.describe()
    assert list(v2) == ["vectorCount", "dimensions", "processedUpToDatetime", "processedUpToMutation"]


@pytest.mark.asyncio
async def test_a_preset_in_pyproject_defines_the_index(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.workers-env.indexes.old]\npreset = "@cf/baai/bge-small-en-v1.5"\n'
        '[tool.workers-env.indexes.new]\npreset = "@cf/baai/bge-base-en-v1.5"\nversion = "v2"\n'
    )
    env = load_env(tmp_path)
    assert repr(env.OLD) == "<VectorizeBinding OLD index='old' v1 384d cosine>"
    assert (await env.NEW.describe()).dimensions == 768
    with pytest.raises(VectorizeError, match="expected 768 dimensions"):
        await env.NEW.upsert([{"id": "a", "values": [0.5] * 384}])


def test_cli_lists_each_generation_apart_in_wranglers_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = ["--persist-to", str(tmp_path / "state")]
    assert main(["vectorize", "create", "today", "--dimensions", "3", "--metric", "cosine", *state]) == 0
    assert main(["vectorize", "create", "legacy", "--dimensions", "3", "--metric", "cosine", "--deprecated-v1", *state]) == 0
    capsys.readouterr()
    for flag, name in (([], "today"), (["--deprecated-v1"], "legacy")):
        assert main(["vectorize", "list", *flag, *state]) == 0
        (row,) = table_rows(capsys.readouterr().out)
        assert list(row) == ["name", "dimensions", "metric", "description", "created", "modified"]  # wrangler's
        assert (row["name"], row["dimensions"]) == (name, "3")
        assert main(["vectorize", "get", name, *flag, *state]) == 0
        (row,) = table_rows(capsys.readouterr().out)
        assert (row["name"], "version" in row) == (name, False)
        assert main(["vectorize", "get", name, "--json", *flag, *state]) == 0
        assert "version" not in json.loads(capsys.readouterr().out)  # the REST API's shape, unchanged
