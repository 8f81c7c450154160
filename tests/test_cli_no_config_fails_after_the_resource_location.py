"""``--no-config`` / ``--no-env`` fail as the command reads its config: after the ``Resource
location`` lines of a command printing them first (wrangler 4.164.0 measured: ``kv key put``,
``d1 execute``, ``d1 migrations list``; none for ``kv key list``, ``d1 execute --json``,
``d1 migrations create``). workers-env printed the error alone."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main

LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n\n"


@pytest.mark.parametrize(("line", "location"), [
    (["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-config"], True),
    (["d1", "execute", "DB", "--local", "--command", "select 1", "--no-c"], True),
    (["d1", "migrations", "list", "DB", "--local", "--no-env"], True),
    (["kv", "key", "list", "--binding", "KV", "--local", "--no-config"], False),
    (["d1", "execute", "DB", "--local", "--command", "select 1", "--json", "--no-config"], False),
    (["d1", "migrations", "create", "DB", "x", "--no-config"], False),
])
def test_the_location_lines_come_first_where_the_command_prints_them(tmp_path, monkeypatch, capsys, line, location):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert run.returncode == 1
    assert run.stdout == (LOCATION if location else "\n")
    assert run.stderr.startswith(("✘ [ERROR] configPath.endsWith is not a function\n",
                                  "✘ [ERROR] The expression evaluated to a falsy value:"))
    assert not (tmp_path / ".wrangler").exists()
