"""D1's refusals through the binding: SQL errors, forbidden statements, bind types and every limit,
each with the runtime's text (checked against the real binding by tools/wrangler/d1_differential.py)."""

from __future__ import annotations

import pytest

from workers_env import JsException, WorkersEnvError

TRANSACTION = (
    "D1_ERROR: To execute a transaction, please use the state.storage.transaction() or "
    "state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. "
    "The JavaScript API is safer because it will automatically roll back on exceptions, and because it "
    "interacts correctly with Durable Objects' automatic atomic write coalescing."
)


async def message(awaitable) -> str:
    with pytest.raises(JsException) as info:
        await awaitable
    assert isinstance(info.value, WorkersEnvError)
    assert str(info.value) == f"Error: {info.value.message}"
    return info.value.message


@pytest.mark.asyncio
async def test_sql_errors_in_d1_text(db):
    assert await message(db.prepare("SELECT * FROM notes").all()) == "D1_ERROR: no such table: notes: SQLITE_ERROR"
    assert await message(db.prepare("SELEC 1").all()) == 'D1_ERROR: near "SELEC": syntax error at offset 0: SQLITE_ERROR'
    await db.prepare("CREATE TABLE notes (id INTEGER PRIMARY KEY, t TEXT NOT NULL)").run()
    assert await message(db.prepare("SELECT nope FROM notes").all()) == "D1_ERROR: no such column: nope at offset 7: SQLITE_ERROR"
    await db.prepare("INSERT INTO notes VALUES (1, 'a')").run()
    assert await message(db.prepare("INSERT INTO notes VALUES (1, 'b')").run()) == (
        "D1_ERROR: UNIQUE constraint failed: notes.id: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_PRIMARYKEY)"
    )
    assert await message(db.prepare("INSERT INTO notes (id) VALUES (2)").run()) == (
        "D1_ERROR: NOT NULL constraint failed: notes.t: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_NOTNULL)"
    )


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", [
    "PRAGMA journal_mode=DELETE", "PRAGMA synchronous=OFF", "PRAGMA writable_schema=ON", "PRAGMA page_size=1024",
    "ATTACH DATABASE 'x.db' AS x", "CREATE TABLE _cf_x (a)", "CREATE TABLE _CF_y (a)", "CREATE TEMP TABLE t (a)",
    "PRAGMA optimize=abc", "PRAGMA foreign_keys=maybe",
])
async def test_forbidden_statements_are_not_authorized(db, sql):
    assert await message(db.prepare(sql).run()) == "D1_ERROR: not authorized: SQLITE_AUTH"


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["BEGIN TRANSACTION", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT a", "RELEASE a"])
async def test_transactions_are_refused_with_the_runtime_message(db, sql):
    assert await message(db.prepare(sql).run()) == TRANSACTION


@pytest.mark.asyncio
async def test_functions_outside_the_allowlist_are_refused(db):
    assert await message(db.prepare("SELECT sqlite_version()").all()) == (
        "D1_ERROR: not authorized to use function: sqlite_version at offset 7: SQLITE_ERROR"
    )
    assert (await db.prepare("SELECT upper('a') AS u, json_extract('{\"a\":1}', '$.a') AS j").first()) == {"u": "A", "j": 1}


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["PRAGMA table_list", "PRAGMA foreign_keys", "PRAGMA foreign_keys = ON",
                                 "PRAGMA data_version", "PRAGMA quick_check", "PRAGMA optimize"])
async def test_allowed_pragmas_run(db, sql):
    assert (await db.prepare(sql).run()).success is True


@pytest.mark.asyncio
@pytest.mark.parametrize("value, shown, kind", [
    ({"a": 1}, "[object Object]", "object"),
    ([1, 2, 300], "1,2,300", "object"),
    ([1, -1], "1,-1", "object"),
    (["a"], "a", "object"),
    (2**53, str(2**53), "bigint"),
    (2**53 - 1, str(2**53 - 1), "bigint"),  # Pyodide sends Number.MAX_SAFE_INTEGER itself as a BigInt
    (-(2**53 - 1), str(-(2**53 - 1)), "bigint"),
    (-(2**60), str(-(2**60)), "bigint"),
])
async def test_unsupported_bind_types(db, value, shown, kind):
    with pytest.raises(JsException) as info:
        db.prepare("SELECT ?").bind(value)  # bind() itself throws, synchronously
    assert info.value.message == f"D1_TYPE_ERROR: Type '{kind}' not supported for value '{shown}'"


@pytest.mark.asyncio
async def test_bind_type_edges_that_are_accepted(db):
    assert (await db.prepare("SELECT ? AS v").bind(2**53 - 2).first("v")) == 2**53 - 2  # (2**53 - 1: a BigInt)
    assert (await db.prepare("SELECT ? AS v").bind([0, 255]).first("v")) == [0, 255]
    assert (await db.prepare("SELECT ? AS v").bind([]).first("v")) == []  # an empty byte array


@pytest.mark.asyncio
async def test_wrong_number_of_parameters_both_ways(db):
    wrong = "D1_ERROR: Wrong number of parameter bindings for SQL query."
    assert await message(db.prepare("SELECT ?, ?").bind(1).all()) == wrong
    assert await message(db.prepare("SELECT ?").bind(1, 2).all()) == wrong
    assert await message(db.prepare("SELECT ?").all()) == wrong
    assert await message(db.prepare("SELECT ? AS a; SELECT 2 AS b").bind(5).all()) == (
        "D1_ERROR: When executing multiple SQL statements in a single call, only the last statement can have parameters."
    )


@pytest.mark.asyncio
async def test_one_hundred_bound_parameters_and_not_one_more(db):
    marks = ", ".join("?" for _ in range(100))
    assert await db.prepare(f"SELECT {marks}").bind(*range(100)).raw() == [list(range(100))]
    assert (await db.prepare("SELECT ?100 AS x").bind(*range(100)).first("x")) == 99
    assert await message(db.prepare(f"SELECT {marks}, ?").bind(*range(101)).all()) == (
        "D1_ERROR: too many SQL variables at offset 307: SQLITE_ERROR"
    )
    assert await message(db.prepare("SELECT ?101").bind(1).all()) == (
        "D1_ERROR: variable number must be between ?1 and ?100 at offset 7: SQLITE_ERROR"
    )


@pytest.mark.asyncio
async def test_statement_length_limit_both_sides(db):
    pad = "SELECT 1 AS a" + " " * (100_000 - len("SELECT 1 AS a"))
    assert len(pad.encode()) == 100_000
    assert (await db.prepare(pad).first("a")) == 1
    assert await message(db.prepare(pad + " ").all()) == "D1_ERROR: statement too long: SQLITE_TOOBIG"


@pytest.mark.asyncio
async def test_column_limit_both_sides(db):
    cols = ", ".join(f"c{i}" for i in range(100))
    await db.prepare(f"CREATE TABLE wide ({cols})").run()
    assert await message(db.prepare(f"CREATE TABLE wider ({cols}, c100)").run()) == (
        "D1_ERROR: too many columns on wider: SQLITE_ERROR"
    )


@pytest.mark.asyncio
async def test_value_size_limit_both_sides(db):
    limit = 8_388_642  # measured on wrangler 4.164's local runtime
    assert await db.prepare("SELECT length(?) AS n").bind("a" * limit).first("n") == limit
    assert await db.prepare("SELECT length(zeroblob(?)) AS n").bind(limit).first("n") == limit
    assert await message(db.prepare("SELECT length(?) AS n").bind("a" * (limit + 1)).first()) == (
        "D1_ERROR: string or blob too big: SQLITE_TOOBIG"
    )
    assert await message(db.prepare("SELECT zeroblob(?)").bind(limit + 1).first()) == (
        "D1_ERROR: string or blob too big: SQLITE_TOOBIG"
    )



@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["text", "blob"])
async def test_row_size_limit_both_sides(db, kind):
    """The same limit holds for a row's record (its values plus a header: one byte, then a
    4-byte type per value this large), so one value in a one-column row tops out 5 bytes below
    it, two values 9 below (measured with wrangler 4.164's ``d1 execute --local``)."""
    limit = 8_388_642

    def value(n):
        return "a" * n if kind == "text" else b"\0" * n

    await db.prepare("CREATE TABLE one (x)").run()
    await db.prepare("INSERT INTO one VALUES (?)").bind(value(limit - 5)).run()
    assert await message(db.prepare("INSERT INTO one VALUES (?)").bind(value(limit - 4)).run()) == (
        "D1_ERROR: string or blob too big: SQLITE_TOOBIG"
    )
    assert await db.prepare("SELECT count(*) AS n, max(length(x)) AS m FROM one").first() == {"n": 1, "m": limit - 5}
    await db.prepare("CREATE TABLE two (x, y)").run()
    await db.prepare("INSERT INTO two VALUES (?, ?)").bind(value(4_194_316), value(limit - 9 - 4_194_316)).run()
    assert await message(db.prepare("INSERT INTO two VALUES (?, ?)").bind(
        value(4_194_316), value(limit - 8 - 4_194_316)).run()) == "D1_ERROR: string or blob too big: SQLITE_TOOBIG"


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["", "   ", "-- only a comment", "  -- indented\n-- two lines"])
async def test_empty_sql_is_no_statements(db, sql):
    assert await message(db.prepare(sql).all()) == "D1_ERROR: No SQL statements detected."


@pytest.mark.asyncio
@pytest.mark.parametrize("sql", ["/* c */ ;", ";", "/* block comment only */"])
async def test_sql_without_a_statement(db, sql):
    assert await message(db.prepare(sql).all()) == "D1_ERROR: SQL code did not contain a statement."


@pytest.mark.asyncio
async def test_a_refused_call_changes_nothing(db):
    await db.prepare("CREATE TABLE t (a UNIQUE)").run()
    await db.prepare("INSERT INTO t VALUES (1)").run()
    await message(db.prepare("INSERT INTO t VALUES (2); INSERT INTO t VALUES (1)").run())
    assert (await db.prepare("SELECT a FROM t").raw()) == [[1]]


@pytest.mark.asyncio
async def test_non_string_sql_and_session_arguments(db):
    assert "Expected string" in await message(db.prepare(None).all())
    with pytest.raises(JsException) as info:
        db.withSession(5)
    assert str(info.value) == "TypeError: constraintOrBookmark?.trim is not a function"  # d1-api.ts's V8 error
    with pytest.raises(JsException, match="D1Database.query\\(\\) requires the d1_binding_jsrpc"):
        await db.query({})
    with pytest.raises(JsException, match="D1_DUMP_ERROR"):
        await db.dump()
