"""A D1 row object (``all()``'s results, ``first()``, ``d1 execute --json``) is a JavaScript object
built from the columns, so columns named as array indices (``"1"``, ``"2"``) come first,
ascending, then the others in column order -- as wrangler 4.164.0 prints ``SELECT 1 AS b, 2 AS "2",
3 AS "1"`` (``{"1": 3, "2": 2, "b": 1}``) and Pyodide's ``to_py`` hands the object over."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run_main

from workers_env import load_env

WRANGLER = ('name = "x"\ncompatibility_date = "2026-05-01"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "d1id"\n')
SQL = 'SELECT 1 AS b, 2 AS "2", 3 AS "1", 4 AS "01", 5 AS "b"'
ORDER = ["1", "2", "b", "01"]


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_bindings_rows_list_index_named_columns_first(root: Path) -> None:
    db = load_env(root).DB

    async def read() -> Any:
        many = await db.prepare(f"{SQL} UNION ALL {SQL}").all()
        return list(many["results"]), await db.prepare(SQL).first()
    rows, first = asyncio.run(read())
    assert [list(row) for row in rows] == [ORDER, ORDER]
    assert list(first) == ORDER and first["b"] == 5


def test_d1_execute_json_prints_them_so(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    done = run_main(capsys, "d1", "execute", "db", "--local", "--json", "--command", SQL)
    assert done.returncode == 0, done.stderr
    assert list(json.loads(done.stdout)[0]["results"][0]) == ORDER
