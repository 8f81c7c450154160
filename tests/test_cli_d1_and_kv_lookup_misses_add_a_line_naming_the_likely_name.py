"""``d1 ...`` with a database name the config lacks, and ``kv ...`` under a config without
``kv_namespaces``, print wrangler 4.164.0's error exactly as it does; when the name is close to a
configured database_name or binding (``notes`` for ``notes-db``), or the config has a misspelt
``[[kv_namespace]]`` section (which wrangler only warns of as an unexpected field), a
``(workers-env: ...)`` line follows on stderr naming it. A name unlike any configured one, or a
config that simply has no namespaces, gets wrangler's text alone."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_main

BASE = 'name = "w"\ncompatibility_date = "2025-01-01"\n'
D1 = ('[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
      'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')
NOT_FOUND = "✘ [ERROR] Couldn't find a D1 DB with the name or binding '{}' in your wrangler.toml file.\n\n\n"
HINT = ("(workers-env: did you mean '{}'? wrangler.toml's [[d1_databases]] are: DB (database_name \"notes-db\"); "
        "a database is named by its database_name or its binding)\n")
NO_KV = ('✘ [ERROR] No KV namespaces are configured in your wrangler config file. Use `--namespace-id` to specify '
         'the namespace directly, or add a "kv_namespaces" entry to your config.\n\n\n')


@pytest.mark.parametrize(("command", "name", "near"), [
    (["d1", "execute", "notes", "--local", "--command", "select 1"], "notes", "notes-db"),
    (["d1", "execute", "db", "--local", "--command", "select 1"], "db", "DB"),
    (["d1", "export", "notes-bd", "--local", "--output", "out.sql"], "notes-bd", "notes-db"),
    (["d1", "migrations", "create", "notes", "first"], "notes", "notes-db"),
])
def test_a_close_database_name_is_named_after_wranglers_error(tmp_path, capsys, monkeypatch, command, name, near):
    (tmp_path / "wrangler.toml").write_text(BASE + D1)
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, *command)
    assert result.returncode == 1
    assert result.stderr == NOT_FOUND.format(name) + HINT.format(near)


def test_with_json_the_error_stays_wranglers_json_and_the_line_goes_to_stderr(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(BASE + D1)
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "d1", "execute", "notes", "--local", "--command", "select 1", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"error": {"text": NOT_FOUND.format("notes")[10:-3]}}
    assert result.stderr == HINT.format("notes-db")


def test_a_name_unlike_any_is_wranglers_text_alone(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(BASE + D1)
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "d1", "execute", "NOPE", "--local", "--command", "select 1")
    assert result.stderr == NOT_FOUND.format("NOPE")


def test_a_misspelt_kv_section_is_named_after_wranglers_error(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(BASE + '[[kv_namespace]]\nbinding = "CACHE"\nid = "abc123"\n')
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "kv", "key", "get", "k", "--binding", "CACHE", "--local")
    assert result.returncode == 1
    assert result.stderr.endswith(
        NO_KV + '(workers-env: "kv_namespace" in wrangler.toml is likely a misspelt "kv_namespaces": as written it '
        "is ignored, so the config has no KV namespace)\n")


def test_a_config_without_kv_namespaces_is_wranglers_text_alone(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(BASE)
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "kv", "key", "get", "k", "--binding", "CACHE", "--local")
    assert (result.returncode, result.stdout, result.stderr) == (1, "\n", NO_KV)


KV = ('[[kv_namespaces]]\nbinding = "CACHE"\nid = "0f2ac74b498b48028cb68387c421e279"\n'
      '[[kv_namespaces]]\nbinding = "SESSIONS"\nid = "1f2ac74b498b48028cb68387c421e279"\n')
NO_BINDING = ('✘ [ERROR] No KV namespace with binding "{}" was found in the "kv_namespaces" section of your wrangler '
              "config. Check the binding name is correct, or use `--namespace-id` instead.\n\n\n")


@pytest.mark.parametrize(("command", "name", "near"), [
    (["kv", "key", "get", "k", "--binding", "CACH", "--local"], "CACH", "CACHE"),
    (["kv", "key", "put", "k", "v", "--binding", "sessions", "--local"], "sessions", "SESSIONS"),
    (["kv", "key", "list", "--binding", "SESION", "--local"], "SESION", "SESSIONS"),
])
def test_a_close_kv_binding_is_named_after_wranglers_error(tmp_path, capsys, monkeypatch, command, name, near):
    (tmp_path / "wrangler.toml").write_text(BASE + KV)
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, *command)
    assert result.returncode == 1
    assert result.stderr == NO_BINDING.format(name) + (
        f"(workers-env: did you mean '{near}'? wrangler.toml's [[kv_namespaces]] bindings are: CACHE, SESSIONS)\n")
    assert not (tmp_path / ".wrangler").exists()  # nothing written


def test_a_kv_binding_unlike_any_is_wranglers_text_alone(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(BASE + KV)
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "kv", "key", "get", "k", "--binding", "XYZW", "--local")
    assert result.stderr == NO_BINDING.format("XYZW")
