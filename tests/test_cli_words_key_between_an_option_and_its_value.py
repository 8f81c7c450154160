"""``-_`` (yargs' key of the words) between an option and the word after it: the option takes
no value, the word stays a word of the line (``-_ x`` puts ``x`` among the words). Measured with
wrangler 4.164.0: an option requiring a value is ``Not enough arguments following: KEY`` (``--cwd
-_ x``, ``-e -_ dev``, ``-c -_``, ``--binding -_ KV``, ``-e -_x``, ``-e -_=dev``), one taking a
value if given has none and the word is an argument too many (``--command -_ select``: ``Unknown
argument: select``; at the line's end ``-_``'s own word ``true``), and after a flag the word names
the command (``--local -_ kv key list`` lists the keys). workers-env dropped ``-_`` and gave the
option the word after it (``-e -_ dev`` ran with the environment ``dev``)."""

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
