"""``--help`` (or ``-h``) after an option left without its value shows the command's help, exit
0, as wrangler 4.164.0 does (``kv key list -c --help``, ``d1 execute -c -h``: yargs reads the help
flag before its parse error; measured, tools/wrangler/cli_layout_differential.py's option forms):
workers-env refused the option, ``Not enough arguments following: c`` (audit35)."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line", [["kv", "key", "list", "-c", "--help"], ["d1", "execute", "-c", "-h"],
                                  ["d1", "execute", "DB", "--command", "-e", "--help"]])
def test_the_help_is_shown(tmp_path, monkeypatch, capsys, line):
    in_project(tmp_path, monkeypatch)
    helped = run_main(capsys, *[word for word in line if word not in ("-c", "-e")])
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr, run.stdout) == (0, "", helped.stdout)
    assert run.stdout.startswith(f"usage: workers-env {' '.join(line[:2])}")
