"""A command missing its positional argument with an option requiring a value left without one
(``d1 execute -c``) is refused for the positional, ``Not enough non-option arguments: got 0, need
at least 1``, with the command's help: yargs counts a command's positionals before it reports a
parse error (wrangler 4.164.0, measured; tools/wrangler/cli_layout_differential.py's option forms).
workers-env named the option (argparse stops at it). With the positional given, the option is
named (audit35)."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, usage", [
    (["d1", "execute", "-c"], "usage: workers-env d1 execute"),
    (["d1", "execute", "--local", "-e"], "usage: workers-env d1 execute"),
    (["d1", "execute", "-e", "-c"], "usage: workers-env d1 execute"),
    (["d1", "migrations", "apply", "-c"], "usage: workers-env d1 migrations apply"),
    (["vectorize", "get", "-c"], "usage: workers-env vectorize get"),
    (["kv", "key", "get", "--binding", "KV", "--local", "-e"], "usage: workers-env kv key get"),
])
def test_the_missing_positional_is_named_first(tmp_path, monkeypatch, capsys, line, usage):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, "✘ [ERROR] Not enough non-option arguments: got 0, need at least 1\n\n\n")
    assert run.stdout.startswith(f"\n{usage}")


@pytest.mark.parametrize("line, key", [
    (["kv", "key", "put", "k", "-c"], "c"),
    (["d1", "execute", "DB", "-c"], "c"),
    (["kv", "key", "list", "-c"], "c"),
])
def test_with_the_positional_given_the_option_is_named(tmp_path, monkeypatch, capsys, line, key):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] Not enough arguments following: {key}\n\n\n")
