"""wrangler 4.164.0's ``Resource location: local`` lines in ``kv``: printed by ``key put|delete``
and ``bulk put|delete`` (``printResourceLocation: true``) after the argument checks and before
the config is read; never by ``key get|list`` and ``bulk get``, whose output is the data."""

from __future__ import annotations

import json

import pytest
from kv_helpers import LOCATION

from workers_env.cli import main


@pytest.fixture
def app(project, monkeypatch):
    root = project('[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    monkeypatch.chdir(root)
    (root / "entries.json").write_text(json.dumps([{"key": "k", "value": "v"}]))
    (root / "keys.json").write_text(json.dumps(["k"]))
    return root


@pytest.mark.parametrize(("argv", "after"), [
    (["key", "put", "k", "v"], 'Writing the value "v" to key "k" on namespace binding: "KV" (id: "abc").\n'),
    (["key", "delete", "k"], 'Deleting the key "k" on namespace binding: "KV" (id: "abc").\n'),
    (["bulk", "put", "entries.json"], "Success!\n"),
    (["bulk", "delete", "keys.json", "--force"], "Success!\n"),
], ids=["key put", "key delete", "bulk put", "bulk delete"])
def test_the_changing_commands_print_the_location_first(app, capsys, argv, after):
    assert main(["kv", *argv, "--binding", "KV", "--local"]) == 0
    assert capsys.readouterr().out == LOCATION + after


@pytest.mark.parametrize(("argv", "out"), [
    (["key", "get", "k", "--text"], "v\n"),
    (["key", "list"], '[\n  {\n    "name": "k"\n  }\n]\n'),
    (["bulk", "get", "keys.json"], '{\n  "k": {\n    "value": "v"\n  }\n}\n'),
], ids=["key get", "key list", "bulk get"])
def test_the_reading_commands_print_only_the_data(app, capsys, argv, out):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV"]) == 0
    capsys.readouterr()
    assert main(["kv", *argv, "--binding", "KV", "--local"]) == 0
    assert capsys.readouterr().out == out


def test_key_puts_own_argument_check_comes_before_the_location(app, capsys):
    """wrangler's ``validateArgs`` (exactly one of ``<value>`` and ``--path``) runs before the lines."""
    assert main(["kv", "key", "put", "k", "--binding", "KV", "--local"]) == 1
    captured = capsys.readouterr()
    assert "Resource location" not in captured.out
    assert "Missing required option: exactly one of <value> and --path must be provided" in captured.err


def test_a_missing_binding_is_refused_after_the_location(app, capsys):
    """``key delete`` leaves ``--binding``/``--namespace-id`` to the namespace lookup, after the lines."""
    assert main(["kv", "key", "delete", "k", "--binding", "NOPE", "--local"]) == 1
    captured = capsys.readouterr()
    assert captured.out == LOCATION + "\n"
    assert 'No KV namespace with binding "NOPE" was found' in captured.err
