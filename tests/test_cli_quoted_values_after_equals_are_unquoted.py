"""An option's value written after ``=`` in quotes (``--command="select 1"``, what a shell leaves
when the quotes are escaped or a script builds the line) is read without them, as yargs-parser's
``stripQuotes`` reads it in wrangler 4.164.0 (measured: ``d1 execute --command="select 1"`` runs
``select 1``, ``--json="true"`` is true); a quoted word of its own keeps its quotes (``--command
'"select 1"'`` is SQLite's syntax error), as do arguments. workers-env ran ``"select 1"``."""

from __future__ import annotations

import json

from cli_helpers import in_project, run_main


def test_a_command_given_after_equals_in_quotes_runs_unquoted(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    done = run_main(capsys, "d1", "execute", "DB", "--local", '--json="true"', "--command='select 1 as one'")
    assert done.returncode == 0
    assert json.loads(done.stdout)[0]["results"] == [{"one": 1}]


def test_metadata_after_equals_in_quotes_is_the_json_inside(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    assert run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata='{\"a\":1}'").returncode == 0
    done = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local")
    assert json.loads(done.stdout) == [{"name": "k", "metadata": {"a": 1}}]


def test_quotes_in_a_word_of_their_own_stay(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    done = run_main(capsys, "d1", "execute", "DB", "--local", "--json", "--command", '"select 1"')
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"error": {"text": 'near ""select 1"": syntax error at offset 0: SQLITE_ERROR'}}
    assert run_main(capsys, "kv", "key", "put", '"k"', "v", "--binding", "KV", "--local").returncode == 0
    assert json.loads(run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local").stdout) == [{"name": '"k"'}]


def test_a_lone_quote_after_equals_is_kept(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    for key in ('"k"', "k"):
        assert run_main(capsys, "kv", "key", "put", key, "v", "--binding", "KV", "--local").returncode == 0
    done = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", '--prefix="')
    assert json.loads(done.stdout) == [{"name": '"k"'}]


def test_quotes_that_differ_after_equals_stay(tmp_path, monkeypatch, capsys):
    """yargs-parser strips a value's first and last characters only when they are one quote
    (wrangler 4.164.0 answers the same: cli_layout_differential.py, review51)."""
    in_project(tmp_path, monkeypatch)
    done = run_main(capsys, "d1", "execute", "DB", "--local", "--json", "--command=\"select 1'")
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"error": {"text": 'unrecognized token: ""select 1\'" at offset 0: SQLITE_ERROR'}}
