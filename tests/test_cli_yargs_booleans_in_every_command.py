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


@pytest.mark.parametrize(("spelling", "namespace"), [
    (["--preview"], "dev"), (["--preview=true"], "dev"), (["--preview", "true"], "dev"),
    (["--preview=false"], "prod"), (["--no-preview"], "prod")])
def test_kv_preview_takes_yargs_spellings(app, capsys, spelling, namespace):
    assert main(["kv", "key", "put", "k", "v", "--binding", "BOTH", "--local", *spelling]) == 0
    assert f'(id: "{namespace}")' in capsys.readouterr().out


@pytest.mark.parametrize("word", ["1", "yes", "TRUE"])
def test_kv_preview_leaves_other_words_alone_as_yargs(app, capsys, word):
    # yargs takes only "true" or "false" after a boolean option; wrangler 4.164.0:
    # `kv key get k --preview 1` is "Unknown argument: 1"
    assert main(["kv", "key", "get", "k", "--binding", "BOTH", "--local", "--preview", word]) == 1
    assert capsys.readouterr().err.startswith(f"✘ [ERROR] Unknown argument: {word}\n")
