"""A session's bookmark that cannot be written fails the request as the local runtime does:
``D1_ERROR: Failed to get session commit token: internal error; reference = <id>`` (workerd's
``getCurrentBookmark()`` fails below JavaScript, Miniflare's D1 object wraps the internal error),
nothing the request wrote is kept and the bookmark stays where it was. Made to fail as
workers-sdk's own regression test does it: another connection puts a trigger on ``_cf_METADATA``
that aborts the bookmark's write. Measured with wrangler 4.164.0's Miniflare (a read, a write and
a batch in a session: each that text, nothing kept, the next bookmark ``...-00000001-...``)."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path

import pytest
from d1_helpers import D1_WRANGLER

from workers_env import JsException, load_env

FAILED = re.compile(r"D1_ERROR: Failed to get session commit token: internal error; reference = [0-9a-v]{24}")
FIRST = "00000000-00000000-00000000-00000000000000000000000000000000"
NOTE = ("the session's bookmark could not be written: bookmark lookup failed: SQLITE_CONSTRAINT (extended: "
        "SQLITE_CONSTRAINT_TRIGGER); workerd logs that, the Worker gets an internal error, and nothing the "
        "request wrote is kept")
ABORT = "BEGIN SELECT RAISE(ABORT, 'bookmark lookup failed'); END"


def _refusal(awaitable) -> JsException:
    with pytest.raises(JsException) as info:
        asyncio.run(awaitable)
    return info.value


def test_a_bookmark_that_cannot_be_written_fails_the_request_and_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(D1_WRANGLER)
    with load_env(tmp_path, persist_to=tmp_path / "state") as env:
        asyncio.run(env.DB.prepare("CREATE TABLE entries (id INTEGER PRIMARY KEY, value TEXT)").run())
        session = env.DB.withSession()
        asyncio.run(session.prepare("SELECT * FROM entries").all())
        assert session.getBookmark() == FIRST
        state = next(p for p in (tmp_path / "state").rglob("*.sqlite") if p.name != "metadata.sqlite")
        other = sqlite3.connect(state, isolation_level=None)
        for when in ("INSERT", "UPDATE"):
            other.execute(f"CREATE TRIGGER fail_{when} BEFORE {when} ON _cf_METADATA WHEN NEW.key = 2 {ABORT}")
        insert = "INSERT INTO entries (value) VALUES ('order')"
        for request in (session.prepare(insert).run(), session.prepare("SELECT * FROM entries").all(),
                        session.batch([session.prepare(insert), session.prepare(insert)])):
            error = _refusal(request)
            assert FAILED.fullmatch(error.message), error.message
            assert error.__notes__ == [NOTE]
            assert session.getBookmark() == FIRST
        for when in ("INSERT", "UPDATE"):
            other.execute(f"DROP TRIGGER fail_{when}")
        other.close()
        assert asyncio.run(session.prepare("SELECT count(*) AS n FROM entries").first("n")) == 0
        assert session.getBookmark() == "00000000-00000001-00000000-00000000000000000000000000000000"
