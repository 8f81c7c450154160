"""Two things wrangler 4.164.0's yargs decides, as `workers-env` decides them: a number option
(`kv key put --ttl/--expiration`) is JavaScript's ``Number(text)`` -- ``0x7fffffff`` a number,
``abc`` NaN and ``''`` 0, which the binding reads as JSG reads an int (NaN and the infinities 0:
"Invalid expiration of 0"), nothing stored; and a command group given no command (`workers-env`,
`d1`, `d1 migrations`, `kv`, `kv key`, `kv bulk`, `vectorize`) prints its help on stdout and
exits 0."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

TOML = 'name = "x"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
EXPIRATION_0 = ("KV PUT failed: 400 Invalid expiration of 0. Please specify integer greater than the current "
                "number of seconds since the UNIX epoch.")


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    monkeypatch.chdir(root)
    return root


def keys(capsys) -> list[str]:
    capsys.readouterr()
    assert main(["kv", "key", "list", "--binding", "KV"]) == 0
    return [k["name"] for k in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize(("option", "text", "says"), [
    ("--expiration", "abc", EXPIRATION_0),
    ("--expiration", "", EXPIRATION_0),
    ("--expiration", "Infinity", EXPIRATION_0),
    ("--ttl", "abc", "KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0."),
])
def test_a_number_option_that_is_no_number_is_the_bindings_zero(app, capsys, option, text, says):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", option, text]) == 1
    err = capsys.readouterr().err
    assert f"✘ [ERROR] {says}" in err and "usage:" not in err
    assert keys(capsys) == []


def test_a_hexadecimal_expiration_is_a_number(app, capsys):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", "--expiration", "0x7fffffff"]) == 0
    capsys.readouterr()
    assert main(["kv", "key", "list", "--binding", "KV"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"name": "k", "expiration": 2147483647}]


@pytest.mark.parametrize("argv", [[], ["d1"], ["d1", "migrations"], ["kv"], ["kv", "key"], ["kv", "bulk"],
                                  ["vectorize"]], ids=lambda a: " ".join(a) or "top")
def test_a_group_without_a_command_prints_its_help_and_exits_0(capsys, argv):
    assert main(argv) == 0
    out = capsys.readouterr()
    assert out.out.startswith(f"usage: workers-env{''.join(' ' + a for a in argv)} ") and out.err == ""
