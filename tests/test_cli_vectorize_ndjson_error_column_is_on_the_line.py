"""A line of an NDJSON file that is not valid JSON is reported at a column of that line: an object
left open (a missing ``}``) at the column just past its last character, not at "column 1", the
start of the line after it, where Python's JSON reader puts it when the line break is read too.
LF and CRLF line ends alike."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_helpers import run_main

LINE = '{"id": "a", "values": [1, 0]'  # 29 characters, its "}" missing


def _inserted(folder: Path, capsys: pytest.CaptureFixture[str], data: bytes) -> subprocess.CompletedProcess[str]:
    """``workers-env vectorize insert`` of ``data`` as v.ndjson into a new 2-dimension index docs
    (run in ``folder``, the test's current folder)."""
    assert run_main(capsys, "vectorize", "create", "docs", "--dimensions", "2", "--metric", "cosine").returncode == 0
    (folder / "v.ndjson").write_bytes(data)
    return run_main(capsys, "vectorize", "insert", "docs", "--file", "v.ndjson")


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_an_unclosed_object_is_reported_at_the_end_of_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, end: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    run = _inserted(tmp_path, capsys, ('{"id": "b", "values": [0, 1]}' + end + LINE + end).encode())
    assert run.returncode == 1
    assert f"v.ndjson:2: not valid JSON (Expecting ',' delimiter at column {len(LINE) + 1})" in run.stderr
    assert run_main(capsys, "vectorize", "info", "docs", "--json").stdout.count('"vectorCount": 0') == 1


def test_a_mistake_inside_the_line_keeps_its_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = _inserted(tmp_path, capsys, b'{"id" "a", "values": [1, 0]}\n')
    assert run.returncode == 1 and "v.ndjson:1: not valid JSON (Expecting ':' delimiter at column 7)" in run.stderr


def test_two_objects_on_one_line_are_refused_at_the_second(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # (a line that begins with "{" and ends with "}" is read in one call: what follows its first
    # object is still a mistake -- pin68: taking the first object alone passed every test)
    monkeypatch.chdir(tmp_path)
    run = _inserted(tmp_path, capsys, b'{"id": "a", "values": [1, 0]} {"id": "b", "values": [0, 1]}\n')
    assert run.returncode == 1 and "v.ndjson:1: not valid JSON (Extra data at column 31)" in run.stderr
    assert run_main(capsys, "vectorize", "info", "docs", "--json").stdout.count('"vectorCount": 0') == 1
