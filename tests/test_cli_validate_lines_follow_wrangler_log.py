"""``workers-env validate`` holds its lines to ``WRANGLER_LOG`` as wrangler's logger holds ``deploy
--dry-run``'s (``tools/wrangler/cli_log_level_differential.py``): the config's warnings and
workers-env's notes are warnings (shown down to ``warn``), its errors errors (hidden by ``none``
alone), and ``... is valid.`` a ``log`` line (hidden from ``info`` down); the exit code is the
config's whatever is shown. audit30: a mutant printing ``is valid`` as a warning passed every test."""

from __future__ import annotations

import pytest

from workers_env.cli import main

HEAD = 'name = "x"\nbogus_field = 1\ncompatibility_date = "2025-01-01"\nmain = "entry.py"\ncompatibility_flags = ["python_workers"]\n'
WARNINGS = 'Processing wrangler.toml configuration:\n  - Unexpected fields found in top-level field: "bogus_field"\n'
ERRORS = ('Processing wrangler.toml configuration:\n'
          '  - "d1_databases[0]" bindings should have a string "binding" field but got {"binding":3}.\n')


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "entry.py").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("level", "expected"), [
    (None, WARNINGS + "wrangler.toml is valid.\n"), ("log", WARNINGS + "wrangler.toml is valid.\n"),
    ("info", WARNINGS), ("warn", WARNINGS), ("error", ""), ("none", ""),
])
def test_a_valid_configs_lines(project, monkeypatch, capsys, level, expected):
    (project / "wrangler.toml").write_text(HEAD)
    if level is None:
        monkeypatch.delenv("WRANGLER_LOG", raising=False)
    else:
        monkeypatch.setenv("WRANGLER_LOG", level)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == expected


@pytest.mark.parametrize(("level", "expected"), [
    ("warn", WARNINGS + "\n" + ERRORS), ("error", ERRORS), ("none", ""),
])
def test_an_invalid_configs_blocks(project, monkeypatch, capsys, level, expected):
    (project / "wrangler.toml").write_text(HEAD + '[[d1_databases]]\nbinding = 3\n')
    monkeypatch.setenv("WRANGLER_LOG", level)
    assert main(["validate"]) == 1
    assert capsys.readouterr().out == expected
