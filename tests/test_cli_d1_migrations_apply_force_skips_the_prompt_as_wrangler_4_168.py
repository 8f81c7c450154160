"""``d1 migrations apply --force`` (``-y``), new in wrangler 4.168.0: the confirmation is not asked;
its line ``--force passed, applying N migration(s) without prompt.`` stands where the question and
its non-interactive answer stood. ``--no-force`` and ``--force=false`` ask as before. Each output
compared with wrangler 4.168.0's on the same project (currency68); 4.164.0 refused the option
(yargs' ``Unknown argument: force``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.cli import main

PROMPT = ("? About to apply 2 migration(s)\n"
          "Your database may not be available to serve requests during the migration, continue?\n"
          "🤖 Using fallback value in non-interactive context: yes\n")
FORCED = "--force passed, applying 2 migration(s) without prompt.\n"
PENDING = ("Migrations to be applied:\n┌────────────┐\n│ name       │\n├────────────┤\n│ 0001_a.sql │\n"
           "├────────────┤\n│ 0002_b.sql │\n└────────────┘\n")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "wrangler.toml").write_text(
        'name = "m"\nmain = "src/index.js"\ncompatibility_date = "2026-11-01"\n[[d1_databases]]\nbinding = "DB"\n'
        'database_name = "db"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n', encoding="utf-8")
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_a.sql").write_text("CREATE TABLE t(a);\n", encoding="utf-8")
    (tmp_path / "migrations" / "0002_b.sql").write_text("CREATE TABLE u(a);\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("options", "asked"), [
    (["--force"], FORCED), (["-y"], FORCED), (["--force=true"], FORCED),
    (["--no-force"], PROMPT), (["--force=false"], PROMPT), ([], PROMPT),
])
def test_apply_force_replaces_the_question(project: Path, capsys: pytest.CaptureFixture[str], options: list[str],
                                           asked: str) -> None:
    assert main(["d1", "migrations", "apply", "DB", *options]) == 0
    out = capsys.readouterr().out
    head = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n" + PENDING
    assert out.startswith(head + asked + "🌀 Executing on local database DB "), out
    assert out.count("🚣 2 commands executed successfully.") == 2
    assert main(["d1", "migrations", "apply", "DB", *options]) == 0
    assert "✅ No migrations to apply!" in capsys.readouterr().out


def test_list_takes_no_force(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--force`` is ``apply``'s alone: ``list`` refuses it as wrangler 4.168.0's yargs does."""
    assert main(["d1", "migrations", "list", "DB", "--force"]) == 1
    assert "Unknown argument: force" in capsys.readouterr().err
