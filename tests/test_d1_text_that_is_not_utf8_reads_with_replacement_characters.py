"""TEXT that is not UTF-8 (a ``CAST`` of a BLOB, a state file written by another tool) reaches
Worker code from workerd with U+FFFD for each invalid sequence; sqlite3's own decoding refuses
such a row (``Could not decode to UTF-8 column``). Every path gives wrangler 4.164.0's values
(measured with ``tools/wrangler/d1_differential.py`` and ``wrangler d1 execute --json``): a read
runs again decoded as workerd decodes, a write's ``RETURNING`` is decoded so from the start and
runs once, and no statement is left open holding the database (the shared cursor)."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from d1_helpers import d1_database

from workers_env import load_env
from workers_env.cli import main

TWO_ROWS = "SELECT CAST(X'41FF42' AS TEXT) AS t, 1 AS a UNION ALL SELECT 'ok', CAST(X'C3' AS TEXT)"
# wrangler 4.164.0's answers
TWO_ROWS_RESULTS = [{"t": "A\ufffdB", "a": 1}, {"t": "ok", "a": "\ufffd"}]


def run(coro):
    return asyncio.run(coro)


def test_reads_of_every_kind_give_workerds_text(tmp_path):
    with d1_database(tmp_path) as db:
        assert run(db.prepare(TWO_ROWS).all())["results"] == TWO_ROWS_RESULTS
        assert run(db.prepare(TWO_ROWS).raw()) == [["A\ufffdB", 1], ["ok", "\ufffd"]]
        assert run(db.prepare(TWO_ROWS).first()) == {"t": "A\ufffdB", "a": 1}
        assert run(db.prepare("SELECT CAST(X'E282' AS TEXT) AS t, CAST(X'F0908080' AS TEXT) AS u").first()) == {
            "t": "\ufffd", "u": "\U00010000"}
        assert run(db.prepare("SELECT CAST(X'C0AF' AS TEXT) AS t, CAST(X'EDA080' AS TEXT) AS sur").raw()) == [
            ["\ufffd\ufffd", "\ufffd\ufffd\ufffd"]]
        # named parameters (run with ?NNN), several statements, a batch: the same text
        named = run(db.prepare("SELECT :a AS a, CAST(X'FF' AS TEXT) AS b, :a + 1").bind(7).first())
        assert named == {"a": 7, "b": "\ufffd", ":a + 1": 8}
        assert run(db.prepare("SELECT 1; " + TWO_ROWS).all())["results"] == TWO_ROWS_RESULTS
        batch = run(db.batch([db.prepare(TWO_ROWS), db.prepare("SELECT 2 AS two")]))
        assert [b["results"] for b in batch] == [TWO_ROWS_RESULTS, [{"two": 2}]]
        # the text a table holds, and the next read, unchanged
        run(db.exec("CREATE TABLE b (id INTEGER PRIMARY KEY, t TEXT)"))
        run(db.prepare("INSERT INTO b (t) VALUES (CAST(X'61FF' AS TEXT)), ('fine')").run())
        assert run(db.prepare("SELECT id, t, length(t) AS n FROM b ORDER BY id").all())["results"] == [
            {"id": 1, "t": "a\ufffd", "n": 2}, {"id": 2, "t": "fine", "n": 4}]
        assert run(db.prepare("SELECT t FROM b WHERE id = ?").bind(1).first("t")) == "a\ufffd"
        assert run(db.prepare("SELECT t FROM b WHERE id = ?").bind(2).first("t")) == "fine"


def test_a_write_returning_such_text_runs_once(tmp_path):
    with d1_database(tmp_path) as db:
        run(db.exec("CREATE TABLE b (id INTEGER PRIMARY KEY, t TEXT)"))
        inserted = run(db.prepare("INSERT INTO b (t) VALUES ('fine'), (CAST(X'61FF' AS TEXT)) RETURNING id, t").all())
        assert inserted["results"] == [{"id": 1, "t": "fine"}, {"id": 2, "t": "a\ufffd"}]
        assert (inserted["meta"]["changes"], inserted["meta"]["last_row_id"]) == (2, 2)
        updated = run(db.prepare("UPDATE b SET t = t || CAST(X'FE' AS TEXT) WHERE id = :id RETURNING t, :id AS id")
                      .bind(2).first())
        assert updated == {"t": "a\ufffd\ufffd", "id": 2}
        assert run(db.prepare("INSERT INTO b (t) VALUES (CAST(X'FF' AS TEXT)) RETURNING t").raw()) == [["\ufffd"]]
        assert run(db.prepare("SELECT count(*) AS n FROM b").first("n")) == 3


def test_no_statement_is_left_holding_the_database_file(tmp_path):
    (tmp_path / "wrangler.toml").write_text(
        'name = "x"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "n"\ndatabase_id = "i"\n')
    env = load_env(tmp_path, persist_to=tmp_path / "state")
    try:
        db = env.DB
        run(db.exec("CREATE TABLE b (id INTEGER PRIMARY KEY, t TEXT)"))
        run(db.prepare("INSERT INTO b (t) VALUES ('ok'), (CAST(X'FF' AS TEXT)) RETURNING t").all())
        # a write sqlite3 does not count as one (a CTE before it) keeps sqlite3's refusal: it cannot run again
        with pytest.raises(Exception, match=r"D1_ERROR: Could not decode to UTF-8 column 't'"):
            run(db.prepare("WITH x AS (SELECT 1) INSERT INTO b (t) SELECT CAST(X'FE' AS TEXT) FROM x RETURNING t")
                .first())
        (state,) = (tmp_path / "state").rglob("*.sqlite")
        other = sqlite3.connect(state, timeout=0, isolation_level=None)
        try:  # another process writes at once: nothing of ours holds the write lock
            other.execute("INSERT INTO b (t) VALUES ('elsewhere')")
        finally:
            other.close()
        assert run(db.prepare("SELECT count(*) AS n FROM b").first("n")) == 4
    finally:
        env.close()


def test_d1_execute_json_prints_wranglers_text(tmp_path, monkeypatch, capsys):
    (tmp_path / "wrangler.toml").write_text(
        'name = "x"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "n"\ndatabase_id = "i"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["d1", "execute", "n", "--local", "--json", "--command", TWO_ROWS]) == 0
    (answer,) = json.loads(capsys.readouterr().out)
    assert answer["success"] is True and answer["results"] == TWO_ROWS_RESULTS
