"""``--no-X`` of a one-letter alias negates its option, as yargs' alias expansion does
(wrangler 4.164.0: ``--no-c`` is ``configPath.endsWith is not a function``, beside ``--config``
wrangler's ``expects a single value``; ``--no-e`` the falsy ``envName``; ``--no-v``, ``--no-y``
and ``--no-h`` run the command), and ``--help`` given false (``--help=false``, ``--no-help``)
runs the command. workers-env said ``Unknown argument: c``."""

from __future__ import annotations

import json

import pytest

from tests.cli_helpers import in_project, run_main


def test_no_c_is_no_config(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-c")
    assert run.returncode == 1
    assert run.stderr.startswith("✘ [ERROR] configPath.endsWith is not a function\n")
    assert "--no-config gives --config the value false" in run.stderr
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-c", "--config", "wrangler.toml")
    assert run.stderr.startswith('✘ [ERROR] The argument "--config" expects a single value, but received '
                                 'multiple: [false,"wrangler.toml"].\n')


def test_no_e_is_no_env(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-e")
    assert run.returncode == 1
    assert run.stderr.startswith("✘ [ERROR] The expression evaluated to a falsy value:")


@pytest.mark.parametrize("negation", ["--no-v", "--no-h", "--no-help", "--help=false", "--help=1"])
def test_a_negated_flag_runs_the_command(tmp_path, monkeypatch, capsys, negation):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", negation)
    assert (run.returncode, json.loads(run.stdout)) == (0, [])


def test_no_y_answers_no_prompt(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "select 1 as x", "--json", "--no-y")
    assert (run.returncode, json.loads(run.stdout)[0]["results"]) == (0, [{"x": 1}])


@pytest.mark.parametrize("line", [["--version=false"], ["--version=1"], ["--help=false"]])
def test_version_or_help_given_false_is_no_version_or_help(capsys, line):
    """wrangler 4.164.0 ``--version=false`` prints its help, exit 0, as with no command at all;
    workers-env said ``--version/-v takes true or false, got 'false'``."""
    run = run_main(capsys, *line)
    assert run.returncode == 0
    assert run.stdout.startswith("usage: workers-env") and run.stderr == ""
