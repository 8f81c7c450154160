"""A command whose reader goes away (``workers-env ... | head -1``) stops at its next line quietly,
with the shell's 141 (128 + SIGPIPE), as Unix tools do: no ``BrokenPipeError`` traceback, and
the state readable afterwards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import forkserver


def test_a_closed_pipe_ends_the_command_without_a_traceback(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "workers_env", "vectorize", "create", "docs", "--dimensions=3",
               "--metric=cosine", "--persist-to", str(tmp_path / "state")]
    proc = forkserver.popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # (forked)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the command writes its first line
    with proc.stderr:
        stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    listed = forkserver.run([sys.executable, "-m", "workers_env", "vectorize", "list", "--json", "--persist-to",
                             str(tmp_path / "state")], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"  # stopped at its first line, before creating
