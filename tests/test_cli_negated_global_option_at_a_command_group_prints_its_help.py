"""``--no-NAME`` of a global option on a line naming a command group (or no command) is that
group's line, as yargs' negation of the option wrangler 4.164.0 knows there: its help on
stdout, exit 0 (``--no-help``, ``--no-version``, ``--no-v``, ``kv --no-help``, ``kv key
--no-version``; ``--no-config``, ``--no-e`` too, which fail only inside a command), but
``--no-env-file`` fails before any command, as wrangler loads the files first (measured:
``The "paths[0]" argument must be of type string``). workers-env said ``Unknown argument: help``."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, usage", [
    (["--no-help"], "usage: workers-env [-h]"),
    (["--no-version"], "usage: workers-env [-h]"),
    (["--no-v"], "usage: workers-env [-h]"),
    (["--no-h"], "usage: workers-env [-h]"),
    (["--no-config"], "usage: workers-env [-h]"),
    (["--no-c"], "usage: workers-env [-h]"),
    (["--no-e"], "usage: workers-env [-h]"),
    (["--no-profile"], "usage: workers-env [-h]"),
    (["--no-install-skills"], "usage: workers-env [-h]"),
    (["--no-x-provision"], "usage: workers-env [-h]"),
    (["kv", "--no-help"], "usage: workers-env kv [-h]"),
    (["kv", "--no-config"], "usage: workers-env kv [-h]"),
    (["kv", "key", "--no-version"], "usage: workers-env kv key [-h]"),
    (["d1", "--no-v"], "usage: workers-env d1 [-h]"),
    (["d1", "migrations", "--no-e"], "usage: workers-env d1 migrations [-h]"),
    (["vectorize", "--no-c"], "usage: workers-env vectorize [-h]"),
])
def test_the_group_prints_its_help(tmp_path, monkeypatch, capsys, line, usage):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.startswith(usage)


@pytest.mark.parametrize("line", [["--no-env-file"], ["kv", "--no-env-file"]])
def test_no_env_file_fails_before_the_group(tmp_path, monkeypatch, capsys, line):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert run.returncode == 1
    assert run.stderr.startswith('✘ [ERROR] The "paths[0]" argument must be of type string. '
                                 "Received type boolean (false)\n")
    assert "usage:" not in run.stdout


def test_a_command_still_fails_at_no_config(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-config")
    assert run.returncode == 1
    assert run.stderr.startswith("✘ [ERROR] configPath.endsWith is not a function\n")
