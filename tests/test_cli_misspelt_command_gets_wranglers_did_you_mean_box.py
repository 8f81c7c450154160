"""A misspelt command gets wrangler 4.164.0's ``Did you mean "..."?`` box on stdout, between
handleError's empty line and the help (``logDidYouMean``): the closest command within three
edits and two thirds of the shorter name, the line's other words kept after it -- but only when
yargs' first unknown word is the misspelt one (an option given before it wins, and no box is
drawn). workers-env suggests its own commands."""

from __future__ import annotations

import pytest
from cli_helpers import run_main


def box(text: str) -> str:
    line = "─" * (len(text) + 2)
    return f"╭{line}╮\n│ {text} │\n╰{line}╯"


@pytest.fixture(autouse=True)
def _here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("argv", "suggested", "group"), [
    (["d1", "exectue", "DB"], "workers-env d1 execute DB", "d1"),
    (["d1", "migrations", "aply", "DB"], "workers-env d1 migrations apply DB", "d1 migrations"),
    (["kv", "ky", "get", "k"], "workers-env kv key get k", "kv"),
    (["vectorize", "crate", "foo"], "workers-env vectorize create foo", "vectorize"),
    (["vectorise", "list"], "workers-env vectorize", ""),  # a root command: no words kept after it
    (["DEV"], "workers-env dev", ""),  # case does not count
])
def test_the_box_names_the_closest_command(capsys, argv, suggested, group):
    done = run_main(capsys, *argv)
    help_text = run_main(capsys, *group.split(), "--help").stdout
    assert done.returncode == 1
    said = box('Did you mean "' + suggested + '"?')
    assert done.stdout == f"\n\n{said}\n\n{help_text}"
    assert done.stderr.startswith("✘ [ERROR] Unknown argument")


@pytest.mark.parametrize("argv", [
    ["d1", "exectue", "DB", "--local"],  # yargs' first unknown word is the option: no box
    ["d1", "bogus"],  # no command within reach
    ["kv", "k", "get"],  # a one-letter word is two thirds of nothing
    ["vectorize", "query", "idx", "--bogus"],  # an unknown option, not a command
])
def test_no_box_without_a_close_command_or_when_an_option_comes_first(capsys, argv):
    done = run_main(capsys, *argv)
    assert done.returncode == 1 and "Did you mean" not in done.stdout
    assert done.stdout.startswith("\nusage: workers-env ")
