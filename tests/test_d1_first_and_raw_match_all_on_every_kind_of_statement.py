"""``first()`` and ``raw()`` take a shorter path than ``all()`` (one statement's columns and rows,
no timing, no result object; ``bind()`` keeps common values in one pass): on every kind of
statement they give what ``all()`` gives -- the same rows, the same errors with the same texts,
and the same state left behind for the next query's ``meta`` (``last_row_id``, ``size_after``)
and for the tables -- and one database's cursor, shared by threads, answers each its own row.
A repeated query's column names are kept while its result has the same shape: a schema changed
in between, here or by another connection to the file, gives the new names in their key order."""

from __future__ import annotations

import asyncio
import math
import threading

import numpy as np
import pytest
from d1_helpers import D1_WRANGLER, d1_database

from workers_env import load_env
from workers_env._errors import JsException
from workers_env.d1.values import bind_values, js_bind_value, sqlite_param

# (sql, bound values): reads, writes with and without RETURNING, numbered and named
# parameters, PRAGMAs, values that change on the way (big integers, whole REALs, Infinity,
# BLOBs), JavaScript key order, and refusals of every kind, in an order where each leaves
# state the next ones see.
STATEMENTS: list[tuple[str, tuple]] = [
    ("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data BLOB)", ()),
    ("INSERT INTO t (name, score, data) VALUES (?, ?, ?) RETURNING *", ("a", 1.5, b"\x00\xff")),
    ("INSERT INTO t (name) VALUES (?1) RETURNING id, ?1 AS again", ("b",)),
    ("INSERT INTO t (name, score) VALUES (:n, :s) RETURNING id, :n", ("c", 2)),
    ("SELECT :x, ?, :x", (1, 2)),
    ("INSERT INTO t (name) VALUES ('plain')", ()),
    ("SELECT * FROM t WHERE id = ?", (1,)),
    ("SELECT * FROM t WHERE id = ?", (999,)),
    ("SELECT * FROM t ORDER BY id", ()),
    ("SELECT 9007199254740993 AS big, 2.0 AS whole, 2.5 AS half, 1e999 AS inf, NULL AS n, X'0001' AS b", ()),
    ("SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e", (None, True, 9007199254740990, float("nan"), [1, 2])),
    ('SELECT 1 AS "2", 2 AS "1", 3 AS a', ()),
    ("SELECT 1 AS a, 2 AS a, 3 AS b", ()),
    ("UPDATE t SET score = coalesce(score, 0) + 1 WHERE id > ?", (0,)),
    ("DELETE FROM t WHERE id = ? RETURNING name", (2,)),
    ("PRAGMA table_info(t)", ()),
    ("PRAGMA foreign_keys", ()),
    ("CREATE TRIGGER boom AFTER INSERT ON t WHEN NEW.name = 'boom' BEGIN SELECT RAISE(ABORT, 'no boom'); END", ()),
    ("INSERT INTO t (name) VALUES ('boom') RETURNING id", ()),
    ("INSERT INTO t (name) VALUES ('a') RETURNING id", ()),
    ("SELECT * FROM missing", ()),
    ("SELECT ?", (1, 2)),
    ("SELECT ?101", ()),
    ("SELECT " + ", ".join("?" for _ in range(101)), tuple(range(101))),
    ("ATTACH 'other.db' AS other", ()),
    ("BEGIN", ()),
    ("SELECT * FROM _cf_KV", ()),
    ("SELECT 1; SELECT 2 AS two", ()),
    ("INSERT INTO t (name) VALUES ('x1'); INSERT INTO t (name) VALUES ('x2') RETURNING id", ()),
    ("", ()),
    ("-- only a comment", ()),
    ("SELECT 1 AS one\0 and the rest", ()),
    ("SELECT '\ud800' AS lone, ? AS bound", ("\udfff",)),
    ("INSERT INTO t (name) VALUES (?) RETURNING name", ("\ud83d",)),
    ("VACUUM", ()),
    ("ALTER TABLE t RENAME TO _cf_t", ()),
    ("PRAGMA writable_schema = 1", ()),
    ("SELECT :a AS a, :b AS b", (1,)),
    ("SELECT 1 AS " + "x" * 100_001, ()),
    ("SELECT 1 FROM t WHERE", ()),
    ("SELECT soundex(name) FROM t", ()),
    ("SELECT count(*) AS n, sum(score) AS s FROM t", ()),
]


async def _outcome(db, how: str, sql: str, params: tuple):
    """What one call gives: ("ok", value) or ("error", type, text); then the state it left."""
    statement = db.prepare(sql).bind(*params)
    try:
        if how == "first":
            value = await statement.first()
        elif how == "raw":
            value = await statement.raw({"columnNames": True})
        else:
            result = await statement.all()
            value = result.results
        outcome = ("ok", value)
    except JsException as exc:
        outcome = ("error", type(exc).__name__, str(exc))
    meta = (await db.prepare("SELECT 1").all()).meta
    return outcome, meta.last_row_id, meta.size_after


def _same(a, b) -> bool:
    """Equal values of the same types (1 and 1.0 are different answers; NaN equals NaN)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and (a == b or (a != a and b != b))


def test_first_and_raw_give_what_all_gives_and_leave_the_same_state(tmp_path):
    for name in ("first", "raw", "all"):
        (tmp_path / name).mkdir()

    async def run():
        with d1_database(tmp_path / "first") as first_db, d1_database(tmp_path / "raw") as raw_db, \
                d1_database(tmp_path / "all") as all_db:
            compared = {"rows": 0, "errors": 0}
            for sql, params in STATEMENTS:
                first, first_id, first_size = await _outcome(first_db, "first", sql, params)
                raw, raw_id, raw_size = await _outcome(raw_db, "raw", sql, params)
                every, all_id, all_size = await _outcome(all_db, "all", sql, params)
                assert first_id == raw_id == all_id, sql
                assert first_size == raw_size == all_size, sql
                if every[0] == "error":
                    assert first == raw == every, sql
                    compared["errors"] += 1
                    continue
                results = every[1]
                assert first[0] == "ok" and _same(first[1], results[0] if results else None), sql
                assert raw[0] == "ok", sql
                names, *rows = raw[1]
                assert len(rows) == len(results), sql
                if len(set(names)) == len(names) and not any(n[:1].isdigit() for n in names):
                    assert all(_same(list(r.values()), row) for r, row in zip(results, rows)), sql
                    assert all(list(r) == names for r in results), sql
                compared["rows"] += 1
            tables = []
            for db in (first_db, raw_db, all_db):
                tables.append((await db.prepare("SELECT * FROM t ORDER BY id").all()).results)
            assert _same(tables[0], tables[1]) and _same(tables[1], tables[2])
            return compared

    compared = asyncio.run(run())
    assert compared["errors"] >= 19 and compared["rows"] >= 18  # both kinds were compared


@pytest.mark.parametrize("values", [
    (5,), (-5, 0, 2**53 - 2, -(2**53 - 2)), (2**53 - 1,), (2.5, math.inf, -math.inf, math.nan), ("text", None, ""),
    (True, 1), (5, False), (b"\x00\xff",), (bytearray(b"ab"), memoryview(b"c")), ([0, 255],), (np.float64(2.0),),
    (np.int64(7), 3), ("a", 2**53), (2**53, "never reached"),
])
def test_bind_keeps_and_sends_each_value_as_its_reference_does(values):
    try:
        expected = [js_bind_value(v) for v in values]
    except JsException as refused:
        with pytest.raises(JsException) as raised:
            bind_values(values)
        assert str(raised.value) == str(refused)
        return
    kept, sent = bind_values(values)
    assert _same(kept, expected)
    assert _same(list(sent), [sqlite_param(v) for v in expected]) and type(sent) is tuple


def test_threads_sharing_one_database_each_get_their_own_rows(tmp_path):
    with d1_database(tmp_path) as db:
        asyncio.run(db.prepare("CREATE TABLE n (id INTEGER PRIMARY KEY, half REAL, word TEXT)").run())
        asyncio.run(db.batch([db.prepare("INSERT INTO n VALUES (?, ?, ?)").bind(i, i / 2, f"w{i}")
                              for i in range(1, 201)]))
        failures: list[object] = []

        def work(offset: int) -> None:
            async def rounds():
                for i in range(1, 201):
                    key = (i + offset * 37) % 200 + 1
                    row = await db.prepare("SELECT id, half, word FROM n WHERE id = ?").bind(key).first()
                    if row != {"id": key, "half": key / 2 if key % 2 else key // 2, "word": f"w{key}"}:
                        failures.append((key, row))
                    if i % 50 == 0:  # writes in between move the shared last_row_id
                        await db.prepare("INSERT INTO n (half, word) VALUES (0, 'x') RETURNING id").first()
            try:
                asyncio.run(rounds())
            except BaseException as exc:  # noqa: BLE001 - reported below
                failures.append(exc)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert asyncio.run(db.prepare("SELECT count(*) AS c FROM n").first("c")) == 200 + 4 * 4


def test_a_repeated_first_reads_the_column_names_its_table_has_now(tmp_path):
    (tmp_path / "wrangler.toml").write_text(D1_WRANGLER)
    point = "SELECT * FROM s WHERE id = ?"

    async def run(db, other) -> list:
        await db.prepare("CREATE TABLE s (id INTEGER PRIMARY KEY, a TEXT)").run()
        await db.prepare("INSERT INTO s VALUES (1, 'x')").run()
        seen = [await db.prepare(point).bind(1).first() for _ in range(2)]
        await db.prepare('ALTER TABLE s RENAME COLUMN a TO "2"').run()  # an array index: listed first
        seen.append(await db.prepare(point).bind(1).first())
        await other.prepare("ALTER TABLE s ADD COLUMN b REAL DEFAULT 2.5").run()  # another connection
        seen.append(await db.prepare(point).bind(1).first())
        seen.append(await db.prepare("SELECT 1 AS a").first())
        seen.append(await db.prepare(point).bind(1).first())
        seen.append((await db.prepare(point).bind(1).raw({"columnNames": True}))[0])
        return seen

    state = tmp_path / "state"
    with load_env(tmp_path, persist_to=state) as env, load_env(tmp_path, persist_to=state) as other:
        seen = asyncio.run(run(env.DB, other.DB))
    now = [("2", "x"), ("id", 1), ("b", 2.5)]
    assert [list(row.items()) for row in seen[:-1]] == [
        [("id", 1), ("a", "x")], [("id", 1), ("a", "x")], [("2", "x"), ("id", 1)], now, [("a", 1)], now]
    assert seen[-1] == ["id", "2", "b"]
