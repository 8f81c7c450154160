"""The offline embedder reads text with Unicode 14.0, Python 3.11's, on every Python: a letter
Unicode assigned later (CJK Extension H in 15.0, Extension I in 15.1, Nag Mundari) is a word
character in Python 3.12-3.14's ``unicodedata`` and not in 3.11's, and before this the same text
embedded differently by interpreter. Run under every Python by tools/pythons/run_suite.sh."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pytest
from ai_helpers import ai_env, run

from workers_env.ai import unicode14

MODEL = "@cf/baai/bge-small-en-v1.5"
#: U+31350 U+31351 (CJK Extension H), U+2EBF0 (Extension I), U+1E4D0 U+1E4D1 (Nag Mundari):
#: no word characters under Unicode 14.0, so these texts hold the words of the ones beside them
LATER = ["\U00031350\U00031351 cat", "\U0002ebf0x sat", "\U0001e4d0\U0001e4d1 mat \U0001e4d0on"]
AS_ON_3_11 = ["cat", "x sat", "mat on"]
#: sha256 of the floats (as JSON) of LATER: the same on every Python
GOLDEN = "0ca0b309fef4d5f823a86586d82907a62e30f195cfb7a9f94444455233f65f89"


def _data(tmp_path: Path, texts: list[str]) -> list[list[float]]:
    return run(ai_env(tmp_path), MODEL, {"text": texts}).data


def test_letters_assigned_after_unicode_14_are_no_words(tmp_path: Path) -> None:
    assert _data(tmp_path, LATER) == _data(tmp_path, AS_ON_3_11)


def test_their_vectors_are_pinned(tmp_path: Path) -> None:
    floats = json.dumps(_data(tmp_path, LATER), separators=(",", ":"))
    assert hashlib.sha256(floats.encode()).hexdigest() == GOLDEN


@pytest.mark.skipif(unicodedata.unidata_version != "14.0.0", reason="only Python 3.11's unicodedata is Unicode 14.0")
def test_the_table_is_unicode_14s_unassigned_code_points() -> None:
    unassigned = [cp for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cn"]
    assert [cp for cp in range(0x110000) if unicode14.unassigned_in_14(chr(cp))] == unassigned
    assert unicode14._unassigned_map().nonzero()[0].tolist() == unassigned  # the per-code-point map as_unicode_14 reads
