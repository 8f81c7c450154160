"""Persisted D1 state: wrangler's file layout, restarts, several processes, a writer killed mid-write."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import forkserver
import pytest

import workers_env
from workers_env import ConfigError, load_env
from workers_env.d1.layout import database_file, durable_object_id, local_database_name

# Computed by wrangler 4.164 itself: `wrangler d1 migrations apply --local` for database_id
# 11111111-2222-3333-4444-555555555555 created .wrangler/state/v3/d1/miniflare-D1DatabaseObject/<this>.sqlite
WRANGLER_FILE = "f023adf8de81e80d62670e09f086149af129cccda34c51f26517069258c53e8c"

WRANGLER = """\
name = "d1-test"
[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "11111111-2222-3333-4444-555555555555"
"""

SUBPROCESS_ENV = {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1]), "PYTHONUNBUFFERED": "1"}


def test_durable_object_id_matches_wrangler():
    assert durable_object_id("11111111-2222-3333-4444-555555555555") == WRANGLER_FILE
    assert durable_object_id("other") != WRANGLER_FILE and len(durable_object_id("other")) == 64
    path = database_file("/state", "11111111-2222-3333-4444-555555555555")
    assert path == Path(f"/state/v3/d1/miniflare-D1DatabaseObject/{WRANGLER_FILE}.sqlite")


def test_local_name_prefers_preview_then_id_then_binding():
    assert local_database_name("DB", "id", "preview") == "preview"
    assert local_database_name("DB", "id", None) == "id"
    assert local_database_name("DB", None, None) == "DB"


@pytest.mark.asyncio
async def test_persisted_database_lives_in_wranglers_file_and_survives_restarts(project, tmp_path):
    root = project(WRANGLER)
    state = tmp_path / "state"
    with load_env(root, persist_to=state) as env:
        await env.DB.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);\nINSERT INTO notes (text) VALUES ('kept');")
    file = state / "v3" / "d1" / "miniflare-D1DatabaseObject" / f"{WRANGLER_FILE}.sqlite"
    assert file.is_file()
    raw = sqlite3.connect(file)
    assert raw.execute("SELECT text FROM notes").fetchall() == [("kept",)]
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()
    with load_env(root, persist_to=state) as env:
        assert await env.DB.prepare("SELECT text FROM notes").first("text") == "kept"
    assert await load_env(root).DB.prepare("SELECT 1 AS a").first("a") == 1  # in memory: fresh
    with pytest.raises(workers_env.JsException, match="no such table"):
        await load_env(root).DB.prepare("SELECT * FROM notes").all()


@pytest.mark.asyncio
async def test_bindings_naming_one_database_share_it(project, tmp_path):
    root = project(WRANGLER + '\n[[d1_databases]]\nbinding = "DB2"\ndatabase_id = "11111111-2222-3333-4444-555555555555"\n'
                              '\n[[d1_databases]]\nbinding = "OTHER"\ndatabase_id = "x"\npreview_database_id = "y"\n')
    with load_env(root, persist_to=tmp_path / "s") as env:
        await env.DB.prepare("CREATE TABLE t (a)").run()
        assert await env.DB2.prepare("SELECT count(*) AS c FROM t").first("c") == 0
        await env.OTHER.prepare("CREATE TABLE o (a)").run()
    assert (tmp_path / "s" / "v3" / "d1" / "miniflare-D1DatabaseObject" / f"{durable_object_id('y')}.sqlite").is_file()
    env = load_env(root)  # in memory, too
    await env.DB.prepare("CREATE TABLE t (a)").run()
    assert await env.DB2.prepare("SELECT count(*) AS c FROM t").first("c") == 0
    with pytest.raises(workers_env.JsException, match="no such table: t"):
        await env.OTHER.prepare("SELECT * FROM t").all()


@pytest.mark.parametrize("entry, problem", [
    ('d1_databases = [{ database_name = "x" }]', '"d1_databases[0]" bindings should have a string "binding" field'),
    # wrangler's own checks (workers_env.config) refuse these first, in its words
    ('d1_databases = [{ binding = 5 }]', '"d1_databases[0]" bindings should have a string "binding" field but got {"binding":5}.'),
    ('d1_databases = ["DB"]', '"d1_databases" bindings should be objects, but got "DB"'),
    ('d1_databases = [{ binding = "DB", database_id = 7 }]',
     '"d1_databases[0]" bindings must have a "database_id" field but got {"binding":"DB","database_id":7}.'),
])
def test_entries_that_cannot_work_are_config_errors(project, entry, problem):
    with pytest.raises(ConfigError) as info:
        load_env(project(f'name = "x"\n{entry}\n'))
    assert problem in str(info.value)


WRITER = textwrap.dedent(
    """
    import asyncio, sys
    from workers_env import load_env
    root, state, tag = sys.argv[1], sys.argv[2], sys.argv[3]
    env = load_env(root, persist_to=state)
    async def main():
        await env.DB.prepare("CREATE TABLE IF NOT EXISTS notes (tag TEXT, k INTEGER, pad TEXT)").run()
        k = 0
        while True:
            await env.DB.batch([env.DB.prepare("INSERT INTO notes VALUES (?, ?, ?)").bind(tag, k * 10 + i, "x" * 500)
                                for i in range(10)])
            print(k, flush=True)  # only after the transaction committed
            k += 1
    asyncio.run(main())
    """
)


def _writer(root: Path, state: Path, tag: str) -> subprocess.Popen[str] | forkserver.Forked:
    return forkserver.popen([sys.executable, "-m", "d1_writer", str(root), str(state), tag],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=SUBPROCESS_ENV,
                            cwd=forkserver.module_folder(state.parent / "runner", "d1_writer", WRITER))


def _acks(proc: subprocess.Popen[str] | forkserver.Forked, n: int) -> int:
    assert proc.stdout is not None
    last = -1
    deadline = time.monotonic() + 60
    while last < n - 1:
        line = proc.stdout.readline()
        if not line:
            pytest.fail(f"writer ended early: {proc.stderr.read() if proc.stderr else ''}")
        last = int(line)
        assert time.monotonic() < deadline, "writer too slow"
    return last


def test_concurrent_processes_and_a_killed_writer_lose_no_acknowledged_write(project, tmp_path):
    root = project(WRANGLER)
    state = tmp_path / "state"
    with load_env(root, persist_to=state) as env:  # create the table before the writers race
        asyncio.run(env.DB.prepare("CREATE TABLE notes (tag TEXT, k INTEGER, pad TEXT)").run())
    a, b = _writer(root, state, "a"), _writer(root, state, "b")
    try:
        acked_b = _acks(b, 5)
        acked_a = _acks(a, 5)
        time.sleep(0.05)
        for proc in (a, b):
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        # the last line read may not be the last acknowledged: read what is left
        acked_a += sum(1 for _ in a.stdout) if a.stdout else 0
        acked_b += sum(1 for _ in b.stdout) if b.stdout else 0
    finally:
        for proc in (a, b):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            for pipe in (proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()
    with load_env(root, persist_to=state) as env:
        async def counts():
            rows = await env.DB.prepare("SELECT tag, count(*) AS c, max(k) AS m FROM notes GROUP BY tag ORDER BY tag").all()
            return {r.tag: (r.c, r.m) for r in rows.results}
        found = asyncio.run(counts())
    for tag, acked in (("a", acked_a), ("b", acked_b)):
        count, top = found[tag]
        assert count % 10 == 0, "a half-written batch was left behind"
        assert count >= (acked + 1) * 10, f"{tag}: acknowledged batches lost"
        assert top == count - 1
    check = sqlite3.connect(state / "v3" / "d1" / "miniflare-D1DatabaseObject" / f"{WRANGLER_FILE}.sqlite")
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()


@pytest.mark.asyncio
async def test_a_live_env_sees_another_process_commit(project, tmp_path):
    root = project(WRANGLER)
    state = tmp_path / "state"
    with load_env(root, persist_to=state) as env:
        await env.DB.prepare("CREATE TABLE notes (a)").run()
        script = ("import asyncio,sys\nfrom workers_env import load_env\n"
                  "e=load_env(sys.argv[1], persist_to=sys.argv[2])\n"
                  "asyncio.run(e.DB.prepare('INSERT INTO notes VALUES (42)').run())\n")
        done = forkserver.run([sys.executable, "-m", "d1_insert", str(root), str(state)], env=SUBPROCESS_ENV, timeout=60,
                              capture_output=True, text=True, cwd=forkserver.module_folder(tmp_path / "runner", "d1_insert", script))
        assert done.returncode == 0, done.stderr
        assert await env.DB.prepare("SELECT a FROM notes").first("a") == 42


def test_close_is_final(project, tmp_path):
    env = load_env(project(WRANGLER), persist_to=tmp_path / "s")
    db = env.DB
    env.close()
    with pytest.raises(workers_env.JsException, match="closed"):
        asyncio.run(db.prepare("SELECT 1").all())
