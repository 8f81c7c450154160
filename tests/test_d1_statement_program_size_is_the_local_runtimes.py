"""How large a statement's SQLite program may grow, as wrangler 4.164's local runtime has it: up
to 172,032 opcodes (42 * 2**12, where SQLite's doubling opcode array stops), not the 25,000 that
workerd's ``setupSecurity`` names; past it ``D1_ERROR: out of memory: SQLITE_NOMEM``. Each
statement here was run under wrangler 4.164.0 with ``tools/wrangler/d1_differential.py``'s
reference (its opcodes counted with ``EXPLAIN``): the long ``IN`` list and ``VALUES`` ran there
(workers-env answered them with a bare ``MemoryError`` before); the two views with an ``IN`` list
of 7,324 items are 172,024 opcodes there (172,032 here) and ran, with 7,327 items 172,033 there
(172,041 here) and refused."""

from __future__ import annotations

import pytest
from d1_helpers import d1_database

from workers_env import JsException


def in_list(count: int) -> str:
    return ",".join(["1"] * count)


def over_two_views(count: int) -> str:
    return f"SELECT count(*) AS m FROM v1, v2 WHERE random() IN ({in_list(count)})"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    with d1_database(tmp_path_factory.mktemp("d1")) as binding:
        yield binding


@pytest.mark.asyncio
async def test_a_statement_of_150000_opcodes_runs(db):
    assert await db.prepare(f"SELECT 1 AS m WHERE random() IN ({in_list(49_900)})").first("m") is None
    values = ",".join(["(1)"] * 24_900)
    assert await db.prepare(f"SELECT count(*) AS m FROM (VALUES {values})").first("m") == 24_900


@pytest.mark.asyncio
async def test_a_program_holds_at_most_172032_opcodes(db):
    await db.batch([db.prepare(f"CREATE VIEW v{n} AS SELECT 1 AS m WHERE random() IN ({in_list(25_000)})")
                    for n in (1, 2)])
    await db.exec("CREATE TABLE t (x)")
    assert await db.prepare(over_two_views(7_324)).first("m") == 0
    with pytest.raises(JsException) as info:
        await db.prepare(over_two_views(7_327)).first("m")
    assert info.value.message == "D1_ERROR: out of memory: SQLITE_NOMEM"
    with pytest.raises(JsException) as info:  # a batch holding one writes nothing
        await db.batch([db.prepare("INSERT INTO t VALUES (1)"), db.prepare(over_two_views(7_327))])
    assert info.value.message == "D1_ERROR: out of memory: SQLITE_NOMEM"
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0
