"""``d1 export --no-table`` gives ``--table`` the value false (yargs' negation), with which
wrangler 4.164.0 exports no table, none being named false (measured: a file holding only
``PRAGMA defer_foreign_keys=TRUE;``; beside ``--table t`` only ``t``). As a ``--table`` naming
nothing is refused (README, Where we had to choose), so is this, saying what wrangler would
write; nothing is written."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("table", [["--no-table"], ["--table", "t", "--no-table"]])
def test_refused_naming_wrangler_s_export(tmp_path, monkeypatch, capsys, table):
    in_project(tmp_path, monkeypatch)
    assert run_main(capsys, "d1", "execute", "DB", "--local", "--command", "create table t(x)").returncode == 0
    run = run_main(capsys, "d1", "export", "DB", "--local", "--output", "o.sql", *table)
    assert run.returncode == 1 and not (tmp_path / "o.sql").exists()
    assert run.stderr.startswith(
        "✘ [ERROR] --no-table gives --table the value false, as wrangler reads any --no-NAME; workers-env takes no "
        "false for --table (wrangler 4.164.0 then exports no table, none being named false: a file holding only "
        "`PRAGMA defer_foreign_keys=TRUE;`, or only the other --table names): give --table a value, or leave it out\n")
