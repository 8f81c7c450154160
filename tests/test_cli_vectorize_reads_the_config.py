"""`workers-env vectorize` reads the wrangler config first, as every wrangler command does.

A broken config stops the command with wrangler's report and writes nothing; its warnings
print before the command runs; ``--env``/``-e`` (or ``CLOUDFLARE_ENV``) picks the environment
checked, for every subcommand; and no config anywhere is fine (state in the current folder).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cli_helpers import run_main


@pytest.fixture
def vectorize(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """``workers-env vectorize ARGS`` run from ``folder`` (in-process, cli_helpers.run_main),
    with CLOUDFLARE_ENV unset unless given."""

    def run(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        with monkeypatch.context() as patch:
            patch.chdir(folder)
            patch.delenv("CLOUDFLARE_ENV", raising=False)
            patch.setenv("NO_COLOR", "1")
            for name, value in env.items():
                patch.setenv(name, value)
            return run_main(capsys, "vectorize", *args)

    return run


def test_a_broken_config_stops_the_command_and_writes_nothing(tmp_path: Path, vectorize) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "x"\n[[vectorize]]\nbinding = 5\n')
    run = vectorize(tmp_path, "create", "abc", "--dimensions", "3", "--metric", "cosine")
    assert (run.returncode, run.stdout) == (1, "\n")  # wrangler's handleError's empty line
    assert run.stderr == (
        "✘ [ERROR] Processing wrangler.toml configuration:\n\n"
        '    - "vectorize[0]" bindings should have a string "binding" field but got {"binding":5}.\n'
        '    - "vectorize[0]" bindings must have an "index_name" field but got {"binding":5}.\n\n\n'
    )
    assert not (tmp_path / ".wrangler").exists()


def test_a_config_that_does_not_parse_stops_every_command(tmp_path: Path, vectorize) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "x"\n[[vectorize]\n')
    run = vectorize(tmp_path, "list")
    assert run.returncode == 1 and run.stderr.startswith("✘ [ERROR] Invalid TOML document:")
    assert "Listing" not in run.stdout


def test_env_is_checked_for_every_subcommand(tmp_path: Path, vectorize) -> None:
    (tmp_path / "wrangler.toml").write_text(
        'name = "x"\n[[vectorize]]\nbinding = "V"\nindex_name = "a"\n[env.staging]\nfoo = 1\n')
    listing = vectorize(tmp_path, "list", "--env", "staging")
    assert listing.returncode == 0 and "Listing Vectorize indexes" in listing.stdout
    assert listing.stderr.startswith("▲ [WARNING] Processing wrangler.toml configuration:")
    assert 'Unexpected fields found in env.staging field: "foo"' in listing.stderr
    unknown = vectorize(tmp_path, "info", "a", "-e", "nope")
    assert unknown.returncode == 1 and 'No environment found in configuration with name "nope"' in unknown.stderr
    from_variable = vectorize(tmp_path, "list", CLOUDFLARE_ENV="nope")
    assert from_variable.returncode == 1 and 'with name "nope"' in from_variable.stderr
    assert "Processing" not in vectorize(tmp_path, "list").stderr  # the top level alone: nothing to warn about


def test_no_config_anywhere_is_fine(tmp_path: Path, vectorize) -> None:
    run = vectorize(tmp_path, "create", "abc", "--dimensions", "3", "--metric", "cosine")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / ".wrangler" / "state" / "v3" / "vectorize").is_dir()
