"""`workers-env vectorize` reads the wrangler config first, as every wrangler command does.

A broken config stops the command with wrangler's report and writes nothing; its warnings
print before the command runs; ``--env``/``-e`` (or ``CLOUDFLARE_ENV``) picks the environment
checked, for every subcommand; and no config anywhere is fine (state in the current folder).
"""

from __future__ import annotations

import json
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


def test_create_says_at_once_when_the_projects_definition_disagrees(tmp_path: Path, vectorize) -> None:
    """The index is created as asked (wrangler's output unchanged); one stderr line says what
    pyproject.toml's definition holds instead, which dev and the fixtures would refuse later."""
    (tmp_path / "wrangler.toml").write_text('name = "x"\n[[vectorize]]\nbinding = "V"\nindex_name = "docs"\n')
    (tmp_path / "pyproject.toml").write_text(
        '[tool.workers-env.indexes.docs]\ndimensions = 768\nmetric = "cosine"\n'
        '[tool.workers-env.indexes.same]\npreset = "@cf/baai/bge-small-en-v1.5"\nversion = "v2"\n')
    run = vectorize(tmp_path, "create", "docs", "--dimensions", "384", "--metric", "cosine")
    assert run.returncode == 0 and "Successfully created a new Vectorize index: 'docs'" in run.stdout
    assert run.stderr == (
        "(workers-env: pyproject.toml defines index 'docs' with dimensions 768 (created: 384), version 'v1' "
        "(created: 'v2') -- a definition without \"version\" is v1; load_env, the pytest fixtures and "
        "workers-env dev will refuse this state until the two agree: fix the definition, or "
        "`workers-env vectorize delete docs` and create it again as defined)\n")
    agreeing = vectorize(tmp_path, "create", "same", "--preset", "@cf/baai/bge-small-en-v1.5")
    assert agreeing.returncode == 0 and agreeing.stderr == ""
    undefined = vectorize(tmp_path, "create", "other", "--dimensions", "3", "--metric", "euclidean")
    assert undefined.returncode == 0 and undefined.stderr == ""
    listed = vectorize(tmp_path, "list", "--json")
    assert [i["name"] for i in json.loads(listed.stdout)] == ["docs", "other", "same"]


def test_create_names_the_environment_its_snippet_is_for(tmp_path: Path, vectorize) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "x"\n[env.staging]\n')
    run = vectorize(tmp_path, "create", "abc", "--dimensions", "3", "--metric", "cosine", "--env", "staging")
    assert run.returncode == 0
    # wrangler 4.164.0's createdResourceConfig (utils/add-created-resource-config.ts)
    assert ("To access your new Vectorize Index in your Worker, add the following snippet to your configuration file "
            'in the "staging" environment:\n') in run.stdout
