"""Shared by CLI tests: run ``workers-env ARGS`` in-process, as ``python -m workers_env`` runs it.

``__main__`` is ``sys.exit(main())``: the exit code is what ``main`` returns, or the code of a
``SystemExit`` it raises (argparse's ``--help``/``--version``). Tests that pin what only a real
process shows (the entry point itself, signals, closed or broken pipes) start one instead.
"""

from __future__ import annotations

import subprocess

import pytest

from workers_env.cli import main


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> subprocess.CompletedProcess[str]:
    """``main(argv)``'s exit code and what it printed, in the shape ``subprocess.run`` gives."""
    capsys.readouterr()  # nothing printed before belongs to this command
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(argv), code, out, err)
