"""``d1 create|info|list|delete|insights|time-travel info|restore`` act on the Cloudflare account
only: wrangler 4.164.0 has no local mode for them and, offline, stops each where its handler asks
for ``CLOUDFLARE_API_TOKEN`` (before any line of its own), exit 1. Here they are commands with
wrangler's arguments: a right line reads the config once, as wrangler's command runner does (its
warnings once; a broken config's error instead), then one error says the command needs
Cloudflare's API and what runs locally instead, exit 1, nothing written -- not ``Unknown
argument``. Measured: ``tools/wrangler/d1_account_differential.py``."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = ('name = "x"\nbogus_field = 1\ncompatibility_date = "2025-01-01"\n[[d1_databases]]\nbinding = "DB"\n'
        'database_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n')
WARNING = '▲ [WARNING] Processing wrangler.toml configuration:\n\n    - Unexpected fields found in top-level field: "bogus_field"\n\n\n'


@pytest.fixture(autouse=True)
def app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["d1", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("argv", "command"), [
    (["create", "new-db"], "create"),
    (["create", "new-db", "--location", "weur", "--jurisdiction", "eu", "--binding", "NEW", "--update-config",
      "--use-remote"], "create"),
    (["info", "DB", "--json"], "info"),
    (["list"], "list"),
    (["delete", "nope", "-y"], "delete"),
    (["insights"], "insights"),
    (["insights", "db", "--sort-by", "reads", "--sort-type", "avg", "--limit", "abc", "--json"], "insights"),
    (["time-travel", "info", "DB", "--timestamp", "nope"], "time-travel info"),
    (["time-travel", "restore", "DB", "--bookmark", "b1", "--json"], "time-travel restore"),
])
def test_a_right_line_reads_the_config_once_then_is_refused(app, capsys, argv, command):
    (app / "wrangler.toml").write_text(TOML)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "\n")  # (handleError's empty line)
    assert err.startswith(WARNING + f"✘ [ERROR] `d1 {command}` ") and err.endswith("\n\n\n")
    assert WARNING not in err[len(WARNING):]  # (once, where `kv namespace create` reads it twice)
    assert "Cloudflare account through its API, which wrangler logs in to (CLOUDFLARE_API_TOKEN)" in err
    assert f"run `wrangler d1 {command}` for it; running locally needs no database made first" in err
    assert sorted(p.name for p in app.iterdir()) == ["wrangler.toml"]  # nothing written


def test_without_a_config_the_refusal_alone(capsys):
    code, out, err = run(capsys, "list")
    assert (code, out) == (1, "\n") and err.startswith("✘ [ERROR] `d1 list` lists the databases in your Cloudflare")


def test_a_broken_config_is_its_error_first(app, capsys):
    (app / "wrangler.toml").write_text('name = 1\ncompatibility_date = "2025-01-01"\n')
    code, out, err = run(capsys, "create", "x")
    assert (code, out) == (1, "\n") and "Processing wrangler.toml configuration" in err and "`d1 create`" not in err


def test_a_config_named_that_is_not_there_is_wranglers_error(capsys):
    code, out, err = run(capsys, "info", "db", "-c", "missing.toml")
    assert (code, out) == (1, "\n") and err.startswith("✘ [ERROR] Could not read file: missing.toml\n")


@pytest.mark.parametrize(("level", "err_shown", "warning_shown"), [
    ("info", True, True), ("error", True, False), ("none", False, False)])
def test_wrangler_log_holds_the_refusal_to_its_level(app, capsys, monkeypatch, level, err_shown, warning_shown):
    (app / "wrangler.toml").write_text(TOML)
    monkeypatch.setenv("WRANGLER_LOG", level)
    code, out, err = run(capsys, "list")
    assert (code, out) == (1, "")  # (the empty line is a log line)
    assert ("`d1 list`" in err) is err_shown and (WARNING in err) is warning_shown
