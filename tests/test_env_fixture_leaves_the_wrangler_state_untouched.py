"""The ``env`` and ``worker`` fixtures never write the ``.wrangler/state`` that ``wrangler dev``,
``wrangler d1|kv ... --local`` and ``workers-env`` commands share: tests that write D1 rows and KV
keys of the bindings the state holds, and a query of a table only the state has (whose "no such
table" note looks at the state, read-only), leave every file of it as it was -- the same names,
bytes and modification times, no file added -- and the tests see none of its rows or keys."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from workers_env import load_env

WRANGLER = '''name = "w"
compatibility_date = "2026-11-01"
[[d1_databases]]
binding = "DB"
database_name = "walk-db"
database_id = "11111111-1111-4111-8111-111111111111"
[[kv_namespaces]]
binding = "KV"
id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
'''

TESTS = '''
import pytest

async def test_writes_d1_and_kv(env):
    await env.DB.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    await env.DB.prepare("INSERT INTO notes (text) VALUES ('from a test')").run()
    await env.KV.put("greeting", "from a test", metadata={"by": "test"})
    assert await env.DB.prepare("SELECT count(*) AS n FROM notes").first("n") == 1

async def test_sees_none_of_the_state(env):
    assert await env.KV.get("greeting") is None
    assert (await env.KV.list())["keys"] == []
    with pytest.raises(Exception, match="no such table: notes"):
        await env.DB.prepare("SELECT * FROM notes").all()
'''


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), os.stat(p).st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_tests_that_write_d1_and_kv_leave_the_state_files_as_they_were(pytester: pytest.Pytester):
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.makeini("[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n")

    async def seed() -> None:  # the state as wrangler / workers-env commands leave it
        with load_env(str(pytester.path), persist_to=str(pytester.path / ".wrangler" / "state")) as env:
            await env.DB.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
            await env.DB.prepare("INSERT INTO notes (text) VALUES ('kept')").run()
            await env.KV.put("greeting", "kept")

    asyncio.run(seed())
    state = pytester.path / ".wrangler"
    before = snapshot(state)
    assert any(name.endswith(".sqlite") for name in before) and any("/blobs/" in name for name in before)
    pytester.makepyfile(test_isolation=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-n", "0")
    result.assert_outcomes(passed=2)
    assert snapshot(state) == before
