"""A TOML config nesting a value past smol-toml's depth limit (1000 arrays / inline tables) is
wrangler 4.164.0's parse error at the bracket that goes past it (``wrangler.toml:2:1004:`` for
``a = `` and 1100 ``[``), laid out as every located error -- in every command, ``kv bulk`` too,
whose deep file reading raises Python's recursion limit (tomllib then read such a config, which
wrangler refuses). It printed ``\\n  \\n      /abs/wrangler.toml`` in the CLI (the location line
laid out as a note) and had no place at all. The library's error is the same text, no CLI layout.
"""

from __future__ import annotations

import json

import pytest

from workers_env import load_env
from workers_env._errors import ConfigError
from workers_env.cli import main

DEEP = 'name = "x"\na = ' + "[" * 1100 + "]" * 1100 + '\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
HEAD = ("Invalid TOML document: document contains excessively nested structures. aborting.\n\n"
        "    wrangler.toml:2:1004:\n      2 │ ...")


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(DEEP)
    (tmp_path / "bulk.json").write_text(json.dumps([{"key": "a", "value": "1"}]))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", [
    ["d1", "execute", "DB", "--local", "--command", "select 1"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local"],
    ["kv", "key", "list", "--binding", "KV", "--local"],
    ["vectorize", "list"],
], ids=["d1", "kv-bulk", "kv-key", "vectorize"])
def test_every_command_refuses_it_at_the_bracket(app, capsys, command):
    capsys.readouterr()
    assert main([*command, "-c", "wrangler.toml"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("✘ [ERROR] " + HEAD), err[:300]
    assert err.endswith("^\n\n\n")
    assert not (app / ".wrangler").exists()  # nothing written


def test_within_the_limit_is_read_where_the_recursion_limit_allows(app, capsys):
    (app / "wrangler.toml").write_text(DEEP.replace("[" * 1100 + "]" * 1100, "[" * 300 + "]" * 300))
    assert main(["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local", "-c", "wrangler.toml"]) == 0


def test_the_library_raises_the_text_without_the_clis_layout(app):
    with pytest.raises(ConfigError) as raised:
        load_env("wrangler.toml")
    assert str(raised.value).startswith(HEAD)
    assert "✘" not in str(raised.value) and not str(raised.value).endswith("\n")
