"""Every message a command prints after a config's warnings is laid out as wrangler's logger
lays it out (esbuild's ``formatMessagesSync``, then ``console.error``'s newline): two blank lines
after each warning and each error, so a d1 error after the config's warnings sits two blank
lines below them, not one; and the error a command throws comes after the empty line
wrangler's ``handleError`` prints on stdout. Measured with wrangler 4.164.0 (``d1 execute NOPE``,
``kv key get --binding NOPE``, ``vectorize get``)."""

from __future__ import annotations

import json

from workers_env.cli import main

TOML = ('name = "w"\nfoo = 1\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
WARNING = ('▲ [WARNING] Processing wrangler.toml configuration:\n\n'
           '    - Unexpected fields found in top-level field: "foo"\n\n\n')
LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"


def test_a_d1_error_after_the_warnings(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["d1", "execute", "NOPE", "--local", "--command", "select 1"]) == 1
    captured = capsys.readouterr()
    assert captured.out == LOCATION + "\n"
    assert captured.err == WARNING + (
        "✘ [ERROR] Couldn't find a D1 DB with the name or binding 'NOPE' in your wrangler.toml file.\n\n\n")


def test_a_d1_json_error_after_the_warnings(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["d1", "execute", "NOPE", "--local", "--command", "select 1", "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.err == WARNING
    assert captured.out.startswith("\n{\n")  # handleError's empty line, then the JSON
    assert json.loads(captured.out) == {"error": {"text": (
        "Couldn't find a D1 DB with the name or binding 'NOPE' in your wrangler.toml file.")}}


def test_a_vectorize_error_after_the_warnings(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["vectorize", "get-vectors", "idx", "--ids"]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "\n", WARNING + "✘ [ERROR] 🚨 Please provide valid vector identifiers.\n\n\n")

