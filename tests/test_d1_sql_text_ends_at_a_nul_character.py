"""A NUL character in SQL text: SQLite reads a text only up to it, so the statements before it
run, and the rest -- which starts with the NUL -- holds no statement: workerd's prepare loop
answers ``SQL code did not contain a statement.`` and the transaction rolls back, nothing
written (as wrangler 4.164.0's local D1 does); a NUL inside a quoted string leaves the string
unclosed: SQLite's ``unrecognized token``. Python's sqlite3 refuses any NUL with its own
words (or a bare ``ValueError`` from the statement splitter) -- never reached now."""

from __future__ import annotations

import pytest

from workers_env import JsException
from workers_env.cli import main


async def _tables(db) -> list[list[str]]:
    return await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").raw()


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["SELECT 1 AS a\0, 2 AS b", "SELECT 1;\0SELECT 2", "\0SELECT 1"])
async def test_text_past_the_nul_holds_no_statement(db, sql):
    with pytest.raises(JsException, match="SQL code did not contain a statement"):
        await db.prepare(sql).all()


@pytest.mark.asyncio
async def test_statements_before_it_are_rolled_back(db):
    with pytest.raises(JsException, match="SQL code did not contain a statement"):
        await db.prepare("CREATE TABLE t (x); INSERT INTO t VALUES (1);\0INSERT INTO t VALUES (2)").run()
    assert await _tables(db) == []
    await db.exec("CREATE TABLE u (x)")
    with pytest.raises(JsException, match="SQL code did not contain a statement"):
        await db.batch([db.prepare("INSERT INTO u VALUES (1)"), db.prepare("INSERT INTO u VALUES (2)\0")])
    assert await db.prepare("SELECT count(*) AS n FROM u").first("n") == 0


@pytest.mark.asyncio
async def test_a_batch_with_a_lone_surrogate_too_gets_the_same(db):
    await db.exec("CREATE TABLE t (v TEXT)")
    with pytest.raises(JsException, match="SQL code did not contain a statement"):  # (was a bare UnicodeEncodeError)
        await db.batch([db.prepare("INSERT INTO t VALUES (?)").bind("a\ud800"), db.prepare("SELECT 1\0")])
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0


@pytest.mark.asyncio
async def test_a_nul_inside_a_string_leaves_it_unclosed(db):
    with pytest.raises(JsException, match="""unrecognized token: "'a\""""):
        await db.prepare("SELECT 'a\0b' AS x").first()


def test_the_command_line_file_gets_the_same(tmp_path, monkeypatch, capsys):
    (tmp_path / "wrangler.toml").write_text(
        'name = "n"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\n'
        'database_id = "00000000-0000-0000-0000-000000000001"\n')
    (tmp_path / "b.sql").write_bytes(b"SELECT 1 AS a\0, 2 AS b;")
    monkeypatch.chdir(tmp_path)
    assert main(["d1", "execute", "DB", "--local", "--file", "b.sql", "--json"]) == 1
    out = capsys.readouterr().out
    assert '"text": "SQL code did not contain a statement."' in out and "Traceback" not in out
