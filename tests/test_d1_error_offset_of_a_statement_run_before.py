"""A statement that ran before (sqlite3 keeps it prepared) and now fails when SQLite prepares it
again still names ``at offset N``, as workerd does (tools/wrangler/d1_differential.py's
``again``/``twice`` cases); an error found while running it has no offset, as before."""

from __future__ import annotations

import pytest
from d1_helpers import error_message


@pytest.mark.asyncio
async def test_the_same_failing_text_twice_names_the_offset(db):
    await db.prepare("CREATE TABLE again (a)").run()
    assert await error_message(db.prepare("CREATE TABLE again (a)").run()) == (
        "D1_ERROR: table again already exists at offset 13: SQLITE_ERROR")
    twice = db.batch([db.prepare("CREATE TABLE twice (a)"), db.prepare("CREATE TABLE twice (a)")])
    assert await error_message(twice) == "D1_ERROR: table twice already exists at offset 13: SQLITE_ERROR"


@pytest.mark.asyncio
async def test_an_error_while_running_has_no_offset(db):
    await db.prepare("CREATE TABLE u (a UNIQUE)").run()
    await db.prepare("INSERT INTO u VALUES (1)").run()
    assert await error_message(db.prepare("INSERT INTO u VALUES (1)").run()) == (
        "D1_ERROR: UNIQUE constraint failed: u.a: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)")
