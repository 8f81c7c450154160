"""``workers-env vectorize list-vectors --count``: a page holds 1 to 1000 ids, as Vectorize's
limits table says ("Maximum vectors in a list-vectors page: 1000"), and 100 when not given
(the Vectorize API page: "Must be between 1 and 1000 (default: 100)")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env.cli import main
from workers_env.vectorize import limits


def run(state: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["vectorize", *args, "--persist-to", str(state)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A v2 index of 1,001 vectors: one more than a page can hold."""
    state = tmp_path / "state"
    run(state, capsys, "create", "docs", "--dimensions", "1", "--metric", "euclidean")
    nd = tmp_path / "v.ndjson"
    nd.write_text("".join(json.dumps({"id": f"v{i:04d}", "values": [i]}) + "\n" for i in range(1001)))
    assert run(state, capsys, "insert", "docs", "--file", str(nd))[0] == 0
    return state


def test_the_page_limit_is_the_limits_tables(filled: Path) -> None:
    assert (limits.LIST_VECTORS_MAX_COUNT, limits.LIST_VECTORS_DEFAULT_COUNT) == (1000, 100)


def test_a_page_of_1000_is_allowed(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(filled, capsys, "list-vectors", "docs", "--count", "1000", "--json")
    page = json.loads(out)
    assert code == 0 and page["count"] == 1000 and len(page["vectors"]) == 1000
    assert page["totalCount"] == 1001 and page["isTruncated"] is True
    code, out, _ = run(filled, capsys, "list-vectors", "docs", "--count", "1000", "--cursor", page["nextCursor"], "--json")
    assert [v["id"] for v in json.loads(out)["vectors"]] == ["v1000"]


def test_a_page_of_1001_is_refused(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(filled, capsys, "list-vectors", "docs", "--count", "1001", "--json")
    assert code == 1 and out.strip() == ""  # no page printed
    assert "🚨 --count must be a whole number from 1 to 1000; got 1001" in err


def test_without_count_a_page_holds_100(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = json.loads(run(filled, capsys, "list-vectors", "docs", "--json")[1])
    assert page["count"] == 100 and page["vectors"][-1]["id"] == "v0099"
