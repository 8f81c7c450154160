"""``printf()``/``format()`` cap a field's width and precision at 100,000, as workerd's SQLite
is built (``SQLITE_PRINTF_PRECISION_LIMIT=100000``), whatever SQLite Python links: written in
the format or taken by ``*``, a negative ``*`` width still left-justifying. Every answer here was
measured with wrangler 4.164.0 (tools/wrangler/d1_differential.py, d1_edge_cases.json)."""

from __future__ import annotations

import pytest

from workers_env import JsException

LIMIT = 100_000


async def value(db, sql, *bound):
    return await db.prepare(sql).bind(*bound).first("v")


@pytest.mark.asyncio
@pytest.mark.parametrize(("sql", "length"), [
    ("SELECT length(printf('%.*c', 8388643, 'x')) AS v", LIMIT),  # (uncapped: string or blob too big)
    ("SELECT length(printf('%.*c', 100001, 'x')) AS v", LIMIT),
    ("SELECT length(printf('%.*c', 99999, 'x')) AS v", 99_999),
    ("SELECT length(printf('%200000d', 7)) AS v", LIMIT),
    ("SELECT length(format('%0150000d', 7)) AS v", LIMIT),
    ("SELECT length(printf('%.300000f', 1.5)) AS v", LIMIT + 2),
    ("SELECT length(printf('%.*c%.*c', 3, 'a', 200000, 'b')) AS v", 3 + LIMIT),
    ("SELECT length(printf('%.*c', -250000, 'x')) AS v", LIMIT),  # (a negative precision counts as its size)
    ("SELECT length(printf('%.*c', 250000.7, 'x')) AS v", LIMIT),
    ("SELECT length(printf('%.*s', '999999', 'abc')) AS v", 3),
    ("SELECT length(printf('%4294967297d', 1)) AS v", 1),  # (C's unsigned arithmetic wraps first)
    ("SELECT length(printf('%,200000d', 1234567)) AS v", LIMIT),
])
async def test_capped_lengths(db, sql, length):
    assert await value(db, sql) == length


@pytest.mark.asyncio
async def test_a_format_that_is_not_text_is_read_as_its_text_and_capped(db):
    assert await value(db, "SELECT length(printf(CAST('%.*c' AS BLOB), 8388643, 'x')) AS v") == LIMIT
    assert await value(db, "SELECT length(printf(X'252E2A6300', 200000, 'x')) AS v") == LIMIT  # (to its NUL)
    assert await value(db, "SELECT typeof(printf(CAST('%d' AS BLOB), 5)) || printf(123456, 7) AS v") == "text123456"


@pytest.mark.asyncio
async def test_a_format_writing_nothing_gives_empty_text(db):
    # the linked SQLite's printf gives NULL there, workerd's '' (measured with wrangler 4.164.0)
    for sql in ["printf('')", "format('')", "printf(x'')", "printf(x'00')", "printf('%T', 5)", "printf(?1)"]:
        assert await value(db, f"SELECT quote({sql}) AS v", *([""] if "?1" in sql else [])) == "''", sql
    assert await value(db, "SELECT quote(printf(NULL)) || quote(printf()) AS v") == "NULLNULL"


@pytest.mark.asyncio
async def test_a_negative_star_width_left_justifies(db):
    assert await value(db, "SELECT length(printf('%*d|', -300000, 5)) AS v") == LIMIT + 1
    assert await value(db, "SELECT substr(printf('%*d|', -300000, 5), 1, 3) AS v") == "5  "


@pytest.mark.asyncio
async def test_a_bound_format_and_the_value_limit(db):
    assert await value(db, "SELECT length(printf(?1, 250000, 'x')) AS v", "%.*c") == LIMIT
    with pytest.raises(JsException, match="string or blob too big: SQLITE_TOOBIG"):
        await value(db, "SELECT length(printf(?1 || '%.*c', 100000, 'y')) AS v", "x" * 8_300_000)


@pytest.mark.asyncio
async def test_everything_else_is_the_linked_sqlites_printf(db):
    assert await value(db, "SELECT printf('%d %s %%|%5s|%-3d|%q', 5, 'x', 'ab', 7, 'it''s') AS v") == \
        "5 x %|   ab|7  |it''s"
    assert await value(db, "SELECT format('%c%c', 'ab', 'cd') AS v") == "ac"
    assert await value(db, "SELECT printf(NULL, 5) IS NULL AND printf() IS NULL AS v") == 1
    assert await value(db, "SELECT printf(12) AS v") == "12"
    assert await value(db, "SELECT typeof(printf('%d', 1)) AS v") == "text"


@pytest.mark.asyncio
async def test_in_a_generated_column_a_check_and_an_index(db):
    await db.prepare("CREATE TABLE pg (x INTEGER, y TEXT GENERATED ALWAYS AS (printf('%05d', x)) STORED, "
                     "CHECK (length(printf('%.*c', x, 'z')) <= 100000))").run()
    await db.prepare("INSERT INTO pg (x) VALUES (42), (300000)").run()
    await db.prepare("CREATE INDEX pg_i ON pg (printf('%10d', x))").run()
    assert await db.prepare("SELECT x, y FROM pg ORDER BY x").raw() == [[42, "00042"], [300000, "300000"]]
