"""``kv key delete`` and ``kv bulk put|get|delete`` do not demand exactly one of ``--binding``
and ``--namespace-id`` (wrangler 4.164.0 checks that only for ``key put|get|list``): their
namespace lookup takes ``--namespace-id`` over ``--binding``, and with neither looks for the
binding ``undefined``, as wrangler's does."""

from __future__ import annotations

import json

import pytest
from kv_helpers import LOCATION, run

from workers_env import load_env
from workers_env.cli import main

NOT_FOUND = ('✘ [ERROR] No KV namespace with binding "undefined" was found in the "kv_namespaces" section of your '
             "wrangler config. Check the binding name is correct, or use `--namespace-id` instead.\n\n\n")
NONE_CONFIGURED = ("✘ [ERROR] No KV namespaces are configured in your wrangler config file. Use `--namespace-id` to "
                   'specify the namespace directly, or add a "kv_namespaces" entry to your config.\n\n\n')
COMMANDS = {
    "key delete": ["key", "delete", "a"],
    "bulk put": ["bulk", "put", "entries.json"],
    "bulk get": ["bulk", "get", "keys.json"],
    "bulk delete": ["bulk", "delete", "keys.json", "--force"],
}


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "entries.json").write_text(json.dumps([{"key": "a", "value": "v"}]))
    (tmp_path / "keys.json").write_text('["a"]')
    return tmp_path


def keys_in(root, namespace_id: str) -> list[str]:
    (root / "ids.toml").write_text(f'[[kv_namespaces]]\nbinding = "X"\nid = "{namespace_id}"\n')
    with load_env(root / "ids.toml", persist_to=root / ".wrangler" / "state") as env:
        return [k["name"] for k in run(env.X.list())["keys"]]


@pytest.mark.parametrize("argv", COMMANDS.values(), ids=COMMANDS.keys())
def test_neither_is_binding_undefined(files, capsys, argv):
    (files / "wrangler.toml").write_text('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    assert main(["kv", *argv]) == 1
    assert capsys.readouterr().err == NOT_FOUND
    assert keys_in(files, "abc123") == []


@pytest.mark.parametrize("argv", COMMANDS.values(), ids=COMMANDS.keys())
def test_neither_without_a_config(files, capsys, argv):
    assert main(["kv", *argv]) == 1
    assert capsys.readouterr().err == NONE_CONFIGURED


def test_namespace_id_wins_over_binding(files, capsys):
    (files / "wrangler.toml").write_text('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    both = ["--binding", "MY_KV", "--namespace-id", "other"]
    assert main(["kv", "bulk", "put", "entries.json", *both]) == 0
    assert keys_in(files, "other") == ["a"] and keys_in(files, "abc123") == []
    assert main(["kv", "bulk", "get", "keys.json", *both]) == 0
    assert json.loads(capsys.readouterr().out.split("Success!\n")[-1]) == {"a": {"value": "v"}}
    assert main(["kv", "bulk", "delete", "keys.json", *both]) == 0
    assert capsys.readouterr().out.startswith(LOCATION + '? Are you sure you want to delete all the keys read from "keys.json" '
                                              'from kv-namespace id: "other"?')
    assert keys_in(files, "other") == []


def test_key_get_still_demands_exactly_one(files, capsys):
    assert main(["kv", "key", "get", "a", "--binding", "MY_KV", "--namespace-id", "other"]) == 1
    assert "Conflicting options: --binding and --namespace-id cannot be used together." in capsys.readouterr().err
