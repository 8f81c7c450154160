"""`workers-env vectorize query --vector` drops the items that are not numbers, as wrangler's
yargs coerce does, so `--vector 1,0,0` queries with an empty vector. The refusal stays
wrangler's text, followed by a `(workers-env: ...)` line on stderr naming what was dropped and
the form that works; a query that drops nothing gets no such line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import forkserver
import pytest

import workers_env

WRANGLER = 'name = "w"\n[[vectorize]]\nbinding = "V"\nindex_name = "docs"\n'


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1]), "NO_COLOR": "1"}
    return forkserver.run([sys.executable, "-m", "workers_env", "vectorize", *args], cwd=folder,
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    assert _cli(tmp_path, "create", "docs", "--dimensions", "3", "--metric", "cosine").returncode == 0
    return tmp_path


def test_a_comma_separated_vector_is_named_with_the_fix(folder: Path) -> None:
    run = _cli(folder, "query", "docs", "--vector", "1,0,0")
    assert run.returncode == 1
    assert "expected 3 dimensions, and got 0 dimensions" in run.stderr
    assert "(workers-env: --vector dropped '1,0,0': not a number, as wrangler drops it." in run.stderr
    assert "--vector 0.1 0.5 0.7" in run.stderr


def test_a_bracketed_vector_names_its_dropped_items(folder: Path) -> None:
    run = _cli(folder, "query", "docs", "--vector", "[1,", "0,", "0]")
    assert run.returncode == 1
    assert "--vector dropped '[1,', '0,', '0]'" in run.stderr


def test_a_wrong_length_of_numbers_gets_wranglers_text_alone(folder: Path) -> None:
    run = _cli(folder, "query", "docs", "--vector", "1", "0")
    assert run.returncode == 1
    assert "expected 3 dimensions, and got 2 dimensions" in run.stderr
    assert "workers-env:" not in run.stderr
