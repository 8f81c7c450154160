"""A config with warnings and errors prints its warnings first, then its errors, each in
wrangler's logger layout (the marked line, a blank line, the items four spaces in, two blank
lines), in every command that reads the config -- as wrangler 4.164.0 does (measured with
``wrangler d1 execute``, ``kv key put``, ``vectorize list`` and ``dev`` on such a config;
``tools/wrangler/cli_layout_differential.py``). Before, the warnings were lost: only the error
printed. Nothing is written."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = ('name = 1\ncompatibility_date = "2025-01-01"\nfoo = 1\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
REPORT = (
    '▲ [WARNING] Processing wrangler.toml configuration:\n\n'
    '    - Unexpected fields found in top-level field: "foo"\n\n\n'
    '✘ [ERROR] Processing wrangler.toml configuration:\n\n'
    '    - Expected "name" to be of type string, alphanumeric and lowercase with dashes only but got 1.\n\n\n'
)
LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"


@pytest.mark.parametrize("argv, out", [
    (["d1", "execute", "DB", "--local", "--command", "select 1"], LOCATION + "\n"),
    (["d1", "execute", "DB", "--local", "--command", "select 1", "--json"], "\n"),
    (["d1", "migrations", "list", "DB", "--local"], LOCATION + "\n"),
    (["kv", "key", "put", "k", "v", "--binding", "KV", "--local"], LOCATION + "\n"),  # once: the first read fails
    (["kv", "bulk", "get", "keys.json", "--binding", "KV", "--local"], "\n"),
    (["vectorize", "list"], "\n"),
], ids=["d1 execute", "d1 execute --json", "d1 migrations list", "kv key put", "kv bulk get", "vectorize list"])
def test_the_warnings_then_the_errors(project, monkeypatch, capsys, argv, out):
    root = project(TOML, keys_DOT_json='["a"]')
    monkeypatch.chdir(root)
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (out, REPORT)
    assert not (root / ".wrangler").exists()


def test_dev_too(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["dev"]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("\n", REPORT)
