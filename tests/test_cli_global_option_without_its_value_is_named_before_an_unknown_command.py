"""A global option requiring a value (``-c``, ``-e``, ``--config``, ``--env``, ``--profile``) with
none after it on a line whose word names no command: yargs-parser's ``Not enough arguments
following: KEY`` comes first (its parse error, the last one given), with the help of the command
group reached, as wrangler 4.164.0 prints it (measured: ``nope -c``, ``kv nope -e``, ``kv --bogus
x -c``, ``-c --bogus=1 nope``, ``nope -e -_ y``). workers-env named the unknown word instead."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, key, usage", [
    (["nope", "-c"], "c", "usage: workers-env [-h]"),
    (["nope", "-c", "--bogus", "x"], "c", "usage: workers-env [-h]"),
    (["-c", "--bogus=1", "nope"], "c", "usage: workers-env [-h]"),
    (["nope", "-e", "-_", "y"], "e", "usage: workers-env [-h]"),
    (["-c", "-_", "wrangler.toml", "kv", "key", "list"], "c", "usage: workers-env [-h]"),
    (["nope", "-c", "x", "--profile"], "profile", "usage: workers-env [-h]"),
    (["kv", "nope", "-e"], "e", "usage: workers-env kv "),
    (["kv", "--bogus", "x", "-c"], "c", "usage: workers-env kv "),
])
def test_the_missing_value_is_named(tmp_path, monkeypatch, capsys, line, key, usage):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] Not enough arguments following: {key}\n\n\n")
    assert run.stdout.startswith(f"\n{usage}")


def test_an_option_given_its_value_leaves_the_unknown_word_named(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "nope", "-c", "wrangler.toml")
    assert (run.returncode, run.stderr) == (1, "✘ [ERROR] Unknown argument: nope\n\n\n")
