"""``vectorize insert/upsert`` progress lines stand for committed batches, on v1 as on v2:
a batch the binding refuses prints no progress line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env.cli import main
from workers_env.vectorize.persistent import open_state


@pytest.mark.parametrize(("op", "version", "line"), [
    ("insert", "v1", "✨ Uploading vector batch (1 vectors)"),  # with --deprecated-v1: wrangler's v1 insert
    ("insert", "v2", "✨ Enqueued 1 vectors"),
    ("upsert", "v2", "✨ Enqueued 1 vectors"),
])
def test_a_refused_batch_prints_no_progress_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: str, line: str, op: str
) -> None:
    state = ["--persist-to", str(tmp_path / "state")]
    create = ["vectorize", "create", "docs", "--dimensions", "2", "--metric", "cosine", *state]
    assert main(create + (["--deprecated-v1"] if version == "v1" else [])) == 0
    nd = tmp_path / "v.ndjson"
    nd.write_text("".join(json.dumps(v) + "\n" for v in [
        {"id": "a", "values": [1, 0]},
        {"id": "b", "values": [1, 0, 0]},  # wrong dimensions: the second batch is refused
        {"id": "c", "values": [0, 1]},
    ]))
    capsys.readouterr()
    flag = ["--deprecated-v1"] if version == "v1" else []
    assert main(["vectorize", op, "docs", "--file", str(nd), "--batch-size", "1", *flag, *state]) == 1
    out, err = capsys.readouterr()
    assert [entry for entry in out.splitlines() if entry.startswith("✨")] == [
        entry for entry in out.splitlines() if entry.startswith(line)
    ]
    assert sum(entry.startswith("✨") for entry in out.splitlines()) == 1
    assert "1 vectors from earlier batches" in err
    with open_state(tmp_path / "state") as store:
        assert store.count_vectors("docs") == 1
