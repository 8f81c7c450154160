"""``d1``/``kv`` with a database or binding the selected environment lacks but another section
of the config has (``[env.staging]``'s database without ``-e staging``, the top level's under
``-e staging``): wrangler 4.164.0's error as it prints it, then a ``(workers-env: ...)`` line
naming the section that has it and the ``--env`` that reaches it -- not ``did you mean`` a name
of the section read, which was the wrong guess. A close name in the section read is named with
that section's own spelling (``[[env.staging.d1_databases]]``; a JSON config's path). Under another
``--env`` (``-e prod``, or ``CLOUDFLARE_ENV=prod``) the line says to use ``--env staging`` -- another
environment, in place of the one given -- where it said ``add --env staging``, as if no ``--env`` had
been given (review86)."""

from __future__ import annotations

import pytest
from cli_helpers import run_main

CONFIG = '''name = "w"
compatibility_date = "2025-01-01"
[[d1_databases]]
binding = "DB"
database_name = "walk-db"
database_id = "11111111-1111-4111-8111-111111111111"
[[kv_namespaces]]
binding = "KV"
id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
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
NOT_FOUND = "✘ [ERROR] Couldn't find a D1 DB with the name or binding '{}' in your {} file.\n\n\n"
NO_BINDING = ('✘ [ERROR] No KV namespace with binding "{}" was found in the "kv_namespaces" section of your wrangler '
              "config. Check the binding name is correct, or use `--namespace-id` instead.\n\n\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    return tmp_path


def test_another_environments_database_names_the_env_option(project, capsys):
    result = run_main(capsys, "d1", "execute", "walk-db-staging", "--local", "--command", "select 1")
    assert result.returncode == 1
    assert result.stderr == NOT_FOUND.format("walk-db-staging", "wrangler.toml") + (
        "(workers-env: 'walk-db-staging' is in [[env.staging.d1_databases]] (binding DB, database_name "
        '"walk-db-staging") of wrangler.toml, while this command read the top level (bindings are not inherited '
        "between environments): add --env staging)\n")
    assert not (project / ".wrangler").exists()  # nothing written


def test_the_top_levels_database_under_env_says_to_drop_it(project, capsys):
    result = run_main(capsys, "d1", "execute", "walk-db", "--local", "-e", "staging", "--command", "select 1")
    assert result.returncode == 1
    assert result.stderr.endswith(
        "(workers-env: 'walk-db' is in [[d1_databases]] (binding DB, database_name \"walk-db\") of wrangler.toml, "
        "while this command read env.staging (bindings are not inherited between environments): run it without "
        "--env (nor CLOUDFLARE_ENV))\n")


def test_a_close_name_under_env_is_listed_from_that_environments_section(project, capsys):
    result = run_main(capsys, "d1", "execute", "walk-db-stagin", "--local", "-e", "staging", "--command", "select 1")
    assert result.stderr.endswith(
        "(workers-env: did you mean 'walk-db-staging'? wrangler.toml's [[env.staging.d1_databases]] are: DB "
        '(database_name "walk-db-staging"); a database is named by its database_name or its binding)\n')


def test_another_environments_kv_binding_names_the_env_option(project, capsys):
    result = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "STAGE_KV", "--local")
    assert result.returncode == 1
    assert result.stderr == NO_BINDING.format("STAGE_KV") + (
        "(workers-env: 'STAGE_KV' is in [[env.staging.kv_namespaces]] (id \"cccccccccccccccccccccccccccccccc\") of "
        "wrangler.toml, while this command read the top level (bindings are not inherited between environments): "
        "add --env staging)\n")
    assert not (project / ".wrangler").exists()


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


def test_a_json_config_writes_the_sections_path(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.jsonc").write_text(
        '// staging only\n{"name": "w", "env": {"staging": {"d1_databases": [{"binding": "DB", '
        '"database_name": "s-db", "database_id": "22222222-2222-4222-8222-222222222222"}]}},}\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    result = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "select 1")
    assert result.stderr.endswith(
        "(workers-env: 'DB' is in env.staging.d1_databases (binding DB, database_name \"s-db\") of wrangler.jsonc, "
        "while this command read the top level (bindings are not inherited between environments): "
        "add --env staging)\n")


def test_kv_with_no_namespaces_in_the_section_read_names_another_environments(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\ncompatibility_date = "2025-01-01"\n[env.staging]\n[[env.staging.kv_namespaces]]\n'
        'binding = "STAGE_KV"\nid = "cccccccccccccccccccccccccccccccc"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    result = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "STAGE_KV", "--local")
    assert result.returncode == 1
    assert result.stderr == (
        '✘ [ERROR] No KV namespaces are configured in your wrangler config file. Use `--namespace-id` to specify the '
        'namespace directly, or add a "kv_namespaces" entry to your config.\n\n\n'
        "(workers-env: 'STAGE_KV' is in [[env.staging.kv_namespaces]] (id \"cccccccccccccccccccccccccccccccc\") of "
        "wrangler.toml, while this command read the top level (bindings are not inherited between environments): "
        "add --env staging)\n")
    assert not (tmp_path / ".wrangler").exists()


def test_a_name_in_two_other_sections_names_both(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\ncompatibility_date = "2025-01-01"\n'
        '[env.staging]\n[[env.staging.d1_databases]]\nbinding = "DB"\ndatabase_name = "shared-db"\n'
        'database_id = "22222222-2222-4222-8222-222222222222"\n'
        '[env.prod]\n[[env.prod.d1_databases]]\nbinding = "MAIN"\ndatabase_name = "shared-db"\n'
        'database_id = "33333333-3333-4333-8333-333333333333"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    result = run_main(capsys, "d1", "execute", "shared-db", "--local", "--command", "select 1")
    assert result.returncode == 1
    assert result.stderr.endswith(
        "(workers-env: 'shared-db' is in [[env.staging.d1_databases]] (binding DB, database_name \"shared-db\") and "
        "[[env.prod.d1_databases]] (binding MAIN, database_name \"shared-db\") of wrangler.toml, while this command "
        "read the top level (bindings are not inherited between environments): add --env staging or add --env prod)\n")
