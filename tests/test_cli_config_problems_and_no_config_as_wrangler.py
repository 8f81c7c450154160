"""A broken config and a missing one, as wrangler 4.164.0 reports them in `d1`, `vectorize` and
`kv` (each checked against `wrangler ... --local`): a config problem is listed under
``Processing <file> configuration:`` and a blank line, four spaces in (its own further lines two
deeper), two blank lines after, on stderr even with ``--json``; without a config file ``d1 execute`` cannot find the database "in
your Wrangler configuration file", ``d1 migrations`` asks for one, and ``kv --binding`` finds no
namespaces -- and nothing is written."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

TOML = ('name = "x"\nvars = 5\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\n'
        'database_id = "d1id"\n')
PROBLEM = ('✘ [ERROR] Processing wrangler.toml configuration:\n\n'
           '    - The field "vars" should be an object but got 5.\n\n\n')


@pytest.mark.parametrize("argv", [
    ["d1", "execute", "DB", "--local", "--command", "select 1"],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--json"],
    ["d1", "migrations", "list", "DB", "--local"],
    ["vectorize", "list"],
], ids=["d1-execute", "d1-execute-json", "d1-migrations", "vectorize"])
def test_a_config_problem_is_listed_as_wrangler_lists_it(project, monkeypatch, capsys, argv):
    monkeypatch.chdir(project(TOML))
    assert main(argv) == 1
    out = capsys.readouterr()
    assert out.err.endswith(PROBLEM)
    assert "error" not in out.out  # not --json's {"error": ...}: wrangler reads the config first


def test_a_problem_of_several_lines_keeps_its_own_indent(project, monkeypatch, capsys):
    monkeypatch.chdir(project('name = "x"\nvars = 5\nkv_namespaces = 3\n'))
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1"]) == 1
    assert capsys.readouterr().err.endswith(
        '✘ [ERROR] Processing wrangler.toml configuration:\n\n'
        '    - The field "vars" should be an object but got 5.\n'
        '    - The field "kv_namespaces" should be an array but got 3.\n\n\n')


def test_without_a_config_file_the_commands_say_what_wrangler_says(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1"]) == 1
    assert capsys.readouterr().err == (
        "✘ [ERROR] Couldn't find a D1 DB with the name or binding 'DB' in your Wrangler configuration file.\n\n\n")
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == {"error": {"text": (
        "Couldn't find a D1 DB with the name or binding 'DB' in your Wrangler configuration file.")}}
    for argv in (["d1", "migrations", "list", "DB", "--local"], ["d1", "migrations", "apply", "DB", "--local"],
                 ["d1", "migrations", "create", "DB", "first"]):
        assert main(argv) == 1
        assert capsys.readouterr().err.endswith(
            "✘ [ERROR] No configuration file found. Create a wrangler.jsonc file to define your D1 database.\n\n\n"), argv
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV"]) == 1
    assert ("✘ [ERROR] No KV namespaces are configured in your wrangler config file. Use `--namespace-id` to "
            'specify the namespace directly, or add a "kv_namespaces" entry to your config.') in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no migrations folder, no state
