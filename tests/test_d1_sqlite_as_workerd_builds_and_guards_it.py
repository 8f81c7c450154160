"""What workerd's SQLite is and lets user SQL do, whatever SQLite Python links: defensive mode
(FTS5's shadow tables read-only), no virtual tables or functions its build leaves out
(``dbstat``, ``sqlite_stmt``, ``soundex``), no ``RENAME TO`` a ``_cf_`` name (workerd's patched
SQLite hands the authorizer the new name), ``VACUUM`` refused as inside D1's transaction,
``PRAGMA optimize``'s number read as kj reads it, and a STRICT table's error named. Each measured
on wrangler 4.164.0 with tools/wrangler/d1_differential.py (tools/wrangler/d1_edge_cases.json)."""

from __future__ import annotations

import pytest
from d1_helpers import error_message


@pytest.mark.asyncio
async def test_fts5_shadow_tables_are_read_only(db):
    await db.prepare("CREATE VIRTUAL TABLE f USING fts5(x)").run()
    await db.prepare("INSERT INTO f VALUES ('hello')").run()
    assert await db.prepare("SELECT count(*) AS n FROM f_data").first("n") > 0
    assert await error_message(db.prepare("INSERT INTO f_data VALUES (999, x'00')").run()) == \
        "D1_ERROR: table f_data may not be modified: SQLITE_ERROR"
    assert await db.prepare("SELECT x FROM f WHERE f MATCH 'hello'").raw() == [["hello"]]


@pytest.mark.asyncio
@pytest.mark.parametrize("table", ["dbstat", "sqlite_stmt", "sqlite_dbpage"])
async def test_virtual_tables_workerds_build_lacks(db, table):
    assert await error_message(db.prepare(f"SELECT * FROM {table}").all()) == \
        f"D1_ERROR: no such table: {table}: SQLITE_ERROR"


@pytest.mark.asyncio
async def test_the_modules_it_has_still_work(db):
    await db.prepare("CREATE VIRTUAL TABLE r USING rtree(id, x0, x1)").run()
    await db.prepare("INSERT INTO r VALUES (1, 0, 10)").run()
    assert await db.prepare("SELECT id FROM r WHERE x0 <= 5").raw() == [[1]]
    assert await db.prepare("SELECT key FROM json_each('[7]')").raw() == [[0]]
    assert await db.prepare("SELECT name FROM pragma_table_info('r') ORDER BY cid").raw() == [["id"], ["x0"], ["x1"]]


@pytest.mark.asyncio
async def test_soundex_is_no_function_there(db):
    assert await error_message(db.prepare("SELECT 'soundex(' AS s, soundex('Robert') AS v").all()) == \
        "D1_ERROR: no such function: soundex at offset 24: SQLITE_ERROR"


@pytest.mark.asyncio
async def test_rename_to_a_reserved_name_is_refused(db):
    await db.prepare("CREATE TABLE t (a)").run()
    for sql in ("ALTER TABLE t RENAME TO _cf_t", 'ALTER TABLE t RENAME /* c */ TO "_CF_t"'):
        assert await error_message(db.prepare(sql).run()) == "D1_ERROR: not authorized: SQLITE_AUTH"
    await db.prepare("ALTER TABLE t RENAME COLUMN a TO _cf_a").run()  # a column may be named so
    await db.prepare("ALTER TABLE t RENAME TO u").run()
    assert await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'u'").raw() == [["u"]]


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["VACUUM", "vacuum main", "/* c */ VACUUM INTO 'x.db'", "SELECT 1; VACUUM"])
async def test_vacuum_is_refused_as_inside_a_transaction(db, sql):
    assert await error_message(db.prepare(sql).run()) == (
        "D1_ERROR: cannot VACUUM from within a transaction: SQLITE_ERROR")


@pytest.mark.asyncio
@pytest.mark.parametrize("sql, allowed", [
    ("PRAGMA optimize = 0x10002", True), ("PRAGMA optimize = -0x10", True), ("PRAGMA optimize(2)", True),
    ("PRAGMA optimize = 2147483648", False), ("PRAGMA quick_check(-1)", True), ("PRAGMA quick_check(0x10)", True),
])
async def test_pragma_numbers_as_kj_parses_them(db, sql, allowed):
    if allowed:
        await db.prepare(sql).all()
    else:
        assert await error_message(db.prepare(sql).all()) == "D1_ERROR: not authorized: SQLITE_AUTH"


@pytest.mark.asyncio
async def test_a_strict_tables_type_error_names_its_extended_code(db):
    await db.prepare("CREATE TABLE s (i INTEGER) STRICT").run()
    assert await error_message(db.prepare("INSERT INTO s VALUES (?)").bind(1.5).run()) == (
        "D1_ERROR: cannot store REAL value in INTEGER column s.i: SQLITE_CONSTRAINT "
        "(extended: SQLITE_CONSTRAINT_DATATYPE)")


@pytest.mark.asyncio
async def test_a_last_row_id_beyond_2_53_is_a_javascript_number(db):
    await db.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY)").run()
    meta = (await db.prepare("INSERT INTO t VALUES (9007199254740993)").run()).meta
    assert meta["last_row_id"] == 9007199254740992.0 and isinstance(meta["last_row_id"], float)
    assert (await db.prepare("INSERT INTO t VALUES (-5)").run()).meta["last_row_id"] == -5
