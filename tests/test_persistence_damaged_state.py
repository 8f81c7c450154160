"""Partly damaged state is refused with a StateError naming the file, never served and
never written into: a short last page, bad bytes in a vector, a blob of the wrong length,
a 0-byte state file."""

from __future__ import annotations

import asyncio
import sqlite3
import struct
from pathlib import Path

import numpy as np
import pytest
from binding_helpers import WRANGLER_TOML

from workers_env import StateError, load_env
from workers_env.cli import main

DIMS = 4
DEFINITION = {"idx": {"dimensions": DIMS, "metric": "cosine", "version": "v2"}}
MARKER = [0.123, 0.456, 0.789, 0.321]  # the values of vector "target", found in the file by their bytes


@pytest.fixture
def state(tmp_path: Path) -> tuple[Path, Path, Path]:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    root = tmp_path / "state"
    with load_env(tmp_path, indexes=DEFINITION, persist_to=root) as env:
        rng = np.random.default_rng(3)
        vectors = [{"id": f"v{i}", "values": rng.standard_normal(DIMS).tolist(), "metadata": {"pad": "x" * 300}}
                   for i in range(300)]
        asyncio.run(env.IDX.upsert(vectors + [{"id": "target", "values": MARKER}]))
    return tmp_path, root, root / "v3" / "vectorize" / "workers-env-vectorize.sqlite"


def _refused(config: Path, root: Path, state_file: Path, *words: str) -> None:
    before = state_file.read_bytes()
    with pytest.raises(StateError) as info:
        with load_env(config, indexes=DEFINITION, persist_to=root) as env:
            asyncio.run(env.IDX.getByIds(["target"]))
    text = str(info.value)
    assert str(state_file) in text and all(w in text for w in words), text
    assert state_file.read_bytes() == before  # refused, not repaired or re-initialised


def test_a_short_last_page_is_refused(state: tuple[Path, Path, Path]) -> None:
    config, root, state_file = state
    data = state_file.read_bytes()
    state_file.write_bytes(data[:-1000])  # part of the last page is gone
    _refused(config, root, state_file, "truncated")


@pytest.mark.parametrize("bad", [b"\xff" * 8, b"\x00\x00\x80\x7f" * 2, struct.pack("<2f", 0.5, -0.25)],
                         ids=["nan", "inf", "other finite numbers"])
def test_bad_bytes_in_a_vector_are_refused(state: tuple[Path, Path, Path], bad: bytes) -> None:
    config, root, state_file = state
    data = bytearray(state_file.read_bytes())
    at = data.find(struct.pack("<4f", *MARKER))
    assert at > 0
    data[at : at + 8] = bad
    state_file.write_bytes(bytes(data))
    _refused(config, root, state_file, "'target'", "damaged")


def test_a_vector_blob_of_the_wrong_length_is_refused(state: tuple[Path, Path, Path]) -> None:
    config, root, state_file = state
    conn = sqlite3.connect(state_file)
    conn.execute("UPDATE vectors SET vals = ? WHERE id = 'target'", (struct.pack("<3f", 1, 2, 3),))
    conn.commit()
    conn.close()
    _refused(config, root, state_file, "'target'", "12 bytes", "damaged")


def test_an_empty_state_file_is_refused_not_started_afresh(state: tuple[Path, Path, Path],
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    config, root, state_file = state
    state_file.write_bytes(b"")
    _refused(config, root, state_file, "empty", "0 bytes")
    monkeypatch.chdir(config)
    assert main(["vectorize", "list", "--persist-to", str(root)]) != 0  # the CLI says so too
    assert "empty (0 bytes)" in capsys.readouterr().err
    assert state_file.read_bytes() == b""


def test_rows_written_before_per_row_checks_still_load_and_new_writes_get_them(state: tuple[Path, Path, Path]) -> None:
    config, root, state_file = state
    conn = sqlite3.connect(state_file)
    conn.execute("ALTER TABLE vectors DROP COLUMN vals_check")  # a file from before the checks
    conn.commit()
    conn.close()
    with load_env(config, indexes=DEFINITION, persist_to=root) as env:  # opens, adds the column
        assert asyncio.run(env.IDX.describe())["vectorCount"] == 301
        asyncio.run(env.IDX.upsert([{"id": "fresh", "values": [0.9, 0.8, 0.7, 0.6]}]))
    conn = sqlite3.connect(state_file)
    checks = dict(conn.execute("SELECT id, vals_check FROM vectors WHERE id IN ('v1', 'fresh')"))
    conn.close()
    assert checks["v1"] is None and isinstance(checks["fresh"], int)
    with load_env(config, indexes=DEFINITION, persist_to=root) as env:
        got = asyncio.run(env.IDX.getByIds(["fresh", "v1"]))
        assert [m["id"] for m in got] == ["fresh", "v1"]
