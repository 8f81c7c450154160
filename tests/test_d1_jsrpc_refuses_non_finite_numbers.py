"""With the experimental ``d1_binding_jsrpc`` flag a statement's values cross JSRPC as they are,
not as JSON (where NaN and the infinities become ``null``), and Miniflare's schema
(``z.number()``) refuses them: every call fails with ``D1_ERROR: ZodError`` and nothing runs;
``query()``'s params refuse them too (``ZodError``), inside a byte array as well. Without the
flag they are ``null``. Measured with ``tools/wrangler/d1_differential.py --jsrpc`` against
wrangler 4.164.0 (workerd 1.20261117.1, Miniflare 5.20261117)."""

from __future__ import annotations

import math

import pytest

from workers_env import JsException, load_env

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\ndatabase_id = "db-1"\n'
FLAGGED = 'compatibility_flags = ["d1_binding_jsrpc"]\n' + D1
NON_FINITE = [math.nan, math.inf, -math.inf]


def env_of(tmp_path, config):
    (tmp_path / "wrangler.toml").write_text(config)
    return load_env(tmp_path)


@pytest.mark.asyncio
@pytest.mark.parametrize("value", NON_FINITE)
async def test_statements_bound_to_a_non_finite_number_fail_before_running(tmp_path, value):
    env = env_of(tmp_path, FLAGGED)
    db = env.DB
    await db.prepare("CREATE TABLE t (a)").run()
    session = db.withSession()
    calls = [lambda: db.prepare("INSERT INTO t VALUES (?)").bind(value).run(),
             lambda: db.prepare("SELECT ?, ?").bind(1, value).first(),
             lambda: db.batch([db.prepare("INSERT INTO t VALUES (1)"), db.prepare("SELECT ?").bind(value)]),
             lambda: session.prepare("INSERT INTO t VALUES (?)").bind(value).raw()]
    for call in calls:
        with pytest.raises(JsException) as refused:
            await call()
        assert str(refused.value) == "Error: D1_ERROR: ZodError"
        assert refused.value.__notes__ == ["with the d1_binding_jsrpc flag D1 refuses NaN and infinities as bound "
                                           "values: bind None (NULL) instead"]
    assert session.getBookmark() is None  # no answer came back
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0
    env.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("params", [[math.nan], [1, math.inf], [[1, -math.inf]], [[math.nan]]])
async def test_query_params_refuse_non_finite_numbers(tmp_path, params):
    env = env_of(tmp_path, FLAGGED)
    with pytest.raises(JsException) as refused:
        await env.DB.query({"queries": [{"sql": "SELECT " + ", ".join("?" * len(params)), "params": params}]})
    assert str(refused.value) == "Error: ZodError"
    answer = await env.DB.query({"queries": [{"sql": "SELECT ? AS a, ? AS b", "params": [1e308, [255.9, -0.0]]}]})
    assert answer["results"][0]["data"]["rows"] == [[1e308, [255, 0]]]
    env.close()


@pytest.mark.asyncio
async def test_without_the_flag_they_are_null(tmp_path):
    env = env_of(tmp_path, D1)
    row = await env.DB.prepare("SELECT ? AS a, ? AS b, ? AS c").bind(*NON_FINITE).first()
    assert row == {"a": None, "b": None, "c": None}
    env.close()
