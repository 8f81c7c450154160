"""``d1``/``kv`` under ``-e prod`` (or ``CLOUDFLARE_ENV=prod``) naming what only ``[env.staging]``
has: the ``(workers-env: ...)`` line says to use ``--env staging`` -- another environment, in place of
the one given -- where it said ``add --env staging``, as if no ``--env`` had been given (review86;
walk55's line under no ``--env`` still says ``add``)."""

from __future__ import annotations

import pytest
from cli_helpers import run_main

CONFIG = '''name = "w"
compatibility_date = "2025-01-01"
[env.staging]
[[env.staging.d1_databases]]
binding = "DB"
database_name = "walk-db-staging"
database_id = "22222222-2222-4222-8222-222222222222"
[[env.staging.kv_namespaces]]
binding = "STAGE_KV"
id = "cccccccccccccccccccccccccccccccc"
[env.prod]
[[env.prod.kv_namespaces]]
binding = "PROD_KV"
id = "dddddddddddddddddddddddddddddddd"
'''


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    return tmp_path


@pytest.mark.parametrize("line", [
    ["d1", "execute", "walk-db-staging", "--local", "-e", "prod", "--command", "select 1"],
    ["kv", "key", "get", "k", "--binding", "STAGE_KV", "--local", "--env", "prod"],
])
def test_under_another_env_the_line_says_use(project, capsys, line):
    result = run_main(capsys, *line)
    assert result.returncode == 1
    assert result.stderr.endswith("while this command read env.prod (bindings are not inherited between "
                                  "environments): use --env staging)\n")


def test_under_cloudflare_env_too(project, capsys, monkeypatch):
    monkeypatch.setenv("CLOUDFLARE_ENV", "prod")
    result = run_main(capsys, "kv", "key", "get", "k", "--binding", "STAGE_KV", "--local")
    assert result.stderr.endswith("use --env staging)\n")


def test_without_env_it_still_says_add(project, capsys):
    result = run_main(capsys, "kv", "key", "get", "k", "--binding", "STAGE_KV", "--local")
    assert result.stderr.endswith("the top level (bindings are not inherited between environments): add --env staging)\n")
