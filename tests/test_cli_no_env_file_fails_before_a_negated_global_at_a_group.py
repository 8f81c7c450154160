"""``--no-env-file`` fails before any command, even after a ``--no-config`` (or ``--no-env``) at a
command group: wrangler 4.164.0's global middleware loads the env files first, so
``--no-config ai --no-env-file`` prints ``The "paths[0]" argument must be of type string.
Received type boolean (false)``, exit 1, as ``ai --no-env-file`` does (measured). workers-env
named the ``--no-config`` first, printed no error for it at the group and then read the false
as a file name: a traceback (``ValueError: embedded null byte``)."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main

PATHS = '✘ [ERROR] The "paths[0]" argument must be of type string. Received type boolean (false)\n\n\n'


@pytest.mark.parametrize("line", [
    ["--no-config", "ai", "--no-env-file"],
    ["--no-config", "--no-env-file", "ai", "models"],
    ["--no-env", "kv", "--no-env-file"],
    ["ai", "--no-env-file", "--no-config"],
])
def test_it_is_nodes_paths_error(tmp_path, monkeypatch, capsys, line):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert run.returncode == 1
    assert run.stderr.startswith(PATHS)
    assert "--no-env-file gives --env-file the value false" in run.stderr
    alone = run_main(capsys, "ai", "--no-env-file")  # (the line that always failed so)
    assert (run.returncode, run.stdout, run.stderr) == (alone.returncode, alone.stdout, alone.stderr)
