"""A word of a dash and a digit is read with yargs-parser's one rule, as wrangler 4.164.0 reads it
(each measured as a positional, a text option's value, an array option's value and as a
``requiresArg`` option's value; ``tools/wrangler/cli_layout_differential.py``): a negative number
(``/^-([0-9]+(\\.[0-9]+)?|\\.[0-9]+)$/``: ``-.5``, ``-1.5``, ``-07``) is a value; any other such
word is a group of one-letter options, its digits named as unknown options (``-1e5`` is ``-1 -e
5``: ``Unknown argument: 1``), listed as JavaScript lists an object's keys, numbers first; but an
option wrangler gives ``requiresArg`` (``kv key list --prefix``) takes it whole as its value."""

from __future__ import annotations

import pytest

from cli_helpers import error_line, in_project
from workers_env.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch):
    return in_project(tmp_path, monkeypatch)


@pytest.mark.parametrize("word", ["-.5", "-1.5", "-07", "-10"])
def test_a_negative_number_is_a_value(project, capsys, word):
    assert main(["kv", "key", "put", "k", word, "--binding", "KV", "--local"]) == 0
    assert f'Writing the value "{word}" to key "k"' in capsys.readouterr().out


@pytest.mark.parametrize(("word", "unknown"), [
    ("-1e5", "Unknown argument: 1"),  # -1 -e 5
    ("-2e-3", "Unknown argument: 2"),  # -2 -e -3
    ("-0x10", "Unknown arguments: 0, x"),
    ("-1.", 'Unknown arguments: 1, ""'),  # the "." key: yargs' dot notation of an empty name
    ("-1.5e3", "Unknown argument: 1"),  # dot notation: the key before the dot
    ("-1_000", "Unknown arguments: 0, 1"),  # the keys in JavaScript's order; "_" made the value `true`
    ("-Infinity", "Unknown arguments: I, n, f, i, t, y"),
    ("-NaN", "Unknown arguments: N, a"),
    # review49, wrangler 4.164.0 ad hoc: a number JavaScript or Python would read, a word with a
    # space (its key " "; on Python 3.14 argparse's one-pass intermixed parse took `-- ` for the
    # value before the CLI ran the two passes itself: `Unknown argument: 5`)
    ("-5.", 'Unknown arguments: 5, ""'),
    ("-.5e1", 'Unknown arguments: 5, ""'),
    ("-inf", "Unknown arguments: i, n, f"),
    ("-1.2.3", "Unknown argument: 1"),
    ("-5 ", 'Unknown arguments: 5, " "'),
    ("- 5", 'Unknown arguments: 5, " "'),
])
def test_any_other_is_a_group_of_options(project, capsys, word, unknown):
    assert main(["kv", "key", "put", "k", word, "--binding", "KV", "--local"]) == 1
    assert error_line(capsys) == unknown


def test_the_underscore_letter_adds_a_word(project, capsys):
    # yargs adds the value of `_` (true) to its words: d1 execute has no place for it
    assert main(["d1", "execute", "DB", "--local", "--json", "--command", "-1_000"]) == 1
    assert error_line(capsys) == "Unknown arguments: 0, 1, true"


def test_an_array_option_ends_before_one(project, capsys):
    # --vector takes -1e5 no more than yargs does: the word after it is a word of its own, listed
    # again after the options although it names one of them
    assert main(["vectorize", "query", "idx", "--vector", "-1e5", "1", "--bogus"]) == 1
    assert error_line(capsys) == "Unknown arguments: 1, bogus, 1"
    assert main(["vectorize", "query", "idx", "--vector", "-0x10", "1", "--bogus"]) == 1
    assert error_line(capsys) == "Unknown arguments: 0, x, bogus, 1"


@pytest.mark.parametrize("word", ["-1e5", "-1.", "-0x10", "-1_000", "-2e-3"])
def test_an_option_requiring_a_value_takes_it_whole(project, capsys, word):
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "--prefix", word]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_but_not_a_word_of_a_dash_and_a_letter(project, capsys):
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "--prefix", "-Infinity"]) == 1
    assert error_line(capsys) == "Not enough arguments following: prefix"


def test_a_global_option_requiring_a_value_takes_it_whole(project, capsys):
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "-c", "-1e5"]) == 1
    # the config path -1e5 (which wrangler reads as an empty config, and workers-env refuses: README)
    assert "Configuration file not found: " in capsys.readouterr().err
