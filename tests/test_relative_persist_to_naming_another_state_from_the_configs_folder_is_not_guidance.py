"""A relative ``persist_to`` that names another state than ``.wrangler/state`` from the config's
own folder too (``scratch``, a fresh state chosen on purpose) gets no ``StateElsewhereWarning`` and
no ``(workers-env: ...)`` line from ``workers-env kv``/``d1``, though its namespace or database is
empty while the state beside the config holds one: the guidance says a relative path "is read from
the current folder, not the config's", which is no mistake there -- from the config's folder it is
the same folder, and from a subfolder it never meant the state beside the config."""

from __future__ import annotations

import asyncio
import warnings

from cli_helpers import run_main

from workers_env import StateElsewhereWarning, load_env

WRANGLER = ('name = "w"\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc123"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')


def _project(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run_main(capsys, "kv", "key", "put", "greeting", "hello", "--binding", "CACHE", "--local").returncode == 0
    assert run_main(capsys, "d1", "execute", "DB", "--local", "--command", "create table notes (t text)").returncode == 0
    return tmp_path


def _warnings(project, persist_to) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with load_env(project, persist_to=persist_to) as env:
            assert asyncio.run(env.CACHE.get("greeting")) is None
    return [str(w.message) for w in caught if issubclass(w.category, StateElsewhereWarning)]


def test_load_env_from_the_configs_folder_with_another_relative_state_does_not_warn(tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    assert _warnings(project, "scratch") == []


def test_load_env_from_a_subfolder_with_a_relative_state_not_meaning_the_one_beside_does_not_warn(
        tmp_path, capsys, monkeypatch):
    project = _project(tmp_path, capsys, monkeypatch)
    monkeypatch.chdir(project / "sub")
    assert _warnings(project, "scratch") == []


def test_the_kv_cli_from_the_configs_folder_prints_wranglers_answer_alone(tmp_path, capsys, monkeypatch):
    _project(tmp_path, capsys, monkeypatch)
    result = run_main(capsys, "kv", "key", "get", "greeting", "--binding", "CACHE", "--local", "--persist-to", "scratch")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Value not found\n", "")


def test_the_d1_cli_from_the_configs_folder_prints_wranglers_output_alone(tmp_path, capsys, monkeypatch):
    _project(tmp_path, capsys, monkeypatch)
    result = run_main(capsys, "d1", "execute", "DB", "--local", "--json", "--persist-to", "scratch",
                      "--command", "create table notes (t text)")
    assert (result.returncode, result.stderr) == (0, "")
    assert '"success": true' in result.stdout
