""""no such table" gains walk54's note that the database has no tables (create them first) only
where no schema was made at all: a database whose only objects are views of the user's, or whose
tables were dropped in this very env, had one made -- the note's "its databases start empty;
create them first" would send the user after a cause that is not theirs (review84). Kept: the
migrations table alone is no schema (walk54's case)."""

from __future__ import annotations

import pytest

from workers_env import JsException, load_env

WRANGLER = """\
name = "stories"
[[d1_databases]]
binding = "DB"
database_name = "stories"
database_id = "00000000-0000-0000-0000-000000000001"
"""


async def _notes(env, sql: str) -> list[str]:
    with pytest.raises(JsException) as info:
        await env.DB.prepare(sql).all()
    assert str(info.value) == "Error: D1_ERROR: no such table: stories: SQLITE_ERROR"
    return getattr(info.value, "__notes__", [])


@pytest.mark.asyncio
@pytest.mark.parametrize("schema", [
    ["CREATE TABLE stories (id TEXT PRIMARY KEY, body TEXT UNIQUE)", "DROP TABLE stories"],
    ["CREATE VIEW recent AS SELECT 1 AS id"],
])
@pytest.mark.parametrize("persisted", [False, True])
async def test_a_schema_made_here_gets_no_no_tables_note(project, schema, persisted):
    folder = project(WRANGLER)
    with load_env(folder, persist_to=folder / ".wrangler" / "state" if persisted else None) as env:
        for sql in schema:
            await env.DB.exec(sql)
        assert await _notes(env, "SELECT * FROM stories") == []


@pytest.mark.asyncio
@pytest.mark.parametrize("persisted", [False, True])
async def test_an_untouched_database_still_gets_it(project, persisted):
    folder = project(WRANGLER)
    with load_env(folder, persist_to=folder / ".wrangler" / "state" if persisted else None) as env:
        await env.DB.exec("CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        assert [note.split(":")[0] for note in await _notes(env, "SELECT * FROM stories")] == [
            "DB's database in .wrangler/state has no tables yet" if persisted else "DB's database has no tables"]
