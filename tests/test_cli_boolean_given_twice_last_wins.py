"""A boolean given twice is what its last spelling says, as yargs reads it (wrangler 4.164.0:
``d1 execute --json --json=false`` and ``--json --no-json`` print the table, not JSON;
``kv --local --local=false`` goes to the account)."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("last", [["--json=false"], ["--no-json"], ["--json", "false"]])
def test_json_then_false_prints_no_json(tmp_path, monkeypatch, capsys, last):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "select 1 as x", "--json", *last)
    assert run.returncode == 0
    assert not run.stdout.lstrip().startswith("[")
    assert "Executing on local database DB" in run.stdout


def test_false_then_json_prints_json(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "select 1 as x", "--json=false", "--json")
    assert run.returncode == 0
    assert run.stdout.lstrip().startswith("[")


def test_local_then_false_goes_to_the_account(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--local=false")
    assert run.returncode == 1
    assert "workers-env kv works on local state only" in run.stderr


@pytest.mark.parametrize(("line", "preview"), [
    (["--preview", "--no-preview"], False), (["--preview=false", "--preview"], True), (["--preview", "--preview"], True),
])
def test_kv_preview_given_twice_is_its_last(tmp_path, monkeypatch, capsys, line, preview):
    """``kv --preview`` keeps an explicit false apart from its default, and is still a boolean:
    yargs' last spelling wins, no ``expects a single value`` (wrangler 4.164.0 measured)."""
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", *line)
    if preview:
        assert run.returncode == 1
        assert run.stderr.startswith('✘ [ERROR] No preview namespace ID is configured for binding "KV".')
    else:
        assert (run.returncode, run.stdout.strip()) == (0, "[]")
