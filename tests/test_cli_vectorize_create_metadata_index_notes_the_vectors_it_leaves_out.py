"""`workers-env vectorize create-metadata-index` on an index that already holds vectors prints
wrangler's lines, then one `(workers-env: ...)` line on stderr: those vectors are not in the new
metadata index (as on the service), so a filter on the property misses them until they are written
again -- which the command names. An empty index gets no such line; the vectors' filterability is
as the line says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_main


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "v.ndjson").write_text("".join(json.dumps({"id": i, "values": [1, 0, 0], "metadata": {"k": "x"}}) + "\n"
                                               for i in ("a", "b")))

    def run(*args: str):
        return run_main(capsys, "vectorize", *args)

    assert run("create", "docs", "--dimensions", "3", "--metric", "cosine").returncode == 0
    return run


def _ids(cli) -> list[str]:
    out = cli("query", "docs", "--vector", "1", "0", "0", "--filter", '{"k": "x"}').stdout
    return [m["id"] for m in json.loads(out[out.index("{"):])["matches"]] if "{" in out else []


def test_vectors_written_before_are_counted_and_the_fix_named(cli) -> None:
    assert cli("insert", "docs", "--file", "v.ndjson").returncode == 0
    run = cli("create-metadata-index", "docs", "--property-name", "k", "--type", "string")
    assert run.returncode == 0 and "✅ Successfully enqueued metadata index creation request." in run.stdout
    assert run.stderr == ("(workers-env: index 'docs' already holds 2 vectors, written before this metadata index "
                          "and so not in it: a filter on 'k' matches none of them until they are written again, "
                          "e.g. workers-env vectorize upsert docs --file <your NDJSON>)\n")
    assert _ids(cli) == []  # as the line says
    assert cli("upsert", "docs", "--file", "v.ndjson").returncode == 0
    assert _ids(cli) == ["a", "b"]  # written again, they are in it


def test_one_vector_written_before_is_named_in_the_singular(cli, tmp_path: Path) -> None:
    (tmp_path / "one.ndjson").write_text(json.dumps({"id": "a", "values": [1, 0, 0], "metadata": {"k": "x"}}) + "\n")
    assert cli("insert", "docs", "--file", "one.ndjson").returncode == 0
    run = cli("create-metadata-index", "docs", "--property-name", "k", "--type", "string")
    assert run.stderr == ("(workers-env: index 'docs' already holds 1 vector, written before this metadata index "
                          "and so not in it: a filter on 'k' does not match it until it is written again, "
                          "e.g. workers-env vectorize upsert docs --file <your NDJSON>)\n")


def test_an_empty_index_gets_no_line(cli) -> None:
    run = cli("create-metadata-index", "docs", "--property-name", "k", "--type", "string")
    assert run.returncode == 0 and run.stderr == ""
    assert cli("insert", "docs", "--file", "v.ndjson").returncode == 0
    assert _ids(cli) == ["a", "b"]
