"""Of several options requiring a value that have none on one line, the last is named -- ``Not
enough arguments following: KEY``, yargs-parser's last error -- as wrangler 4.164.0 prints it
(measured; tools/wrangler/cli_layout_differential.py's option forms): ``kv key list -c -e`` names
``e``, ``kv key list -c --binding`` names ``binding``, a global option or a command's own alike.
workers-env named the first, where argparse stops (audit35)."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, key", [
    (["kv", "key", "list", "-c", "-e"], "e"),
    (["kv", "key", "list", "-c", "--binding"], "binding"),
    (["kv", "key", "list", "--binding", "-c"], "c"),
    (["kv", "key", "list", "-c", "-e", "x"], "c"),
    (["d1", "execute", "DB", "-e", "-c"], "c"),
    (["d1", "execute", "DB", "--command", "-e"], "e"),
    (["nope", "-c", "-e"], "e"),
    (["kv", "nope", "-e", "-c"], "c"),
])
def test_the_last_option_without_its_value_is_named(tmp_path, monkeypatch, capsys, line, key):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] Not enough arguments following: {key}\n\n\n")
