"""``workers-env kv`` prints a config's warnings twice, as wrangler 4.164.0 does in every ``kv
key``/``kv bulk`` command (measured with ``wrangler kv ... --local``): its command runner reads
the config, then each kv handler reads it again, and each read prints the warnings. A broken
config stops the first read, so its warnings print once, before the error. ``d1`` and
``vectorize`` read it once and print them once."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = ('name = "w"\nfoo = 1\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n')
WARNING = ('▲ [WARNING] Processing wrangler.toml configuration:\n\n'
           '    - Unexpected fields found in top-level field: "foo"\n\n\n')


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML, bulk_DOT_json='[{"key": "a", "value": "1"}]', keys_DOT_json='["a"]')
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("argv", [
    ["key", "put", "k", "v"], ["key", "get", "k"], ["key", "list"], ["key", "delete", "k"],
    ["bulk", "put", "bulk.json"], ["bulk", "get", "keys.json"], ["bulk", "delete", "keys.json", "--force"],
], ids=lambda argv: " ".join(argv[:2]))
def test_twice_in_kv(app, capsys, argv):
    main(["kv", *argv, "--binding", "KV", "--local"])
    assert capsys.readouterr().err == WARNING * 2


def test_twice_before_a_kv_error(app, capsys):
    assert main(["kv", "key", "get", "k", "--binding", "NOPE", "--local"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "\n"
    assert captured.err == WARNING * 2 + (
        '✘ [ERROR] No KV namespace with binding "NOPE" was found in the "kv_namespaces" section of your wrangler '
        "config. Check the binding name is correct, or use `--namespace-id` instead.\n\n\n")


def test_once_in_d1_and_vectorize(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1", "--json"]) == 0
    assert capsys.readouterr().err == WARNING
    assert main(["vectorize", "list", "--json"]) == 0
    assert capsys.readouterr().err == WARNING
