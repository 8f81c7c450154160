"""yargs' spellings of a boolean option -- ``--x=false``, ``--x true``, ``--no-x`` -- work in
every command, as in wrangler, each command by its own options: ``d1 execute --json=false``
prints the table form, while ``kv --preview false`` (a value there, a flag in ``d1``) still
reaches kv as the explicit false it is."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

TOML = ('name = "x"\n[[kv_namespaces]]\nbinding = "BOTH"\nid = "prod"\npreview_id = "dev"\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "d1id"\n')


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("spelling", [["--json=false"], ["--json", "false"], ["--no-json"]])
def test_a_plain_flag_set_false(app, capsys, spelling):
    assert main(["d1", "execute", "DB", "--local", "--command", "SELECT 1 AS a", *spelling]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Resource location: local")  # not --json's bare JSON


@pytest.mark.parametrize("spelling", [["--json=true"], ["--json", "true"], ["--json"]])
def test_a_plain_flag_set_true(app, capsys, spelling):
    assert main(["d1", "execute", "DB", "--local", "--command", "SELECT 1 AS a", *spelling]) == 0
    assert json.loads(capsys.readouterr().out)[0]["results"] == [{"a": 1}]


def test_each_command_reads_its_own_options(app, capsys):
    assert main(["kv", "key", "put", "k", "v", "--binding", "BOTH", "--local", "--preview", "false"]) == 0
    assert '(id: "prod")' in capsys.readouterr().out
