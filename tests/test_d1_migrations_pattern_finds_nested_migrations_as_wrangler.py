"""``migrations_pattern`` (wrangler 4.x; D1 changelog 2026-05-29): the migrations are the files
under ``migrations_dir`` matching the glob, named by their relative path, sorted by leading
number; wrangler's refusals and its Drizzle hint word by word (each output checked against
``wrangler d1 migrations list|apply|create --local`` 4.164.0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run_main

from workers_env import JsException, load_env

BASE = """\
name = "app"
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "11111111-2222-3333-4444-555555555555"
"""
DRIZZLE = BASE + 'migrations_dir = "migrations"\nmigrations_pattern = "migrations/*/migration.sql"\n'


def layout(root: Path, config: str) -> Path:
    (root / "wrangler.toml").write_text(config)
    for folder, table in (("0001_init", "a"), ("0002_more", "b"), ("10_x", "c"), (".hidden", "h")):
        (root / "migrations" / folder).mkdir(parents=True)
        (root / "migrations" / folder / "migration.sql").write_text(f"CREATE TABLE {table} (x);\n")
    return root


@pytest.fixture
def drizzle(tmp_path, monkeypatch):
    monkeypatch.chdir(layout(tmp_path, DRIZZLE))
    return tmp_path


def test_list_and_apply_take_the_nested_files_in_wrangler_order(drizzle, capsys):
    listed = run_main(capsys, "d1", "migrations", "list", "DB", "--local")
    assert listed.returncode == 0
    names = [line.strip("│ ").strip() for line in listed.stdout.splitlines() if line.startswith("│ 0") or line.startswith("│ 1")]
    assert names == ["0001_init/migration.sql", "0002_more/migration.sql", "10_x/migration.sql"]  # not .hidden
    assert run_main(capsys, "d1", "migrations", "apply", "DB", "--local").returncode == 0
    rows = run_main(capsys, "d1", "execute", "DB", "--local", "--json", "--command", "SELECT name FROM d1_migrations")
    assert '"name": "10_x/migration.sql"' in rows.stdout and "hidden" not in rows.stdout
    assert "✅ No migrations to apply!" in run_main(capsys, "d1", "migrations", "apply", "DB", "--local").stdout


def test_create_refuses_a_file_the_pattern_would_not_pick_up(drizzle, capsys):
    result = run_main(capsys, "d1", "migrations", "create", "DB", "next")
    assert result.returncode == 1
    assert ("Wrangler would like to make a new migration called `migrations/0011_next.sql` but it does not match "
            'the configured `migrations_pattern: "migrations/*/migration.sql"` in your wrangler.toml file') in result.stderr
    assert not (drizzle / "migrations" / "0011_next.sql").exists()


def test_create_numbers_past_the_nested_migrations_when_the_pattern_takes_its_file(tmp_path, monkeypatch, capsys):
    config = BASE + 'migrations_dir = "migrations"\nmigrations_pattern = "migrations/**/*.sql"\n'
    monkeypatch.chdir(layout(tmp_path, config))
    assert run_main(capsys, "d1", "migrations", "create", "DB", "next").returncode == 0
    assert (tmp_path / "migrations" / "0011_next.sql").is_file()  # one past 10_x, a folder's number


@pytest.mark.parametrize("extra,start", [
    ('migrations_pattern = "migrations/*/migration.sql"\n',
     'You have set `migrations_pattern: "migrations/*/migration.sql"` in your wrangler.toml file but have not set '
     "`migrations_dir` for this D1 binding."),
    ('migrations_dir = "migrations"\nmigrations_pattern = "db/*/migration.sql"\n',
     'The configured `migrations_pattern: "db/*/migration.sql"` in your wrangler.toml file must start with '
     '`migrations/` to match `"migrations_dir": "migrations"`.'),
])
def test_a_pattern_wrangler_refuses_is_refused_in_its_words(tmp_path, monkeypatch, capsys, extra, start):
    monkeypatch.chdir(layout(tmp_path, BASE + extra))
    result = run_main(capsys, "d1", "migrations", "apply", "DB", "--local")
    assert result.returncode == 1
    assert f"✘ [ERROR] {start}" in result.stderr
    assert not (tmp_path / ".wrangler").exists()  # nothing opened


def test_without_a_pattern_a_drizzle_layout_gets_wranglers_hint(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(layout(tmp_path, BASE + 'migrations_dir = "migrations"\n'))
    result = run_main(capsys, "d1", "migrations", "list", "DB", "--local")
    assert "▲ [WARNING] Could not find any migration files matching `migrations/*.sql`. It looks like there are " \
           "migration files matching `migrations/*/migration.sql` though." in result.stderr
    assert "✅ No migrations to apply!" in result.stdout
    (tmp_path / "migrations" / "0003_top.sql").write_text("SELECT 1;\n")
    assert "WARNING" not in run_main(capsys, "d1", "migrations", "list", "DB", "--local").stderr


@pytest.mark.asyncio
async def test_the_binding_and_d1_schema_read_the_pattern_too(tmp_path):
    from workers_env.pytest_plugin import apply_d1_schema

    env = load_env(layout(tmp_path, DRIZZLE))
    try:
        with pytest.raises(JsException) as info:
            await env.DB.prepare("SELECT * FROM a").all()
        assert "(0001_init/migration.sql, 0002_more/migration.sql, 10_x/migration.sql)" in info.value.__notes__[0]
        assert apply_d1_schema(env, "DB") == ["0001_init/migration.sql", "0002_more/migration.sql", "10_x/migration.sql"]
        assert (await env.DB.prepare("SELECT count(*) AS n FROM c").first("n")) == 0
    finally:
        env.close()
