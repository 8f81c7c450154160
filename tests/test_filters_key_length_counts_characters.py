"""A filter key may be 512 characters long (Cloudflare's metadata-filtering page: keys cannot
"be longer than 512 characters"), counted as Unicode characters: not UTF-8 bytes, not UTF-16
units (the page names no unit; see README's "Where we had to choose")."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from binding_helpers import make_binding_in as binding

from workers_env import ConfigError, VectorizeBinding, VectorizeError
from workers_env.vectorize.filters import UnindexedFilterWarning


@pytest.fixture
def v2(tmp_path: Path) -> VectorizeBinding:
    b = binding(tmp_path, version="v2", metadata_indexes={"k": "string"})
    b.upsert_sync([{"id": "x", "values": [1, 0, 0], "metadata": {"k": "v"}}])
    return b


def answers(b: VectorizeBinding, key: str) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnindexedFilterWarning)  # no metadata index on such a key
        return b.query_sync([1, 0, 0], {"filter": {key: "v"}})["count"]


@pytest.mark.parametrize("char", ["k", "é", "€"], ids=["ascii", "2-byte", "3-byte"])
def test_512_characters_are_allowed_whatever_their_bytes(v2: VectorizeBinding, char: str) -> None:
    assert answers(v2, char * 512) == 0  # accepted: 512 characters, up to 1536 UTF-8 bytes


@pytest.mark.parametrize("char", ["k", "é", "€"], ids=["ascii", "2-byte", "3-byte"])
def test_513_characters_are_refused(v2: VectorizeBinding, char: str) -> None:
    with pytest.raises(VectorizeError) as info:
        answers(v2, char * 513)
    assert info.value.code == 40026
    assert "is 513 characters long; the maximum is 512" in str(info.value)


def test_a_character_outside_the_bmp_counts_once(v2: VectorizeBinding) -> None:
    # 300 x U+1D4B3: 300 characters, 600 UTF-16 units (JavaScript's length), 1200 UTF-8 bytes
    assert answers(v2, "\U0001d4b3" * 300) == 0


def test_metadata_index_property_names_count_alike(tmp_path: Path) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "long").mkdir()
    b = binding(tmp_path / "ok", version="v2", metadata_indexes={"é" * 512: "string"})
    b.upsert_sync([{"id": "x", "values": [1, 0, 0], "metadata": {"é" * 512: "v"}}])
    assert b.query_sync([1, 0, 0], {"filter": {"é" * 512: "v"}})["count"] == 1
    with pytest.raises(ConfigError, match="at most 512 characters"):
        binding(tmp_path / "long", version="v2", metadata_indexes={"é" * 513: "string"})
