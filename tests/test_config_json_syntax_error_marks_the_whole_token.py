"""A JSON/JSONC config's syntax error is marked as wrangler marks it: ``~`` under the whole
token jsonc-parser stopped at (``^`` for one character), esbuild's layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env._errors import ConfigError
from workers_env.config.wrangler import read_config_file


@pytest.mark.parametrize("text, report", [
    ('{\n  "name": "x" "main": "a.py"\n}\n',
     'CommaExpected\n\n    {path}:2:14:\n      2 │   "name": "x" "main": "a.py"\n        ╵               ~~~~~~'),
    ('{\n  "name": "x",\n  "main": nope\n}\n',
     'InvalidSymbol\n\n    {path}:3:10:\n      3 │   "main": nope\n        ╵           ~~~~'),
    ('{"name": "x",, "main": "a.py"}',
     'PropertyNameExpected\n\n    {path}:1:13:\n      1 │ {"name": "x",, "main": "a.py"}\n        ╵              ^'),
], ids=["missing comma", "bare word", "two commas"])
def test_the_marker_covers_the_token(tmp_path: Path, monkeypatch, text: str, report: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wrangler.json").write_text(text)
    with pytest.raises(ConfigError) as info:
        read_config_file(tmp_path / "wrangler.json")
    # the file named as it was read (wrangler names a config found by searching by its absolute path)
    assert str(info.value) == report.replace("{path}", str(tmp_path / "wrangler.json"))
