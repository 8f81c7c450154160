"""A config's syntax error under ``workers-env kv`` is laid out as wrangler lays it out (and as
``d1`` and ``validate`` print it): the place and the marked line indented once, no stray line."""

from __future__ import annotations

import pytest

from workers_env.cli import main


@pytest.mark.parametrize("name, text, report", [
    ("wrangler.toml", 'name = "x"\nmain = \n',
     "Invalid TOML document: invalid value\n\n    {path}:2:7:\n      2 │ main = \n        ╵        ^"),
    ("wrangler.json", '{\n  "name": "x" "main": "a.py"\n}\n',
     'CommaExpected\n\n    {path}:2:14:\n      2 │   "name": "x" "main": "a.py"\n        ╵               ~~~~~~'),
], ids=["toml", "json"])
def test_the_location_block_is_indented_once(tmp_path, monkeypatch, capsys, name, text, report):
    (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    assert main(["kv", "key", "list", "--binding", "MY_KV"]) == 1
    out = capsys.readouterr()  # as wrangler's handleError reports it, the config named as found
    assert (out.out, out.err) == ("\n", f"✘ [ERROR] {report.format(path=tmp_path / name)}\n\n\n")
