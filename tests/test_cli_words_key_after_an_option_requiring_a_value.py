"""``-_`` -- yargs' key of the words, an option to yargs-parser -- right after an option wrangler gives
``requiresArg`` leaves that option without a value, whatever follows: wrangler 4.164.0 prints ``Not enough
arguments following: <name>`` and the help of the command the rest of the line names (a word after
``-_`` stays a word: ``--cwd -_ x kv ...`` names no command), exit 1 -- for the global ``-c``, ``-e``,
``--profile``, ``--cwd`` and a command's own (``--binding``, ``--prefix``), measured. crash57 made
``--cwd -_`` at the line's end so; elsewhere workers-env gave the option the word after ``-_`` (``-c -_
wrangler.toml`` read that config, ``--cwd -_ x`` ran in ``x``) or the word ``true`` (``-c -_``: a config
named ``true``) -- review88."""

from __future__ import annotations

import os

import pytest

from tests.cli_helpers import in_project, run_main


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
def test_the_option_has_no_value(tmp_path, monkeypatch, capsys, line, name, usage):
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
