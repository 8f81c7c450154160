"""``tools/wrangler/cli_layout_differential.py --help`` prints its usage and starts no run.

A whole run takes minutes against wrangler; before, the tool ignored ``--help`` (and any unknown
option) and started one, which a helper of session 42 met."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "wrangler" / "cli_layout_differential.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=60)


def test_help_prints_the_usage_and_the_docstring_and_exits_0() -> None:
    for flag in ("--help", "-h"):
        done = run(flag)
        assert done.returncode == 0
        assert done.stdout.startswith("usage: cli_layout_differential.py [-k TEXT] [--cache FILE] [--cached-only]\n")
        assert "Differential check of how the CLI lays out" in done.stdout


def test_an_unknown_option_is_one_line_and_exit_2() -> None:
    done = run("--bogus")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == ("cli_layout_differential.py: unknown option --bogus "
                           "(options: -k TEXT, --cache FILE, --cached-only, --help)\n")


def test_cached_only_without_a_cache_is_one_line_and_exit_2() -> None:
    done = run("--cached-only")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == ("cli_layout_differential.py: --cached-only needs --cache FILE (the answers to compare "
                           "with)\n")
