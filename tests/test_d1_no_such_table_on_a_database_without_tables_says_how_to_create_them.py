""""no such table" on a database that holds no table of the user's at all, and whose migrations
folder has none pending, keeps D1's text and gains a note saying how to create the tables: in
memory (a test without a schema marker -- Cloudflare's D1 tutorial makes its tables from a
``schema.sql``, not migrations) the marker and ``apply_d1_schema``; on the state beside the config
(``workers-env dev``) the ``d1 execute --file`` command. A database with a table of the user's, or
another ``persist_to``, gets no such note: there it could be wrong (walk54).

The note comes only where no schema was made at all: a database whose only objects are views of
the user's, or whose tables were dropped in this very env, had one made -- the note's "its
databases start empty; create them first" would send the user after a cause that is not theirs
(review84). Kept: the migrations table alone is no schema (walk54's case)."""

from __future__ import annotations

import pytest

from workers_env import JsException, apply_d1_schema, load_env

WRANGLER = """\
name = "stories"
[[d1_databases]]
binding = "DB"
database_name = "stories"
database_id = "00000000-0000-0000-0000-000000000001"
"""

IN_MEMORY = ("DB's database has no tables: this env reads no state (no persist_to), so its databases start empty; "
             'create them first -- in tests @pytest.mark.d1_schema("DB", "schema.sql") (a .sql file, relative to '
             'the test file), elsewhere workers_env.apply_d1_schema(env, "DB", "schema.sql") (relative to the config)')
PERSISTED = ("DB's database in .wrangler/state has no tables yet: create them with `workers-env d1 execute DB "
             "--local --file schema.sql` (as `wrangler d1 execute`), or write migrations (`workers-env d1 migrations "
             "create DB <message>`, then `workers-env d1 migrations apply DB --local`)")


async def _failure(awaitable) -> JsException:
    with pytest.raises(JsException) as info:
        await awaitable
    return info.value


@pytest.mark.asyncio
async def test_an_empty_database_in_memory_names_the_marker_and_apply_d1_schema(project):
    folder = project(WRANGLER, schema_DOT_sql="CREATE TABLE stories (id TEXT PRIMARY KEY, body TEXT);\n")
    with load_env(folder) as env:
        error = await _failure(env.DB.prepare("INSERT INTO stories VALUES (?, ?)").bind("1", "a cloud").run())
        assert str(error) == "Error: D1_ERROR: no such table: stories: SQLITE_ERROR"  # D1's text, unchanged
        assert error.__notes__ == [IN_MEMORY]
        apply_d1_schema(env, "DB", "schema.sql")  # as the note says: relative to the config
        await env.DB.prepare("INSERT INTO stories VALUES (?, ?)").bind("1", "a cloud").run()
        error = await _failure(env.DB.prepare("SELECT * FROM missing").all())
        assert not getattr(error, "__notes__", None)  # a schema is there: the table may be a typo


@pytest.mark.asyncio
async def test_the_state_beside_the_config_names_the_command(project):
    folder = project(WRANGLER)
    with load_env(folder, persist_to=folder / ".wrangler" / "state") as env:
        error = await _failure(env.DB.prepare("SELECT * FROM stories").all())
    assert error.__notes__ == [PERSISTED]


@pytest.mark.asyncio
async def test_another_persist_to_gets_no_note(project):
    """The command writes the state beside the config: for another one it would need naming."""
    folder = project(WRANGLER)
    with load_env(folder, persist_to=folder / "elsewhere") as env:
        error = await _failure(env.DB.prepare("SELECT * FROM stories").all())
    assert not getattr(error, "__notes__", None)


@pytest.mark.asyncio
async def test_the_migrations_table_alone_is_no_schema(project):
    """`migrations list` makes an empty migrations table: the database still has none of the user's."""
    folder = project(WRANGLER)
    with load_env(folder) as env:
        await env.DB.exec("CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY, name TEXT)")
        error = await _failure(env.DB.prepare("SELECT * FROM stories").all())
    assert error.__notes__ == [IN_MEMORY]


@pytest.mark.asyncio
async def test_after_the_state_beside_note_only_the_ways_follow(project):
    """An env in memory whose config has the database with tables beside it (no migrations folder):
    the note that the env reads no state comes first, then only the ways to create the tables here."""
    folder = project(WRANGLER, schema_DOT_sql="CREATE TABLE stories (id TEXT PRIMARY KEY);\n")
    state = folder / ".wrangler" / "state"
    with load_env(folder, persist_to=state) as persisted:
        apply_d1_schema(persisted, "DB", "schema.sql")
    with load_env(folder) as env:
        error = await _failure(env.DB.prepare("SELECT * FROM stories").all())
    assert error.__notes__ == [
        f"the state beside the config ({state}, where workers-env d1 --local, workers-env dev and wrangler write) "
        "holds DB's database with tables, which this env does not read: load_env(..., persist_to=\".wrangler/state\"), "
        "run from the config's folder, uses it (a Worker's: load_worker(env=load_env(...))); or create DB's tables "
        'in this env -- in tests @pytest.mark.d1_schema("DB", "schema.sql") (a .sql file, relative to the test '
        'file), elsewhere workers_env.apply_d1_schema(env, "DB", "schema.sql") (relative to the config)']


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
