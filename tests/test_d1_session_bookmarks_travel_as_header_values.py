"""A session's bookmark travels to D1 as the ``x-cf-d1-session-commit-token`` header, so what
``Headers.set`` refuses fails every request of that session before anything runs: a bookmark
holding a NUL, CR or LF (inside it: ``withSession`` trims the ends as JavaScript's ``trim()``
does). d1-api.ts lets the ``TypeError: Invalid header value.`` through; with the
``d1_binding_jsrpc`` flag its query path wraps it (``D1_ERROR: Invalid header value.``) and
``query()`` gives it bare. ``query()``'s bookmark counts as a session's when the header's value,
JavaScript-trimmed, is not empty. Measured with ``tools/wrangler/d1_differential.py`` against
wrangler 4.164.0 (workerd 1.20261117.1, Miniflare 5.20261117)."""

from __future__ import annotations

import pytest

from workers_env import JsException, load_env

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "notes-db"\ndatabase_id = "db-1"\n'
FLAGGED = 'compatibility_flags = ["d1_binding_jsrpc"]\n' + D1
ZEROS = "0" * 32


def env_of(tmp_path, config):
    (tmp_path / "wrangler.toml").write_text(config)
    return load_env(tmp_path)


@pytest.mark.asyncio
@pytest.mark.parametrize("bad", ["x\0y", "x\ny", "a\rb"])
async def test_a_bookmark_no_header_carries_fails_each_request_and_moves_nothing(tmp_path, bad):
    env = env_of(tmp_path, D1)
    session = env.DB.withSession(bad)
    for call in (lambda: session.prepare("SELECT 1").all(), lambda: session.prepare("SELECT 1").first(),
                 lambda: session.batch([session.prepare("CREATE TABLE t (a)")])):
        with pytest.raises(JsException) as refused:
            await call()
        assert str(refused.value) == "TypeError: Invalid header value."
        assert refused.value.name == "TypeError"
        assert refused.value.__notes__ == ["a D1 bookmark is sent as an HTTP header value: pass one getBookmark() "
                                           "returned (no NUL, CR or LF in it)"]
    assert session.getBookmark() == bad  # kept: no answer came back
    assert await env.DB.prepare("SELECT count(*) AS n FROM sqlite_master").first("n") == 0  # nothing ran
    good = env.DB.withSession()
    await good.prepare("SELECT 1").all()
    assert good.getBookmark() == f"00000000-00000000-00000000-{ZEROS}"  # the counter never moved
    env.close()


@pytest.mark.asyncio
async def test_a_tab_inside_and_unicode_are_fine_header_values(tmp_path):
    env = env_of(tmp_path, D1)
    for fine in ("a\tb", "\u0100", "\x7f"):
        session = env.DB.withSession(fine)
        assert (await session.prepare("SELECT 1 AS x").all()).results == [{"x": 1}]
    env.close()


@pytest.mark.asyncio
async def test_with_session_trims_as_javascript_does(tmp_path):
    env = env_of(tmp_path, D1)
    assert env.DB.withSession("\ufeff\u2028 first-primary \u00a0").getBookmark() is None  # a constraint
    assert env.DB.withSession("\ufeffbm\u3000").getBookmark() == "bm"
    # U+001C is whitespace to Python's str.strip(), not to JavaScript's trim()
    assert env.DB.withSession("\x1cbm").getBookmark() == "\x1cbm"
    env.close()


@pytest.mark.asyncio
async def test_under_jsrpc_the_query_path_wraps_the_refusal(tmp_path):
    env = env_of(tmp_path, FLAGGED)
    session = env.DB.withSession("x\ny")
    with pytest.raises(JsException) as refused:
        await session.prepare("SELECT 1").all()
    assert str(refused.value) == "Error: D1_ERROR: Invalid header value."
    with pytest.raises(JsException) as bare:
        await env.DB.query({"queries": [{"sql": "CREATE TABLE t (a)"}], "bookmark": "a\0b"})
    assert str(bare.value) == "TypeError: Invalid header value."
    assert await env.DB.prepare("SELECT count(*) AS n FROM sqlite_master").first("n") == 0
    env.close()


@pytest.mark.asyncio
async def test_query_bookmark_counts_when_its_header_value_javascript_trims_non_empty(tmp_path):
    env = env_of(tmp_path, FLAGGED)
    for blank in ("\u00a0", "\u2028", " \t"):
        answer = await env.DB.query({"queries": [{"sql": "SELECT 1"}], "bookmark": blank})
        assert "bookmark" not in answer
    answer = await env.DB.query({"queries": [{"sql": "SELECT 1"}], "bookmark": " a\tb "})
    assert answer["bookmark"] == f"00000000-00000000-00000000-{ZEROS}"
    env.close()
