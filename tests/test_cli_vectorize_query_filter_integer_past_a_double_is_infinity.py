"""`workers-env vectorize query --filter` with an integer past a double's range: wrangler's
JSON.parse reads it as Infinity, as it reads 1e400, so the query runs as that one does -- not an
OverflowError traceback (400 digits) nor wrangler's invalid-filter warning (5,000 digits, past
int()'s digit limit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_main


@pytest.fixture
def index(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "v.ndjson").write_text(json.dumps({"id": "a", "values": [1, 0, 0], "metadata": {"price": 10}}) + "\n")
    for args in (("create", "docs", "--dimensions", "3", "--metric", "cosine"),
                 ("create-metadata-index", "docs", "--property-name", "price", "--type", "number"),
                 ("insert", "docs", "--file", "v.ndjson")):
        assert run_main(capsys, "vectorize", *args).returncode == 0


def query(capsys: pytest.CaptureFixture[str], number: str) -> tuple[int, str, str]:
    run = run_main(capsys, "vectorize", "query", "docs", "--vector", "1", "0", "0", "--filter",
                   f'{{"price": {{"$ne": {number}}}}}')
    return run.returncode, run.stdout, run.stderr


def test_the_query_runs_as_with_infinity(index: None, capsys: pytest.CaptureFixture[str]) -> None:
    for digits, as_float in (("9" * 400, "1e400"), ("-" + "9" * 5000, "-1e400")):
        code, out, err = query(capsys, digits)
        assert (code, out, err) == query(capsys, as_float), digits[:5]
        assert code == 0 and "Invalid query filter" not in err and "Traceback" not in err
