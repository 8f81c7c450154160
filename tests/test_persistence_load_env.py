"""An index made with ``workers-env vectorize`` is what ``load_env(persist_to=...)`` binds to."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from workers_env import StateError, load_env
from workers_env.cli import main

WRANGLER_TOML = """\
name = "app"
main = "src/entry.py"
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"
"""


def test_cli_index_is_what_load_env_binds_to(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    monkeypatch.chdir(tmp_path)
    vectors = tmp_path / "docs.ndjson"
    vectors.write_text("".join(
        json.dumps({"id": f"doc-{i}", "values": [1, i, 0], "metadata": {"n": i}}) + "\n" for i in range(4)
    ))
    assert main(["vectorize", "create", "docs", "--dimensions", "3", "--metric", "euclidean"]) == 0
    assert main(["vectorize", "insert", "docs", "--file", str(vectors)]) == 0
    capsys.readouterr()

    state = tmp_path / ".wrangler" / "state"
    with load_env(tmp_path, persist_to=state) as env:  # the definition comes from the state
        described = asyncio.run(env.VECTORIZE.describe())
        assert described["dimensions"] == 3 and described["vectorCount"] == 4  # v2, as created
        result = asyncio.run(env.VECTORIZE.query([1, 2, 0], topK=1, returnMetadata="all"))
        assert result["matches"][0]["id"] == "doc-2" and result["matches"][0]["metadata"] == {"n": 2}
        asyncio.run(env.VECTORIZE.upsert([{"id": "from-env", "values": [0, 0, 1]}]))

    assert main(["vectorize", "get-vectors", "docs", "--ids", "from-env"]) == 0
    assert '"id": "from-env"' in capsys.readouterr().out


def test_load_env_creates_a_defined_index_in_the_state(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    state = tmp_path / "state"
    with load_env(tmp_path, indexes={"docs": {"dimensions": 2, "metric": "cosine"}}, persist_to=state) as env:
        asyncio.run(env.VECTORIZE.insert([{"id": "a", "values": [1, 0]}]))
    assert main(["vectorize", "list", "--json", "--deprecated-v1", "--persist-to", str(state)]) == 0  # a v1 index
    listed = json.loads(capsys.readouterr().out)
    assert [(i["name"], i["config"]) for i in listed] == [("docs", {"dimensions": 2, "metric": "cosine"})]
    with pytest.raises(StateError, match="does not match its definition"):
        load_env(tmp_path, indexes={"docs": {"dimensions": 3, "metric": "cosine"}}, persist_to=state)
