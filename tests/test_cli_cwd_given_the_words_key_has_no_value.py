"""``--cwd -_`` gives ``--cwd`` no value: ``-_`` is yargs' key of the words (an option), so
wrangler 4.164.0 prints ``Not enough arguments following: cwd`` and the help, exit 1 (measured).
workers-env read the ``true`` word ``-_`` leaves as the folder and failed with a traceback
(``ValueError: embedded null byte`` from ``os.chdir``)."""

from __future__ import annotations

import os

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, usage", [
    (["--cwd", "-_"], "usage: workers-env "),
    (["kv", "key", "list", "--binding", "KV", "--local", "--cwd", "-_"], "usage: workers-env kv key list"),
])
def test_it_is_not_enough_arguments(tmp_path, monkeypatch, capsys, line, usage):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, "✘ [ERROR] Not enough arguments following: cwd\n\n\n")
    assert usage in run.stdout
    assert os.getcwd() == str(tmp_path)
