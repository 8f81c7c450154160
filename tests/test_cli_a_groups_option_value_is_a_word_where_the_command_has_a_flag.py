"""A word after an option given before the command's words (``kv --local x key list``) is that
option's value while yargs looks for the command -- the group knows no ``--local`` -- but a word
of its own to the command, whose ``--local`` is a flag; the command's arguments are then its
words after as many as name the command, as yargs drops them by count. So wrangler 4.164.0
says ``Unknown argument: list`` with ``kv``'s help, and ``d1 --local DB execute`` looks for a
database named ``execute`` (measured; tools/wrangler/cli_layout_differential.py -k "option form").
workers-env said ``Unknown argument: x`` and ran ``d1 execute`` on ``DB``."""

from __future__ import annotations

import pytest
from cli_helpers import in_project, run_main


@pytest.mark.parametrize(("argv", "error", "help_of"), [
    (["kv", "--local", "x", "key", "list"], "Unknown argument: list", "workers-env kv "),
    (["kv", "--remote", "x", "key", "list"], "Unknown argument: list", "workers-env kv "),
    (["kv", "--local", "local", "key", "list", "--binding", "KV"], "Unknown argument: list", "workers-env kv "),
    (["kv", "key", "--local", "x", "list"], "Unknown argument: list", "workers-env kv key "),
    (["kv", "key", "--local", "local", "put", "k", "v", "--binding", "KV"], "Unknown argument: v", "workers-env kv key "),
    (["d1", "--local", "x", "execute", "DB"], "Unknown argument: DB", "workers-env d1 "),
])
def test_the_word_is_the_commands_own(tmp_path, monkeypatch, capsys, argv, error, help_of):
    in_project(tmp_path, monkeypatch)
    done = run_main(capsys, *argv)
    assert (done.returncode, done.stderr) == (1, f"✘ [ERROR] {error}\n\n\n")
    assert done.stdout.startswith(f"\nusage: {help_of}")


def test_d1_runs_on_the_database_the_shifted_words_name(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    done = run_main(capsys, "d1", "--local", "DB", "execute", "--command", "select 1")
    assert done.returncode == 1
    assert done.stderr.startswith("✘ [ERROR] Couldn't find a D1 DB with the name or binding 'execute' in your wrangler.toml")


@pytest.mark.parametrize("argv", [
    ["kv", "--local", "true", "key", "list", "--binding", "KV"],  # a flag's true/false stays its value
    ["kv", "key", "list", "--local", "--binding", "KV"],
])
def test_a_flags_own_value_or_none_runs_the_command(tmp_path, monkeypatch, capsys, argv):
    in_project(tmp_path, monkeypatch)
    done = run_main(capsys, *argv)
    assert (done.returncode, done.stdout) == (0, "[]\n")
