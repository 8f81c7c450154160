"""``-e ""`` (``--env ""``, ``--env=``) selects the config's top level even where
``CLOUDFLARE_ENV`` names an environment, as wrangler 4.164.0's ``args.env ?? CLOUDFLARE_ENV``
reads it (measured: ``CLOUDFLARE_ENV=staging kv key list --binding KV --local -e ""`` lists the
top-level namespace); and, as its ``getDefaultEnvFiles("")``, it loads ``.env.`` and
``.env..local`` after ``.env`` and ``.env.local`` (measured with ``WRANGLER_HIDE_BANNER`` in
``.env.``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import KV_AND_STAGING, in_project
from workers_env.cli import main
from workers_env.config.devvars import dot_env_paths


@pytest.fixture
def project(tmp_path, monkeypatch):
    in_project(tmp_path, monkeypatch, KV_AND_STAGING)
    monkeypatch.setenv("CLOUDFLARE_ENV", "staging")
    return tmp_path


@pytest.mark.parametrize("spelt", [["-e", ""], ["--env", ""], ["--env="]])
def test_an_empty_env_wins_over_cloudflare_env(project, capsys, spelt):
    assert main(["kv", "key", "list", "--binding", "KV", "--local", *spelt]) == 0
    assert main(["kv", "key", "list", "--binding", "KVS", "--local", *spelt]) == 1
    assert main(["kv", "key", "list", "--binding", "KVS", "--local"]) == 0  # CLOUDFLARE_ENV without it


def test_the_default_env_files_of_an_empty_env():
    root = Path("/p")
    assert [p.name for p in dot_env_paths(root, "")] == [".env", ".env.local", ".env.", ".env..local"]
    assert [p.name for p in dot_env_paths(root, None)] == [".env", ".env.local"]
