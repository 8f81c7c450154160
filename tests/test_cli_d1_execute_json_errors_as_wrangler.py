"""``d1 execute --json``'s stdout byte for byte as wrangler 4.164.0 writes it, on success and on
each kind of failure, and still JSON that ``JSON.parse``/``json.loads`` reads.

A failure goes through wrangler's ``handleError``: its empty line, then the
``JsonFriendlyFatalError``'s message -- ``{"error": {"text": ...}}`` for what the query step
threw, but for ``--command`` with ``--file`` the ``createFatalError`` message alone as a JSON
string (``"Error: can't provide both --command and --file."``). A broken config is no JSON:
wrangler reads it before the command, so it is its plain error on stderr.
"""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

TOML = ('name = "x"\ncompatibility_date = "2025-01-01"\n[[d1_databases]]\nbinding = "DB"\n'
        'database_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n')


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    (tmp_path / "q.sql").write_text("select 1;\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["d1", "execute", "DB", "--local", "--json", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_success_is_the_results_alone(app, capsys):
    code, out, err = run(capsys, "--command", "select 1 as one")
    assert (code, err) == (0, "")
    assert out.startswith("[\n  {\n") and json.loads(out)[0]["results"] == [{"one": 1}]


def test_command_and_file_together_is_a_json_string(app, capsys):
    code, out, err = run(capsys, "--command", "select 1", "--file", "q.sql")
    assert (code, out, err) == (1, "\n\"Error: can't provide both --command and --file.\"\n", "")
    assert json.loads(out) == "Error: can't provide both --command and --file."


@pytest.mark.parametrize(("argv", "text"), [
    (["--command", "select * from nope"], "no such table: nope: SQLITE_ERROR"),
    ([], 'Missing required option --command or --file. Provide a SQL command inline with --command="<SQL>", '
         "or a path to a SQL file with --file=<path>."),
    (["--file", "missing.sql"], 'Unable to read SQL text file "missing.sql". Please check the file path and try again.'),
])
def test_what_the_query_step_throws_is_an_error_object(app, capsys, argv, text):
    code, out, err = run(capsys, *argv)
    assert (code, err) == (1, "")
    assert out == "\n" + json.dumps({"error": {"text": text}}, indent=2) + "\n"
    assert json.loads(out) == {"error": {"text": text}}


def test_a_broken_config_is_its_plain_error(app, capsys):
    (app / "wrangler.toml").write_text(TOML.replace('name = "x"', "name = 1"))
    code, out, err = run(capsys, "--command", "select 1")
    assert (code, out) == (1, "\n")
    assert err.startswith("✘ [ERROR] Processing wrangler.toml configuration:\n\n    - Expected \"name\"")
    assert err.endswith("\n\n\n")
