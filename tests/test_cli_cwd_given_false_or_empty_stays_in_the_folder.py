"""``--no-cwd`` is yargs' ``--cwd`` given false and ``--cwd ""`` (``--cwd=``) an empty one: the
command runs where it was started, as wrangler 4.164.0's ``if (argv.cwd) process.chdir(...)``
reads both, while ``--no-cwd`` beside a ``--cwd`` (or twice) is wrangler's ``expects a single
value``, false listed (measured: ``--cwd sub --no-cwd`` is ``["sub",false]``). workers-env ran
in ``sub`` for ``--cwd sub --no-cwd`` and refused ``--cwd ""`` as a folder not found."""

from __future__ import annotations

import json

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("cwd", [["--no-cwd"], ["--cwd", ""], ["--cwd="]])
def test_the_command_runs_where_it_was_started(tmp_path, monkeypatch, capsys, cwd):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", *cwd)
    assert (run.returncode, json.loads(run.stdout), run.stderr) == (0, [], "")


@pytest.mark.parametrize("line, listed", [
    (["--cwd", "sub", "--no-cwd"], '["sub",false]'),
    (["--no-cwd", "--cwd=sub"], '[false,"sub"]'),
    (["--no-cwd", "--no-cwd"], "[false,false]"),
])
def test_beside_another_it_is_a_second_value(tmp_path, monkeypatch, capsys, line, listed):
    in_project(tmp_path, monkeypatch)
    (tmp_path / "sub").mkdir()
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", *line)
    assert run.returncode == 1
    assert run.stderr == f'✘ [ERROR] The argument "--cwd" expects a single value, but received multiple: {listed}.\n\n\n'
    assert "usage: workers-env kv key list" in run.stdout
