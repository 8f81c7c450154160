"""tools/pythons/run_suite.sh takes PYTHONS entries as pyenv versions (``3.13``), paths or commands
on PATH; one that names no interpreter, or no Python >= 3.11, stops it before anything is made,
with a line saying what to give (``PYTHONS=3.13`` used to run ``3.13`` as a command, fail, and
report "could not make a venv" for a version with no name)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "pythons" / "run_suite.sh"


def _run(pythons: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    venvs = tmp_path / "venvs"
    done = subprocess.run([str(SCRIPT), "--collect-only"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONS": pythons, "PYTHON_VENVS": str(venvs)})
    assert not venvs.exists()  # nothing made
    return done


def test_a_version_pyenv_does_not_have_is_named_with_what_to_give(tmp_path: Path) -> None:
    done = _run("9.99", tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("run_suite.sh: PYTHONS names '9.99', which is no interpreter: give its path, "
                                  "a command on PATH (python3.13) or a pyenv version (3.13, 3.13.0; pyenv has:")


def test_a_command_or_path_that_is_no_interpreter_is_named(tmp_path: Path) -> None:
    for name in ("no-such-python-here", str(tmp_path / "missing" / "python3"), str(tmp_path)):
        done = _run(name, tmp_path)
        assert done.returncode == 2, name
        assert f"run_suite.sh: PYTHONS names '{name}', which is no interpreter" in done.stderr, name


def test_a_program_that_is_no_python_3_11_is_named(tmp_path: Path) -> None:
    fake = tmp_path / "python3"
    fake.write_text("#!/bin/sh\necho 'Python 3.10.13'\n")
    fake.chmod(0o755)
    done = _run(f"{fake}", tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"run_suite.sh: PYTHONS names '{fake}' ({fake}), which does not run as a Python >= 3.11\n"
