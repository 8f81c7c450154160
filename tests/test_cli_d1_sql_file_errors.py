"""``workers-env d1 execute --file``: a path that cannot be read (missing, a folder) and a SQLite
database file are refused with wrangler 4.164.0's texts (``checkForSQLiteBinary``), exit 1."""

from __future__ import annotations

import pytest

from workers_env.cli import main

BINARY = ("✘ [ERROR] Provided file is a binary SQLite database file instead of an SQL text file. The execute "
          "command can only process SQL text files. Please export an SQL file from your SQLite database and "
          "try again.\n\n\n")


@pytest.fixture
def app(d1_app):
    root = d1_app
    (root / "src").mkdir()
    return root


@pytest.mark.parametrize("path", ["nosuch.sql", "src"])
def test_a_path_that_cannot_be_read(app, capsys, path):
    assert main(["d1", "execute", "DB", "--local", "--file", path]) == 1
    assert capsys.readouterr().err == (
        f'✘ [ERROR] Unable to read SQL text file "{path}". Please check the file path and try again.\n\n\n')


@pytest.mark.parametrize("data", [b"SQLite format 3\0rest", b"SQLite format 3"])  # wrangler reads 15 bytes
def test_a_sqlite_database_file(app, capsys, data):
    (app / "data.db").write_bytes(data)
    assert main(["d1", "execute", "DB", "--local", "--file", "data.db"]) == 1
    assert capsys.readouterr().err == BINARY
