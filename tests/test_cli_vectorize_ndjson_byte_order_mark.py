"""A UTF-8 byte order mark at the start of a `vectorize insert --file` (Windows editors write one)
is no character of the file: the first vector is read, as wrangler's JSON readers skip the mark
(`kv bulk put`, the config) -- not refused as JSON that does not parse. One later in the file is
still an error naming its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env.cli import main


@pytest.fixture
def state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "state"
    assert main(["vectorize", "create", "docs", "--dimensions", "2", "--metric", "cosine", "--persist-to", str(root)]) == 0
    capsys.readouterr()
    return root


def test_a_leading_byte_order_mark_is_skipped(state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nd = tmp_path / "bom.ndjson"
    nd.write_bytes(b'\xef\xbb\xbf{"id": "a", "values": [1, 0]}\r\n{"id": "b", "values": [0, 1]}\r\n')
    assert main(["vectorize", "insert", "docs", "--file", str(nd), "--persist-to", str(state)]) == 0
    capsys.readouterr()
    assert main(["vectorize", "get-vectors", "docs", "--ids", "a", "b", "--persist-to", str(state)]) == 0
    assert sorted(v["id"] for v in json.loads(capsys.readouterr().out.split("\n", 1)[1])) == ["a", "b"]


def test_a_byte_order_mark_inside_the_file_is_an_error(state: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    nd = tmp_path / "bom.ndjson"
    nd.write_bytes(b'{"id": "a", "values": [1, 0]}\n\xef\xbb\xbf{"id": "b", "values": [0, 1]}\n')
    assert main(["vectorize", "insert", "docs", "--file", str(nd), "--persist-to", str(state)]) == 1
    assert f"✘ [ERROR] {nd}:2: not valid JSON" in capsys.readouterr().err
