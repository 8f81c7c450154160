"""`workers-env vectorize query --filter` on a v2 property without a metadata index: wrangler's
"Could not find any relevant vectors", then the binding's UnindexedFilterWarning as one
`(workers-env: ...)` line on stderr -- not a Python warning printed at a line of asyncio's."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from cli_helpers import run_main


@pytest.fixture
def state(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    vectors = [{"id": "a", "values": [1, 0, 0], "metadata": {"price": 10, "url": "/a"}}]
    (tmp_path / "v.ndjson").write_text("".join(json.dumps(v) + "\n" for v in vectors))
    for args in (("create", "docs", "--dimensions", "3", "--metric", "cosine"),
                 ("create-metadata-index", "docs", "--property-name", "url", "--type", "string"),
                 ("insert", "docs", "--file", "v.ndjson")):
        assert run_main(capsys, "vectorize", *args).returncode == 0
    return tmp_path


def query(capsys: pytest.CaptureFixture[str], filter_: str) -> tuple[int, str, str, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run = run_main(capsys, "vectorize", "query", "docs", "--vector", "1", "0", "0", "--filter", filter_)
    return run.returncode, run.stdout, run.stderr, caught


def test_an_unindexed_property_is_named_after_wranglers_warning(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err, caught = query(capsys, '{"price": {"$lt": 30}}')
    assert code == 0 and out == "📋 Searching for relevant vectors...\n"
    assert err.index("▲ [WARNING] Could not find any relevant vectors") < err.index("(workers-env: filter on 'price'")
    note = err[err.index("(workers-env: "):]
    assert note.count("\n") == 1 and note.endswith(")\n")
    assert "`workers-env vectorize create-metadata-index docs --property-name=price --type=number`" in note
    assert "asyncio" not in err and not caught  # no Python warning escapes the command


def test_an_indexed_property_gets_no_note(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err, caught = query(capsys, '{"url": "/a"}')
    assert code == 0 and json.loads(out[out.index("{"):])["matches"][0]["id"] == "a"
    assert err == "" and not caught


def test_only_the_unindexed_key_of_a_filter_is_named(state: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # two keys are ANDed: the unindexed one matches nothing, so nothing comes back either
    code, out, err, _ = query(capsys, '{"url": "/a", "price": 10}')
    assert code == 0 and "(workers-env: filter on 'price' matches no vector" in err
    assert "(workers-env: filter on 'url'" not in err
