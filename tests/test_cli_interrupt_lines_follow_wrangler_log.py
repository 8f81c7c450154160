"""workers-env's own lines at Ctrl+C follow ``WRANGLER_LOG`` as every other line of a command does
(leftovers53): the closing ``Interrupted.`` (exit 130) is an error's level, hidden at ``none``
alone; ``vectorize insert --file``'s "Stopping after the batch in flight" a note's, hidden from
``error`` down. review83: both were bare prints, shown at every level."""

from __future__ import annotations

import signal

import pytest

import workers_env.cli.d1 as d1_commands
from workers_env._loglevel import chosen
from workers_env.cli import main
from workers_env.cli.vectorize import vectors


def _interrupted(_args):
    raise KeyboardInterrupt


@pytest.mark.parametrize(("level", "shown"), [("log", True), ("error", True), ("none", False)])
def test_interrupted_is_an_errors_line(monkeypatch, capsys, level, shown):
    monkeypatch.setenv("WRANGLER_LOG", level)
    monkeypatch.setattr(d1_commands, "_execute", _interrupted)
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1"]) == 130
    assert capsys.readouterr().err == ("\nInterrupted.\n" if shown else "")


@pytest.mark.parametrize(("level", "shown"), [("warn", True), ("error", False), ("none", False)])
def test_the_first_ctrl_c_of_a_file_write_is_a_notes_line(capsys, level, shown):
    stop = vectors._StopRequest()
    with chosen({"WRANGLER_LOG": level}):
        stop._handle(signal.SIGINT, None)
    assert stop.requested
    assert ("Stopping after the batch in flight" in capsys.readouterr().err) is shown
