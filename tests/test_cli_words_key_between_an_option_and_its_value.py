"""``-_`` (yargs' key of the words) between an option and the word after it: the option takes
no value, the word stays a word of the line (``-_ x`` puts ``x`` among the words). Measured with
wrangler 4.164.0: an option requiring a value is ``Not enough arguments following: KEY`` (``--cwd
-_ x``, ``-e -_ dev``, ``-c -_``, ``--binding -_ KV``, ``-e -_x``, ``-e -_=dev``), one taking a
value if given has none and the word is an argument too many (``--command -_ select``: ``Unknown
argument: select``; at the line's end ``-_``'s own word ``true``), and after a flag the word names
the command (``--local -_ kv key list`` lists the keys). workers-env dropped ``-_`` and gave the
option the word after it (``-e -_ dev`` ran with the environment ``dev``). With the error comes the
help of the command the rest of the line names (a word after ``-_`` stays a word: ``--cwd -_ x kv ...``
names none); an option of no command the line reaches stays unknown (review88, which measured the
``requiresArg`` options the same way)."""

from __future__ import annotations

import os

import pytest

from tests.cli_helpers import in_project, run_main

LIST = ["kv", "key", "list", "--binding", "KV", "--local"]
SELECT = ["d1", "execute", "DB", "--local"]


@pytest.mark.parametrize("line, key", [
    (["--cwd", "-_", "x"], "cwd"),
    ([*LIST, "-e", "-_", "dev"], "e"),
    ([*LIST, "-e", "-_"], "e"),
    ([*LIST, "--env", "-_", "dev"], "env"),
    ([*LIST, "-c", "-_", "wrangler.toml"], "c"),
    ([*LIST, "-ce", "-_", "x"], "e"),
    ([*LIST, "-e", "-_x"], "e"),
    ([*LIST, "-e", "-_=dev"], "e"),
    ([*LIST, "--profile", "-_", "x"], "profile"),
    ([*LIST, "--prefix", "-_", "x"], "prefix"),
    (["kv", "key", "list", "--local", "--binding", "-_", "KV"], "binding"),
    (["-e", "-_", *LIST], "e"),
    (["dev", "--var", "-_", "A:1"], "var"),
])
def test_an_option_requiring_a_value_has_none(tmp_path, monkeypatch, capsys, line, key):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] Not enough arguments following: {key}\n\n\n")
    assert os.getcwd() == str(tmp_path)


@pytest.mark.parametrize("line, word", [
    ([*SELECT, "--command", "-_", "select"], "select"),
    ([*SELECT, "--command", "-_"], "true"),
    ([*LIST, "--persist-to", "-_", "x"], "x"),
    (["vectorize", "query", "idx", "--vector", "-_", "1"], "1"),
    (["d1", "export", "DB", "--local", "--output", "o.sql", "--table", "-_", "t"], "t"),
])
def test_an_option_taking_a_value_if_given_leaves_the_word_over(tmp_path, monkeypatch, capsys, line, word):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] Unknown argument: {word}\n\n\n")
    assert not (tmp_path / "x").exists() and not (tmp_path / ".wrangler").exists()


@pytest.mark.parametrize("line", [
    ["--local", "-_", "kv", "key", "list", "--binding", "KV"],
    ["kv", "--local", "-_", "key", "list", "--binding", "KV"],
])
def test_after_a_flag_the_word_names_the_command(tmp_path, monkeypatch, capsys, line):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stdout, run.stderr) == (0, "[]\n", "")


@pytest.mark.parametrize("line, name, usage", [
    ("-c -_ wrangler.toml kv key list --binding KV --local", "c", "usage: workers-env [-h]"),
    ("-e -_ x kv key list --binding KV --local", "e", "usage: workers-env [-h]"),
    ("--profile -_ x kv key list --binding KV --local", "profile", "usage: workers-env [-h]"),
    ("--cwd -_ x kv key list --binding KV --local", "cwd", "usage: workers-env [-h]"),
    ("--cwd -_ kv namespace list", "cwd", "usage: workers-env kv namespace list"),
    ("kv key list --binding -_ KV --local", "binding", "usage: workers-env kv key list"),
    ("kv key list --binding KV --prefix -_ x --local", "prefix", "usage: workers-env kv key list"),
    ("kv key list --binding KV --local -c -_", "c", "usage: workers-env kv key list"),
    ("kv -c -_ key list", "c", "usage: workers-env kv key list"),
])
def test_the_help_is_of_the_command_the_rest_of_the_line_names(tmp_path, monkeypatch, capsys, line, name, usage):
    in_project(tmp_path, monkeypatch)
    (tmp_path / "x").mkdir()
    run = run_main(capsys, *line.split())
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] Not enough arguments following: {name}\n\n\n")
    assert usage in run.stdout
    assert os.getcwd() == str(tmp_path)


def test_an_option_of_no_command_the_line_reaches_is_unknown_as_before(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "--prefix", "-_", "x")
    assert run.returncode == 1 and run.stderr.startswith("✘ [ERROR] Unknown argument")
