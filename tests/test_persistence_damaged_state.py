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


@pytest.mark.parametrize("bad", [b"\xff" * 8, b"\x00\x00\x80\x7f" * 2], ids=["nan", "inf"])
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
