"""A wrangler.json(c) string written with a UTF-16 surrogate pair as two escapes
(``"\\ud83d\\ude00"``) is the one character JavaScript's JSON parser reads (``😀``), in values and
in keys; a lone surrogate escape stays as it is. json5 alone kept the pair as two lone
surrogates, which then failed wherever the text was encoded."""

from __future__ import annotations

from pathlib import Path

from workers_env import load_env
from workers_env.config import load_config


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "wrangler.jsonc"
    path.write_text('{"name": "x", "compatibility_date": "2026-05-01", ' + body + "}", encoding="utf-8")
    return path


def test_a_pair_of_escapes_is_one_character(tmp_path: Path) -> None:
    path = _config(tmp_path, r'"vars": {"E": "smile \ud83d\ude00!", "K\ud83d\ude00": "key", "L": "\ud800"}')
    env = load_env(path)
    assert env.E == "smile \U0001F600!" and env.E.encode("utf-8") == "smile 😀!".encode()
    assert load_config(path).vars == {"E": "smile 😀!", "K😀": "key", "L": "\ud800"}
