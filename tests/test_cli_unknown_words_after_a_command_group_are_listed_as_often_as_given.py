"""A word naming no command under a command group is listed by yargs' strict mode as often as
it stands on the line, and beside an unknown option of the same name, while an unknown option
given twice is one key (wrangler 4.164.0, measured: ``kv bogus bogus`` is ``Unknown arguments:
bogus, bogus``; ``d1 --local bogus local`` ``local, local``; ``d1 --persist-to x --persist-to y
bogus`` ``persist-to, persistTo, bogus``). workers-env listed each name once."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, names", [
    (["kv", "bogus", "bogus"], "bogus, bogus"),
    (["kv", "--no-bogus", "bogus"], "bogus, bogus"),
    (["kv", "--bogus=1", "bogus"], "bogus, bogus"),
    (["d1", "--local", "bogus", "local"], "local, local"),
    (["d1", "--persist-to", "x", "--persist-to", "y", "bogus"], "persist-to, persistTo, bogus"),
    (["d1", "exectue", "DB", "--local"], "local, exectue, DB"),
])
def test_unknown_arguments(tmp_path, monkeypatch, capsys, line, names):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert run.returncode == 1
    assert run.stderr.startswith(f"✘ [ERROR] Unknown arguments: {names}\n")
    assert f"usage: workers-env {line[0]} [-h]" in run.stdout
