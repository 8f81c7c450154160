"""``workers-env --version`` / ``-v`` print the installed distribution's version, as wrangler does."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from workers_env import cli

ROOT = Path(__file__).resolve().parent.parent


def test_version_flags_print_the_installed_version_in_a_subprocess() -> None:
    installed = importlib.metadata.version("workers-env")
    assert installed == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    commands = [[sys.executable, "-m", "workers_env", "--version"]]
    beside = Path(sys.executable).parent / "workers-env"  # the console script pip installed here
    script = str(beside) if beside.is_file() else shutil.which("workers-env")
    if script is not None:
        commands.append([script, "--version"])
    for command in commands:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert (done.returncode, done.stdout, done.stderr) == (0, installed + "\n", ""), command


def test_without_an_installed_distribution_the_version_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert cli.installed_version().startswith("unknown: the workers-env distribution is not installed")


def test_short_flag_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["-v"])
    assert (exited.value.code, capsys.readouterr().out) == (0, cli.installed_version() + "\n")
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "--version, -v" in capsys.readouterr().out
