"""``d1``'s commands print the config's warnings once, on stderr, ``--json`` or not, as
wrangler 4.164.0 does (measured with ``wrangler d1 migrations list|apply|create`` and
``d1 execute --json`` on a config with an unexpected field and an unknown ``--env``): wrangler
reads the config before the command sets ``--json``'s log level, and stdout stays clean JSON.
(``migrations`` printed them twice; ``execute --json`` not at all.)"""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

TOML = ('name = "w"\nunknownfield = 1\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\n'
        'database_id = "x"\n')
WARNING = ('▲ [WARNING] Processing wrangler.toml configuration:\n\n'
           '    - Unexpected fields found in top-level field: "unknownfield"\n')


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    (root / "migrations").mkdir()
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("argv", [
    ["d1", "migrations", "list", "DB", "--local"],
    ["d1", "migrations", "apply", "DB", "--local"],
    ["d1", "migrations", "create", "DB", "first"],
    ["d1", "execute", "DB", "--local", "--command", "select 1"],
    ["d1", "export", "DB", "--local", "--output", "o.sql"],
], ids=["migrations list", "migrations apply", "migrations create", "execute", "export"])
def test_once(app, capsys, argv):
    assert main(argv) == 0
    assert capsys.readouterr().err.count("▲ [WARNING] Processing wrangler.toml configuration:") == 1


def test_with_json_on_stderr(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--json"]) == 0
    out = capsys.readouterr()
    assert out.err.startswith(WARNING)
    assert json.loads(out.out)[0]["results"] == [{"one": 1}]


def test_with_json_before_the_commands_own_error(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--json"]) == 1  # no --command
    out = capsys.readouterr()
    assert out.err.startswith(WARNING)
    assert json.loads(out.out)["error"]["text"].startswith("Missing required option --command or --file.")
