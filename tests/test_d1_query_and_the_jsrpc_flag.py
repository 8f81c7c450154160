"""``D1Database.query()`` and the experimental ``d1_binding_jsrpc`` compatibility flag, as
workerd 1.20261117.1's d1-api.ts and Miniflare 5.20261117's D1 entry answer them (checked with
``tools/wrangler/d1_differential.py tools/wrangler/d1_jsrpc_cases.json --jsrpc``).

Without the flag ``query()`` refuses with D1's own text. With it, ``query()`` takes
``{queries: [{sql, params?}], bookmark?}`` and gives the raw answer (``{results: [{meta, data:
{kind: "raw", columns, rows}}], bookmark?}``), a request Miniflare's schema refuses is an
``Error`` saying only ``ZodError``, and every other method's refusal is the service's
``D1_ERROR: <message>`` prefixed again (exec's without its line); ``meta`` comes in the
schema's order, ``total_attempts`` last."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_env, load_worker

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\ndatabase_id = "db-1"\n'
FLAGGED = 'compatibility_flags = ["d1_binding_jsrpc"]\n' + D1
ZEROS = "0" * 32


@pytest.fixture
def db(tmp_path):
    (tmp_path / "wrangler.toml").write_text(FLAGGED)
    env = load_env(tmp_path)
    yield env.DB
    env.close()


@pytest.mark.asyncio
async def test_without_the_flag_query_refuses_and_meta_keeps_its_order(tmp_path):
    (tmp_path / "wrangler.toml").write_text(D1)
    env = load_env(tmp_path)
    with pytest.raises(JsException) as refused:
        await env.DB.query({"queries": [{"sql": "SELECT 1"}]})
    assert refused.value.message == ("D1_ERROR: D1Database.query() requires the d1_binding_jsrpc compatibility "
                                     "flag. Enable d1_binding_jsrpc before calling query().")
    meta = (await env.DB.prepare("SELECT 1").all()).meta
    assert list(meta)[:3] == ["served_by", "served_by_primary", "total_attempts"]
    with pytest.raises(JsException) as missing:
        await env.DB.prepare("SELECT * FROM nope").all()
    assert str(missing.value) == "Error: D1_ERROR: no such table: nope: SQLITE_ERROR"
    env.close()


@pytest.mark.asyncio
async def test_query_gives_the_raw_answer_with_bytes_as_lists(db):
    await db.prepare("CREATE TABLE t (a, b)").run()
    await db.prepare("INSERT INTO t VALUES (?, ?)").bind(1, "x").run()
    answer = await db.query({"queries": [
        {"sql": "SELECT * FROM t"},
        {"sql": "SELECT x'0102' AS b, ? AS p, ? AS q", "params": [[3, 4, 300, -1], None]},
        {"sql": "SELECT 1 AS one", "params": None},
    ]})
    assert list(answer) == ["results"]  # no bookmark asked, none given
    assert [r["data"] for r in answer["results"]] == [
        {"kind": "raw", "columns": ["a", "b"], "rows": [[1, "x"]]},
        {"kind": "raw", "columns": ["b", "p", "q"], "rows": [[[1, 2], [3, 4, 44, 255], None]]},  # as Uint8Array keeps them
        {"kind": "raw", "columns": ["one"], "rows": [[1]]},
    ]
    meta = answer["results"][0]["meta"]
    assert list(meta) == ["served_by", "served_by_primary", "timings", "duration", "changes", "last_row_id",
                          "changed_db", "size_after", "rows_read", "rows_written", "total_attempts"]
    assert list((await db.prepare("SELECT 1").all()).meta)[-1] == "total_attempts"  # the flag's order everywhere


@pytest.mark.asyncio
async def test_query_runs_in_one_transaction_and_fails_with_one_prefix(db):
    with pytest.raises(JsException) as failed:
        await db.query({"queries": [{"sql": "CREATE TABLE w (a)"}, {"sql": "INSERT INTO w VALUES (1)"},
                                    {"sql": "INSERT INTO nope VALUES (1)"}]})
    assert failed.value.message == "D1_ERROR: no such table: nope: SQLITE_ERROR"
    assert (await db.prepare("SELECT name FROM sqlite_master WHERE name = 'w'").all()).results == []
    for empty in ([], [{"sql": "-- only a comment"}]):
        with pytest.raises(JsException, match="^Error: D1_ERROR: No SQL statements detected.$"):
            await db.query({"queries": empty})
    answer = await db.query({"queries": [{"sql": "-- x"}, {"sql": "SELECT 3 AS c"}]})
    assert [r["data"]["rows"] for r in answer["results"]] == [[[3]]]  # comment-only queries are left out


@pytest.mark.asyncio
@pytest.mark.parametrize("request_", [
    {"queries": [{"sql": "SELECT ?", "params": [True]}]},
    {"queries": [{"sql": "SELECT ?", "params": [2**53]}]},  # a BigInt in JavaScript
    {"queries": [{"sql": "SELECT ?", "params": [[1, "a"]]}]},
    {"queries": [{"sql": 1}]},
    {"queries": [{}]},
    {"queries": "SELECT 1"},
    {},
    "SELECT 1",
    {"queries": [{"sql": "SELECT 1"}], "bookmark": 1},
])
async def test_query_refuses_what_miniflares_schema_refuses(db, request_):
    with pytest.raises(JsException) as refused:
        await db.query(request_)
    assert refused.value.message == "ZodError"
    assert refused.value.__notes__ == ["query() takes {queries: [{sql: str, params?: [number | str | None | list of "
                                       "byte values]}], bookmark?: str}"]


@pytest.mark.asyncio
async def test_query_accepts_the_schemas_edges(db):
    ok = await db.query({"queries": [{"sql": "SELECT ? AS n", "params": [2**53 - 1], "other": 1}], "x": 2})
    assert ok["results"][0]["data"]["rows"] == [[2**53 - 1]]
    assert "bookmark" not in await db.query(queries=[{"sql": "SELECT 1"}], bookmark="")


@pytest.mark.asyncio
async def test_a_bookmark_asks_for_the_next_one(db):
    blank = await db.query({"queries": [{"sql": "SELECT 1"}], "bookmark": "  "})  # a header of blanks is none
    assert "bookmark" not in blank
    first = await db.query({"queries": [{"sql": "SELECT 1"}], "bookmark": "first-primary"})
    assert first["bookmark"] == f"00000000-00000000-00000000-{ZEROS}"
    later = await db.query({"queries": [{"sql": "SELECT 1"}], "bookmark": "zzz"})
    assert later["bookmark"] == f"00000000-00000001-00000000-{ZEROS}"
    with pytest.raises(JsException, match="no such table"):
        await db.query({"queries": [{"sql": "SELECT * FROM nope"}], "bookmark": "first-primary"})
    session = db.withSession()
    await session.prepare("SELECT 1").all()
    assert session.getBookmark() == f"00000000-00000002-00000000-{ZEROS}"  # the failure took none


@pytest.mark.asyncio
async def test_the_other_methods_prefix_the_services_error_again(db):
    await db.prepare("CREATE TABLE t (a)").run()
    cases = [
        (lambda: db.prepare("SELECT * FROM nope").all(), "D1_ERROR: D1_ERROR: no such table: nope: SQLITE_ERROR"),
        (lambda: db.prepare("").run(), "D1_ERROR: D1_ERROR: No SQL statements detected."),
        (lambda: db.batch([db.prepare("INSERT INTO t VALUES (1)"), db.prepare("SELEC")]),
         'D1_ERROR: D1_ERROR: near "SELEC": syntax error at offset 0: SQLITE_ERROR'),
        (lambda: db.withSession().prepare("SELECT * FROM nope").first(),
         "D1_ERROR: D1_ERROR: no such table: nope: SQLITE_ERROR"),
        (lambda: db.exec("SELECT 1;\nSELECT * FROM nope"), "D1_EXEC_ERROR: D1_ERROR: no such table: nope: SQLITE_ERROR"),
        (lambda: db.exec(""), "D1_EXEC_ERROR: D1_ERROR: No SQL statements detected."),
        (lambda: db.prepare("SELECT 1 AS a").first("b"), "D1_COLUMN_NOTFOUND: Column not found (b)"),  # binding's own
    ]
    for call, message in cases:
        with pytest.raises(JsException) as failed:
            await call()
        assert failed.value.message == message
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0
    assert (await db.exec("SELECT 1;\nSELECT 2"))["count"] == 2


@pytest.mark.asyncio
async def test_worker_code_calls_query_with_a_dict(tmp_path):
    entry = """\
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                answer = await self.env.DB.query({"queries": [{"sql": "SELECT ? AS a", "params": [7]}]})
                return Response(repr(answer["results"][0]["data"]["rows"]))
    """
    worker = load_worker(one_file_worker(tmp_path, entry, flags=["d1_binding_jsrpc"], extra=D1))
    assert await (await worker.fetch("/")).text() == "[[7]]"
