"""A state beside the config whose folders cannot be searched (EACCES: written by another user,
a container's root) does not fail ``workers-env kv``/``d1 --persist-to`` run from a subfolder,
which never use it: the state-elsewhere guidance reads it as holding nothing, and the command
prints wrangler's answer alone. The tests run as root, for whom ``chmod 000`` denies nothing, so
the denial is ``Path.is_file`` raising ``PermissionError`` below that folder, as it does for
another user (Python 3.11 ignores only ENOENT, ENOTDIR, EBADF and ELOOP there)."""

from __future__ import annotations

import errno
import pathlib

import pytest
from cli_helpers import run_main

WRANGLER = ('name = "w"\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "abc123"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\n'
            'database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"\n')


@pytest.fixture
def from_a_subfolder(tmp_path, capsys, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    assert run_main(capsys, "kv", "key", "put", "greeting", "hello", "--binding", "CACHE", "--local").returncode == 0
    assert run_main(capsys, "d1", "execute", "DB", "--local", "--command", "create table notes (t text)").returncode == 0
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    denied = str(tmp_path / ".wrangler" / "state" / "v3") + "/"
    is_file = pathlib.Path.is_file

    def searching(path: pathlib.Path) -> bool:
        if str(path.absolute()).startswith(denied):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return is_file(path)

    monkeypatch.setattr(pathlib.Path, "is_file", searching)


def test_kv_prints_wranglers_answer_alone(from_a_subfolder, capsys):
    result = run_main(capsys, "kv", "key", "get", "greeting", "--binding", "CACHE", "--local",
                      "--persist-to", ".wrangler/state")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Value not found\n", "")


def test_d1_prints_wranglers_output_alone(from_a_subfolder, capsys):
    result = run_main(capsys, "d1", "execute", "DB", "--local", "--json", "--persist-to", ".wrangler/state",
                      "--command", "create table notes (t text)")
    assert (result.returncode, result.stderr) == (0, "")
    assert '"success": true' in result.stdout
