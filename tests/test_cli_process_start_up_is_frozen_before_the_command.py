"""``workers-env`` as its own process (``run_process``: the console script, ``python -m
workers_env``) imports with the cyclic collector off, and as the command starts freezes what
start-up made (``gc.freeze``) and turns the collector back on: collecting start-up's ~65,000
objects along the way found nothing to free and cost a dev start ~13% of its CPU (startup57).
The command itself -- a dev server and its Worker -- runs with the collector on; ``main()``
called in a process of the user's (a test) leaves the collector alone."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

import pytest

import workers_env.cli as cli
import workers_env.cli.dev as dev
import workers_env.cli.devstop as devstop


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, object]]:
    """What happened, in order: each ``gc.freeze`` (not done to this process), and the collector's
    state when the dev command's handler ran in its place."""
    events: list[tuple[str, object]] = []

    def handler(args: argparse.Namespace) -> int:
        events.append(("handler, collector on", gc.isenabled()))
        return 0

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(dev, "run", handler)
    monkeypatch.setattr(gc, "freeze", lambda: events.append(("freeze", None)))
    as_process: list[bool] = []  # this process is no workers-env process after the test
    monkeypatch.setattr(cli, "AS_PROCESS", as_process)
    monkeypatch.setattr(devstop, "AS_PROCESS", as_process)
    return events


def test_the_process_freezes_start_up_then_runs_the_command_collecting(
        seen: list[tuple[str, object]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["workers-env", "dev"])
    try:
        with pytest.raises(SystemExit) as ended:
            cli.run_process()
    finally:
        gc.enable()  # (run_process turned it off in this process)
    assert ended.value.code == 0
    assert seen == [("freeze", None), ("handler, collector on", True)]


def test_main_in_a_users_process_leaves_the_collector_alone(seen: list[tuple[str, object]]) -> None:
    assert gc.isenabled()
    assert cli.main(["dev"]) == 0
    assert seen == [("handler, collector on", True)]
    gc.disable()
    try:
        assert cli.main(["dev"]) == 0
    finally:
        gc.enable()
    assert seen[1:] == [("handler, collector on", False)]  # off as the caller left it, not frozen
