""""no such table" on a database whose migrations folder holds migrations it has not had
keeps D1's text and gains a note naming them and how to apply them (the CLI, or the pytest
marker and fixture), or, when none of them creates that table, that applying them would not help;
nothing is written to look (the migrations table is not created)."""

from __future__ import annotations

import pytest

from workers_env import JsException, load_env

WRANGLER = """\
name = "notes"
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "00000000-0000-0000-0000-000000000001"
"""


@pytest.fixture
def env(project):
    folder = project(WRANGLER)
    (folder / "migrations").mkdir()
    (folder / "migrations" / "0001_docs.sql").write_text("CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT);\n")
    (folder / "migrations" / "0002_tags.sql").write_text("CREATE TABLE tags (doc TEXT, tag TEXT);\n")
    built = load_env(folder)
    yield built
    built.close()


async def _failure(awaitable) -> JsException:
    with pytest.raises(JsException) as info:
        await awaitable
    return info.value


@pytest.mark.asyncio
async def test_the_note_names_the_migrations_and_the_ways_to_apply_them(env):
    error = await _failure(env.DB.prepare("SELECT * FROM docs").all())
    assert str(error) == "Error: D1_ERROR: no such table: docs: SQLITE_ERROR"  # D1's text, unchanged
    assert error.__notes__ == [
        "2 migration(s) in migrations/ are not applied to DB (0001_docs.sql, 0002_tags.sql): this env reads no "
        "state (load_env without persist_to: its databases start empty, in memory); apply them with "
        'workers_env.apply_d1_schema(env, "DB"), or in tests with @pytest.mark.d1_schema("DB") or a '
        "workers_env_d1_schema fixture"]
    tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
    assert tables.results == []  # looking wrote nothing
    error = await _failure(env.DB.exec("SELECT * FROM tags"))  # exec() and sessions say it too
    assert "0002_tags.sql" in error.__notes__[0]
    error = await _failure(env.DB.withSession().prepare("SELECT * FROM tags").all())
    assert "are not applied to DB" in error.__notes__[0]


@pytest.mark.asyncio
async def test_no_note_once_they_are_applied_or_for_other_errors(env):
    from workers_env.pytest_plugin import apply_d1_schema

    error = await _failure(env.DB.prepare("SELEC 1").all())
    assert not getattr(error, "__notes__", None)
    apply_d1_schema(env, "DB")
    error = await _failure(env.DB.prepare("SELECT * FROM missing").all())
    assert str(error) == "Error: D1_ERROR: no such table: missing: SQLITE_ERROR"
    assert not getattr(error, "__notes__", None)


@pytest.mark.asyncio
async def test_a_table_no_unapplied_migration_creates_gets_a_note_saying_so(project):
    """Cloudflare's D1 tutorial makes its table from a schema.sql (`d1 execute --file`), and a
    project may add migrations beside it that only reference that table; "apply the migrations"
    would not create it, so the note says so and names the ways that would."""
    folder = project(WRANGLER)
    (folder / "migrations").mkdir()
    (folder / "migrations" / "0001_orders.sql").write_text(
        "-- uses Customers\nCREATE TABLE Orders (id INTEGER PRIMARY KEY, customer INTEGER REFERENCES Customers(id));\n")
    (folder / "migrations" / "0002_view.sql").write_text(
        'CREATE TABLE IF NOT EXISTS "Quoted Name" (a);\ncreate view main.[recent] AS SELECT 1;\n'
        "CREATE TABLE t (a);\nALTER TABLE t RENAME TO renamed;\n")
    with load_env(folder) as env:
        error = await _failure(env.DB.prepare("SELECT * FROM Customers").all())
        assert str(error) == "Error: D1_ERROR: no such table: Customers: SQLITE_ERROR"  # D1's text, unchanged
        assert error.__notes__ == [
            "Customers is created by none of the 2 migration(s) in migrations/ not applied to DB (0001_orders.sql, "
            "0002_view.sql), so applying them would not help: create it with your schema (workers_env.apply_d1_schema("
            'env, "DB", "schema.sql"), or in tests @pytest.mark.d1_schema("DB", "schema.sql")), or in a '
            "migration (`workers-env d1 migrations create DB <message>`)"]
        for table in ("orders", '"Quoted Name"', "recent", "main.renamed"):  # created, however it is written
            error = await _failure(env.DB.prepare(f"SELECT * FROM {table}").all())
            assert error.__notes__[0].startswith("2 migration(s) in migrations/ are not applied to DB"), table


#: with ``persist_to``, what a missing table's note says: a table an unapplied migration creates
#: names ``d1 migrations apply``, one none creates ``d1 execute --file`` (the tutorial's schema.sql)
PERSISTED_NOTES = {
    "docs": "1 migration(s) in migrations/ are not applied to DB (0001_docs.sql): apply them with "
            '`workers-env d1 migrations apply DB --local`, or in tests with @pytest.mark.d1_schema("DB") or a '
            "workers_env_d1_schema fixture",
    "Customers": "Customers is created by none of the 1 migration(s) in migrations/ not applied to DB "
                 "(0001_docs.sql), so applying them would not help: create it with your schema (`workers-env d1 "
                 'execute DB --local --file schema.sql`, or in tests @pytest.mark.d1_schema("DB", "schema.sql")), or '
                 "in a migration (`workers-env d1 migrations create DB <message>`)",
}


@pytest.mark.asyncio
@pytest.mark.parametrize("table", list(PERSISTED_NOTES))
async def test_a_persisted_database_is_pointed_at_the_cli(project, table):
    """With ``persist_to`` the database is the state the CLI's ``--local`` commands write, so the
    note names the command that reaches it; in memory (above) no command reaches it."""
    folder = project(WRANGLER)
    (folder / "migrations").mkdir()
    (folder / "migrations" / "0001_docs.sql").write_text("CREATE TABLE docs (id TEXT PRIMARY KEY);\n")
    with load_env(folder, persist_to=folder / "state") as env:
        error = await _failure(env.DB.prepare(f"SELECT * FROM {table}").all())
    assert error.__notes__ == [PERSISTED_NOTES[table]]


@pytest.mark.asyncio
async def test_an_env_in_memory_says_the_state_beside_the_config_holds_the_database(project):
    """The walk of a user who ran `workers-env d1 migrations apply DB --local` and `d1 execute --file`,
    then `load_env()` in a script: the in-memory database has no table, and "apply them with the
    CLI" would send them to run again what they ran. The note says the state beside the config has
    the database and how to read it; nothing is written to the state to look."""
    from workers_env import apply_d1_schema

    folder = project(WRANGLER)
    (folder / "migrations").mkdir()
    (folder / "migrations" / "0001_docs.sql").write_text("CREATE TABLE docs (id TEXT PRIMARY KEY);\n")
    state = folder / ".wrangler" / "state"
    with load_env(folder, persist_to=state) as persisted:
        apply_d1_schema(persisted, "DB")
    before = sorted((p.name, p.stat().st_size) for p in state.rglob("*") if p.is_file())
    with load_env(folder) as env:
        error = await _failure(env.DB.prepare("SELECT * FROM docs").all())
    assert str(error) == "Error: D1_ERROR: no such table: docs: SQLITE_ERROR"
    assert error.__notes__ == [
        "1 migration(s) in migrations/ are not applied to DB (0001_docs.sql): this env reads no state (load_env "
        "without persist_to: its databases start empty, in memory); apply them with "
        'workers_env.apply_d1_schema(env, "DB"), or in tests with @pytest.mark.d1_schema("DB") or a '
        f"workers_env_d1_schema fixture; the state beside the config ({state}, where workers-env d1 --local, "
        "workers-env dev and wrangler write) holds DB's database with tables, which this env does not read: "
        "load_env(..., persist_to=\".wrangler/state\"), run from the config's folder, uses it "
        "(a Worker's: load_worker(env=load_env(...)))"]
    assert sorted((p.name, p.stat().st_size) for p in state.rglob("*") if p.is_file()) == before
    with load_env(folder, persist_to=state) as persisted:  # and reading it, as the note says, finds the table
        assert (await persisted.DB.prepare("SELECT count(*) AS n FROM docs").first()).n == 0
