"""``WRANGLER_LOG`` holds every command's output to its level, as wrangler 4.164.0's logger holds
its every command's (measured: ``tools/wrangler/cli_log_level_differential.py``): the command's
``log`` lines -- progress, results, ``--json`` output, ``Value not found`` -- go from ``info``
down, warnings (the config's, workers-env's notes) from ``error`` down, errors (with their
``(workers-env: ...)`` lines) at ``none`` alone; what wrangler writes past its logger stays -- a
usage error's help, ``kv key get``'s value. A value that is no level is warned of once, and
counts from a ``.env`` file as from the shell."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = ('name = "x"\nbogus_field = 1\ncompatibility_date = "2025-01-01"\n[[d1_databases]]\nbinding = "DB"\n'
        'database_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
WARNING = '▲ [WARNING] Processing wrangler.toml configuration:\n\n    - Unexpected fields found in top-level field: "bogus_field"\n\n\n'
UNRECOGNISED = ('▲ [WARNING] Unrecognised WRANGLER_LOG value "loud", expected "none" | "error" | "warn" | "info" | '
                '"log" | "debug", defaulting to "log"...\n\n\n')


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, monkeypatch, level: str | None, *argv: str) -> tuple[int, str, str]:
    if level is None:
        monkeypatch.delenv("WRANGLER_LOG", raising=False)
    else:
        monkeypatch.setenv("WRANGLER_LOG", level)
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


SELECT = ("d1", "execute", "DB", "--local", "--command", "select 1 as one")


@pytest.mark.parametrize(("level", "shows_out", "shows_warning"), [
    (None, True, True), ("log", True, True), ("debug", True, True), ("DEBUG", True, True),
    ("info", False, True), ("warn", False, True), ("error", False, False), ("none", False, False),
])
def test_a_commands_lines_and_warnings_at_each_level(app, capsys, monkeypatch, level, shows_out, shows_warning):
    code, out, err = run(capsys, monkeypatch, level, *SELECT)
    assert code == 0
    assert ('"one": 1' in out) is shows_out and (out == "") is not shows_out
    assert err == (WARNING if shows_warning else "")


@pytest.mark.parametrize("level", ["info", "warn", "error", "none"])
def test_json_output_is_a_log_line_too(app, capsys, monkeypatch, level):
    assert run(capsys, monkeypatch, level, *SELECT, "--json")[:2] == (0, "")


@pytest.mark.parametrize(("level", "shown"), [("warn", True), ("error", True), ("none", False)])
def test_an_error_goes_with_none_alone(app, capsys, monkeypatch, level, shown):
    code, out, err = run(capsys, monkeypatch, level, "d1", "execute", "DB", "--local", "--command", "select nope")
    assert code == 1 and out == ""  # (handleError's empty line is a log line)
    assert ("✘ [ERROR] no such column: nope" in err) is shown and (WARNING in err) is (level == "warn")
    assert (err == "") is not shown


def test_an_errors_own_note_goes_with_it(app, capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "error", "d1", "execute", "D", "--local", "--command", "select 1")
    assert code == 1 and out == "" and "✘ [ERROR] Couldn't find a D1 DB" in err and "(workers-env: did you mean 'db'?" in err
    assert run(capsys, monkeypatch, "none", "d1", "execute", "D", "--local", "--command", "select 1") == (1, "", "")


@pytest.mark.parametrize("level", ["info", "none"])
def test_a_usage_errors_help_is_printed_whatever_the_level(app, capsys, monkeypatch, level):
    code, out, err = run(capsys, monkeypatch, level, "d1", "execute", "--local")
    assert code == 1 and out.startswith("usage: workers-env d1 execute ")  # without handleError's empty line
    assert ("Not enough non-option arguments" in err) is (level != "none")


def test_kv_key_gets_value_is_written_whatever_the_level_and_its_miss_is_a_log_line(app, capsys, monkeypatch):
    assert run(capsys, monkeypatch, "none", "kv", "key", "put", "k", "v", "--binding", "KV", "--local") == (0, "", "")
    assert run(capsys, monkeypatch, "none", "kv", "key", "get", "k", "--binding", "KV", "--local") == (0, "v", "")
    assert run(capsys, monkeypatch, "info", "kv", "key", "get", "gone", "--binding", "KV", "--local")[:2] == (0, "")
    assert run(capsys, monkeypatch, "info", "kv", "key", "list", "--binding", "KV", "--local")[:2] == (0, "")
    assert run(capsys, monkeypatch, None, "kv", "key", "get", "gone", "--binding", "KV", "--local")[1] == "Value not found\n"


def test_a_value_that_is_no_level_is_warned_of_once_and_is_log(app, capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, "loud", *SELECT)
    assert code == 0 and '"one": 1' in out
    assert err == UNRECOGNISED + WARNING


def test_a_dot_env_files_value_counts(app, capsys, monkeypatch):
    (app / ".env").write_text("WRANGLER_LOG=none\n")
    assert run(capsys, monkeypatch, None, *SELECT) == (0, "", "")
    (app / ".env").write_text("WRANGLER_LOG=loud\n")
    code, out, err = run(capsys, monkeypatch, None, *SELECT)
    assert code == 0 and '"one": 1' in out and err == UNRECOGNISED + WARNING


@pytest.mark.parametrize(("level", "shown"), [(None, True), ("log", True), ("info", False), ("none", False)])
def test_the_version_is_a_log_line(app, capsys, monkeypatch, level, shown):
    with pytest.raises(SystemExit) as exited:  # (argparse's version action exits)
        run(capsys, monkeypatch, level, "-v")
    out, err = capsys.readouterr()
    assert (exited.value.code, err) == (0, "") and (out.strip() != "") is shown  # (wrangler -v: nothing from info down)


@pytest.mark.parametrize(("level", "out_shown", "warning_shown"), [
    (None, True, True), ("info", False, True), ("warn", False, True), ("error", False, False)])
def test_vectorizes_lines_follow_wranglers_logger_calls(app, capsys, monkeypatch, level, out_shown, warning_shown):
    # wrangler's `vectorize list`: logger.log("📋 Listing ..."), then logger.warn for no index
    code, out, err = run(capsys, monkeypatch, level, "vectorize", "list")
    assert code == 0 and ("📋 Listing Vectorize indexes..." in out) is out_shown and (out == "") is not out_shown
    assert ("You haven't created any indexes" in err) is warning_shown
