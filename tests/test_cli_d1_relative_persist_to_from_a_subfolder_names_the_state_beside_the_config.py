"""``workers-env d1 ... --local --persist-to .wrangler/state`` run from a subfolder reads that
folder from the current one, as wrangler does, and so a new database with no table; when the
state beside the config holds the database with tables (where ``d1 execute``/``migrations apply``
wrote without ``--persist-to``), a ``(workers-env: ...)`` line on stderr says so before
wrangler's output, which is unchanged ("no such table: notes: SQLITE_ERROR"). From the config's
folder, or with an absolute ``--persist-to``: wrangler's output alone."""

from __future__ import annotations

from cli_helpers import run_main

WRANGLER = ('name = "w"\ncompatibility_date = "2025-01-01"\n[[d1_databases]]\nbinding = "DB"\n'
            'database_name = "notes-db"\ndatabase_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')
SELECT = ["d1", "execute", "DB", "--local", "--command", "select t from notes"]


def _project(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run_main(capsys, "d1", "execute", "DB", "--local", "--command", "create table notes (t text)").returncode == 0
    return tmp_path


def test_a_relative_persist_to_from_a_subfolder_names_the_state_beside_the_config(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    result = run_main(capsys, *SELECT, "--persist-to", ".wrangler/state")
    assert result.returncode == 1
    assert result.stderr == (
        f"(workers-env: --persist-to .wrangler/state is {project / 'sub' / '.wrangler' / 'state'}, where the "
        f"database of DB has no table, while the state beside the config ({project / '.wrangler' / 'state'}) holds "
        "one that has: a relative --persist-to is read from the current folder, as wrangler reads it)\n"
        "✘ [ERROR] no such table: notes: SQLITE_ERROR\n\n\n")


def test_the_configs_folder_and_an_absolute_persist_to_print_wranglers_output_alone(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    same = run_main(capsys, *SELECT, "--persist-to", ".wrangler/state")
    assert (same.returncode, same.stderr) == (0, "")
    monkeypatch.chdir(project / "sub")
    other = run_main(capsys, *SELECT, "--persist-to", str(project / "sub" / "fresh"))
    assert (other.returncode, other.stderr) == (1, "✘ [ERROR] no such table: notes: SQLITE_ERROR\n\n\n")


def test_without_persist_to_a_subfolder_reads_the_state_beside_the_config(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    result = run_main(capsys, *SELECT)
    assert (result.returncode, result.stderr) == (0, "")
