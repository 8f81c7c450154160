"""A user's afternoon with ``d1``, ``kv`` and ``vectorize`` on a project whose local state both
tools keep (``.wrangler/state`` shared), against wrangler.

A project with D1 (two databases), KV and Vectorize bindings; sequences of the commands a user
runs day to day (:data:`SEQUENCES`: ``d1 execute`` with bad SQL, big files and ``--json``,
``d1 export`` options and a re-import, ``d1 migrations create/list/apply``, ``kv key`` with
``--metadata``/``--ttl``/``--path``, ``kv bulk``), each run four ways in a fresh copy of the
project: every step by wrangler, every step by workers-env, and the steps alternating between the
two tools, starting with either (so each tool reads what the other wrote). Every step's stdout,
stderr and exit code is compared with wrangler's own run of that step, and the state after the
sequence (each D1 database's rows, the ``d1_migrations`` names, each KV entry with its value,
metadata and expiration, the project's files: exports, new migrations) with wrangler's.
Single commands (:data:`SINGLES`: typos of commands and flags, wrong values, ``--help`` of each
command, ``vectorize`` commands) are compared as ``cli_layout_differential.py`` compares its
command-line mistakes (help by whose it is, a "Did you mean" box by what it suggests, login
errors and workers-env's refusals alike).

Normalised on both sides: wrangler's banner and log-file line (``strip_wrangler``), ANSI colours,
``meta.duration``, the project's path, times (``<now+N>`` for an expiration N seconds ahead,
rounded to 10 s; a migration file's creation date). workers-env's own ``(workers-env: ...)``
lines are not compared but counted ("hints").

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 tools/wrangler/walk_differential.py [-k TEXT]

Prints each difference and ``N/M identical`` per group. Not collected by pytest.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_layout_differential import (  # noqa: E402
    ACCOUNT, ANSI, DURATION, HERE, HINT, LOGIN, REFUSAL, help_named, run, strip_wrangler)

CONFIG = '''name = "notes"
main = "src/entry.py"
compatibility_date = "2025-09-01"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"

[[d1_databases]]
binding = "ARCHIVE"
database_name = "archive-db"
database_id = "1b2c3d4e-0000-4000-8000-00000000abcd"

[[kv_namespaces]]
binding = "CACHE"
id = "0f2ac74b498b48028cb68387c421e279"

[[kv_namespaces]]
binding = "SESSIONS"
id = "5e5510b5e5510b5e5510b5e5510b5e55"
preview_id = "5e5510b5e5510b5e5510b5e5510bbbbb"

[[vectorize]]
binding = "VEC"
index_name = "notes-idx"
'''

SEED = ("INSERT INTO notes (body, tag) VALUES ('seeded one', 'seed');\n"
        "INSERT INTO notes (body, tag) VALUES ('seeded; with a semicolon', 'seed');\n"
        "-- a comment\nUPDATE notes SET tag = 'x' WHERE id = 1;\n")
BIG = "".join(f"INSERT INTO notes (body, tag) VALUES ('row {i} {'x' * 80}', 'big');\n" for i in range(20000))
BAD = ("INSERT INTO notes (body, tag) VALUES ('before the error', 'bad');\n"
       "INSERT INTO nope (body) VALUES ('x');\nINSERT INTO notes (body, tag) VALUES ('after', 'bad');\n")
BULK = [{"key": "b1", "value": "one"},
        {"key": "b2", "value": "two", "metadata": {"k": [1, 2]}},
        {"key": "b3", "value": "aGVsbG8=", "base64": True},
        {"key": "b4", "value": "ttl", "expiration_ttl": 3600},
        {"key": "dir/b5", "value": "ünïcödé ✓"}]
FILES = {
    "wrangler.toml": CONFIG,
    "seed.sql": SEED, "big.sql": BIG, "bad.sql": BAD,
    "schema.sql": "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, at TEXT DEFAULT CURRENT_TIMESTAMP, kind TEXT);\n",
    "bulk.json": json.dumps(BULK), "keys.json": json.dumps(["b1", "b2", "b3", "nope"]),
    "bad-bulk.json": json.dumps([{"key": "x"}]),
    "value.txt": "a value from a file\nwith two lines\n",
    "folder with space/ünï.txt": "unicode path",
    "src/entry.py": "from workers import WorkerEntrypoint\n",
}
BINARY = bytes(range(256)) * 4

D1 = ["d1", "execute", "notes-db", "--local"]
KV = ["--binding", "CACHE", "--local"]
CREATE = D1 + ["--command", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, tag TEXT)"]

#: a sequence is a list of steps: an argument list (run by one tool) or ("write", path, text)
SEQUENCES: dict[str, list] = {
    "d1 execute": [
        CREATE,
        D1 + ["--command", "INSERT INTO notes (body, tag) VALUES ('a', 'x'), ('b', NULL)"],
        D1 + ["--command", "SELECT * FROM notes"],
        D1 + ["--command", "SELECT * FROM notes", "--json"],
        D1 + ["--command", "SELEC * FROM notes"],
        D1 + ["--command", "SELEC * FROM notes", "--json"],
        D1 + ["--command", "SELECT * FROM nope"],
        D1 + ["--command", "INSERT INTO notes (body) VALUES (NULL)"],
        D1 + ["--command", "INSERT INTO notes (id, body) VALUES (1, 'dup')", "--json"],
        D1 + ["--file", "seed.sql"],
        D1 + ["--file", "seed.sql", "--json"],
        D1 + ["--file", "big.sql"],
        D1 + ["--file", "bad.sql"],
        D1 + ["--file", "bad.sql", "--json"],
        D1 + ["--file", "missing.sql"],
        D1 + ["--file", "schema.sql"],
        D1 + ["--command", "SELECT tag, count(*) AS n FROM notes GROUP BY tag ORDER BY tag", "--json"],
        D1 + ["--command", "SELECT x'00ff' AS b, 1.5 AS r, NULL AS n, 9007199254740993 AS big, 'é' AS t", "--json"],
        D1 + ["--command", "select 1; select 2;"],
        D1 + ["--command", ""],
        D1,
        D1 + ["--command", "select 1", "--file", "seed.sql"],
        ["d1", "execute", "DB", "--local", "--command", "SELECT count(*) AS n FROM notes"],
        ["d1", "execute", "notes-db", "--command", "SELECT count(*) AS n FROM notes"],
        ["d1", "execute", "nope-db", "--local", "--command", "select 1"],
        ["d1", "execute", "notes-db", "--local", "--persist-to", "other state", "--command", "select 1 as one"],
        D1 + ["--command", "DELETE FROM notes WHERE tag = 'big'", "--json"],
        D1 + ["--command", "SELECT count(*) AS n FROM notes"],
    ],
    "d1 export": [
        CREATE,
        D1 + ["--file", "seed.sql"],
        D1 + ["--command", "CREATE INDEX notes_tag ON notes (tag); CREATE VIEW seeded AS SELECT * FROM notes WHERE tag = 'seed'"],
        D1 + ["--file", "schema.sql"],
        ["d1", "export", "notes-db", "--local", "--output", "all.sql"],
        ["d1", "export", "notes-db", "--local", "--output", "notes.sql", "--table", "notes"],
        ["d1", "export", "notes-db", "--local", "--output", "two.sql", "--table", "notes", "--table", "events"],
        ["d1", "export", "notes-db", "--local", "--output", "data.sql", "--no-schema"],
        ["d1", "export", "notes-db", "--local", "--output", "schema-only.sql", "--no-data"],
        ["d1", "export", "notes-db", "--local", "--output", "x.sql", "--no-schema", "--no-data"],
        ["d1", "export", "notes-db", "--local"],
        ["d1", "export", "notes-db", "--local", "--output", "folder with space"],
        ["d1", "export", "notes-db", "--local", "--output", "no/such/dir/x.sql"],
        ["d1", "export", "notes-db", "--output", "implicit-local.sql"],
        ["d1", "export", "nope-db", "--local", "--output", "x.sql"],
        ["d1", "execute", "archive-db", "--local", "--file", "all.sql"],
        ["d1", "execute", "archive-db", "--local", "--command", "SELECT * FROM seeded", "--json"],
        ["d1", "execute", "archive-db", "--local", "--file", "all.sql"],
        ["d1", "export", "archive-db", "--local", "--output", "archive.sql"],
    ],
    "d1 migrations": [
        ["d1", "migrations", "list", "notes-db", "--local"],
        ["d1", "migrations", "apply", "notes-db", "--local"],
        ["d1", "migrations", "create", "notes-db", "init"],
        ("write", "migrations/0001_init.sql",
         "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\nINSERT INTO notes (body) VALUES ('first');\n"),
        ["d1", "migrations", "list", "notes-db", "--local"],
        ["d1", "migrations", "apply", "notes-db", "--local"],
        ["d1", "migrations", "apply", "notes-db", "--local"],
        ["d1", "migrations", "list", "notes-db", "--local"],
        ["d1", "migrations", "create", "notes-db", "add tags"],
        ("write", "migrations/0002_add_tags.sql", "ALTER TABLE notes ADD COLUMN tag TEXT;\nUPDATE nope SET x = 1;\n"),
        ["d1", "migrations", "apply", "notes-db", "--local"],
        ["d1", "migrations", "list", "notes-db", "--local"],
        ("write", "migrations/0002_add_tags.sql", "ALTER TABLE notes ADD COLUMN tag TEXT;\n"),
        ["d1", "migrations", "create", "notes-db", "ünïcode"],
        ["d1", "migrations", "apply", "notes-db", "--local"],
        ["d1", "migrations", "list", "DB", "--local"],
        ["d1", "migrations", "create", "notes-db"],
        ["d1", "migrations", "create", "notes-db", "x", "--local"],
        ["d1", "migrations", "apply", "nope-db", "--local"],
        ["d1", "execute", "notes-db", "--local", "--command", "SELECT id, name FROM d1_migrations", "--json"],
        ["d1", "migrations", "apply", "archive-db", "--local"],
    ],
    "kv key": [
        ["kv", "key", "put", "greeting", "hello world", *KV],
        ["kv", "key", "get", "greeting", *KV],
        ["kv", "key", "get", "greeting", *KV, "--text"],
        ["kv", "key", "put", "meta", "v", *KV, "--metadata", '{"owner": "me", "n": 1}'],
        ["kv", "key", "put", "tmp", "v", *KV, "--ttl", "3600"],
        ["kv", "key", "put", "short", "v", *KV, "--ttl", "30"],
        ["kv", "key", "put", "gone", "v", *KV, "--expiration", "1000"],
        ["kv", "key", "put", "later", "v", *KV, "--expiration", "4102444800"],
        ["kv", "key", "put", "file", *KV, "--path", "logo.bin"],
        ["kv", "key", "get", "file", *KV],
        ["kv", "key", "put", "text-file", *KV, "--path", "value.txt", "--metadata", '{"from": "file"}'],
        ["kv", "key", "put", "uni", *KV, "--path", "folder with space/ünï.txt"],
        ["kv", "key", "put", "both", "v", *KV, "--path", "value.txt"],
        ["kv", "key", "put", "none", *KV],
        ["kv", "key", "put", "nopath", *KV, "--path", "missing.txt"],
        ["kv", "key", "put", "badmeta", "v", *KV, "--metadata", "nope"],
        ["kv", "key", "put", "arraymeta", "v", *KV, "--metadata", "[1, 2]"],
        ["kv", "key", "put", "ünï ✓", "ünïcödé ✓", *KV],
        ["kv", "key", "get", "ünï ✓", *KV, "--text"],
        ["kv", "key", "list", *KV],
        ["kv", "key", "list", *KV, "--prefix", "t"],
        ["kv", "key", "list", *KV, "--prefix", "zzz"],
        ["kv", "key", "delete", "greeting", *KV],
        ["kv", "key", "get", "greeting", *KV],
        ["kv", "key", "get", "greeting", *KV, "--text"],
        ["kv", "key", "delete", "never-was", *KV],
        ["kv", "key", "put", "byid", "v", "--namespace-id", "0f2ac74b498b48028cb68387c421e279", "--local"],
        ["kv", "key", "get", "byid", "--namespace-id", "0f2ac74b498b48028cb68387c421e279", "--local"],
        ["kv", "key", "put", "s", "v", "--binding", "SESSIONS", "--local"],
        ["kv", "key", "put", "s", "preview", "--binding", "SESSIONS", "--local", "--preview"],
        ["kv", "key", "get", "s", "--binding", "SESSIONS", "--local"],
        ["kv", "key", "list", "--binding", "SESSIONS", "--local", "--preview", "false"],
        ["kv", "key", "get", "x", "--binding", "NOPE", "--local"],
        ["kv", "key", "get", "x", "--local"],
        ["kv", "key", "put", "x", "v", "--binding", "CACHE", "--namespace-id", "abc", "--local"],
        ["kv", "key", "list", *KV],
    ],
    "kv bulk": [
        ["kv", "bulk", "put", "bulk.json", *KV],
        ["kv", "key", "list", *KV],
        ["kv", "bulk", "get", "keys.json", *KV],
        ["kv", "key", "get", "b3", *KV, "--text"],
        ["kv", "key", "get", "dir/b5", *KV, "--text"],
        ["kv", "bulk", "delete", "keys.json", *KV],
        ["kv", "bulk", "delete", "keys.json", *KV, "--force"],
        ["kv", "bulk", "get", "keys.json", *KV],
        ["kv", "bulk", "put", "bad-bulk.json", *KV],
        ["kv", "bulk", "put", "missing.json", *KV],
        ["kv", "bulk", "put", "keys.json", *KV],
        ["kv", "key", "list", *KV],
        ["kv", "namespace", "list"],
        ["kv", "namespace", "create", "x"],
    ],
}

HELP_COMMANDS = [
    ["d1"], ["d1", "execute"], ["d1", "export"], ["d1", "migrations"], ["d1", "migrations", "create"],
    ["d1", "migrations", "list"], ["d1", "migrations", "apply"], ["kv"], ["kv", "key"], ["kv", "key", "put"],
    ["kv", "key", "get"], ["kv", "key", "list"], ["kv", "key", "delete"], ["kv", "bulk"], ["kv", "bulk", "put"],
    ["kv", "bulk", "get"], ["kv", "bulk", "delete"], ["kv", "namespace"], ["vectorize"],
    *(["vectorize", c] for c in ("create", "delete", "get", "list", "info", "insert", "upsert", "query", "get-vectors",
                                 "delete-vectors", "list-vectors", "create-metadata-index", "list-metadata-index",
                                 "delete-metadata-index")),
]

#: single commands: (group, arguments)
SINGLES: list[tuple[str, list[str]]] = [
    *(("typo", a) for a in [
        ["d1", "exectue", "notes-db", "--local", "--command", "select 1"],
        ["d1", "execut", "notes-db", "--local", "--command", "select 1"],
        ["d1", "migration", "list", "notes-db", "--local"],
        ["d1", "migrations", "lst", "notes-db", "--local"],
        ["d1", "migrations", "aply", "notes-db", "--local"],
        ["d1", "exports", "notes-db", "--local", "--output", "x.sql"],
        ["d1", "execute", "notes-db", "--loacl", "--command", "select 1"],
        ["d1", "execute", "notes-db", "--local", "--comand", "select 1"],
        ["d1", "execute", "notes-db", "--local", "--command"],
        ["d1", "execute", "notes-db", "--local", "--file"],
        ["d1", "execute", "--local", "--command", "select 1"],
        ["d1", "execute", "notes-db", "--local", "--command", "select 1", "--jsno"],
        ["d1", "execute", "notes-db", "--local", "--command", "select 1", "--json=yes"],
        ["d1", "export", "notes-db", "--local", "--otuput", "x.sql"],
        ["d1", "export", "notes-db", "--local", "--output", "x.sql", "--tabel", "notes"],
        ["d1", "export", "notes-db", "--local", "--output", "x.sql", "--no-shema"],
        ["d1", "migrations", "create"],
        ["d1", "migrations", "apply", "--local"],
        ["d1", "execute", "notes-db", "--local", "--remote", "--command", "select 1"],
        ["d1", "execute", "notes-db", "--persist-to", "st", "--command", "select 1"],
        ["d1"],
        ["d1", "migrations"],
        ["kv", "key", "gett", "k", *KV],
        ["kv", "keys", "list", *KV],
        ["kv", "ky", "list", *KV],
        ["kv", "bulk", "puts", "bulk.json", *KV],
        ["kv", "key", "put", "k", "v", "--bindng", "CACHE", "--local"],
        ["kv", "key", "put", "k", "v", "--binding", "cache", "--local"],
        ["kv", "key", "put", "k", "v", *KV, "--ttl", "abc"],
        ["kv", "key", "put", "k", "v", *KV, "--ttl"],
        ["kv", "key", "put", "k", "v", *KV, "--metadata"],
        ["kv", "key", "put", "k", "v", *KV, "--expiration", "soon"],
        ["kv", "key", "put", "k", "v", *KV, "--path"],
        ["kv", "key", "get", *KV],
        ["kv", "key", "put", *KV],
        ["kv", "key", "list", *KV, "--prefx", "a"],
        ["kv", "key", "list", *KV, "--limit", "1"],
        ["kv", "bulk", "get", *KV],
        ["kv", "bulk", "delete", "keys.json", *KV, "-f"],
        ["kv", "key", "get", "k", *KV, "--remote"],
        ["kv:key", "list", *KV],
        ["kv"],
        ["kv", "key"],
        ["kv", "bulk"],
        ["kv", "namespace", "lst"],
        ["vectorise", "list"],
        ["vectorize", "lst"],
        ["vectorize", "create", "notes-idx"],
        ["vectorize", "create", "notes-idx", "--dimensions", "3"],
        ["vectorize", "create", "notes-idx", "--dimensions", "3", "--metric", "cos"],
        ["vectorize", "create", "notes-idx", "--dimensions", "abc", "--metric", "cosine"],
        ["vectorize", "create", "notes-idx", "--preset", "nope"],
        ["vectorize", "create", "notes-idx", "--dimensions", "3", "--metric", "cosine", "--dimensons", "4"],
        ["vectorize", "insert", "notes-idx"],
        ["vectorize", "query", "notes-idx"],
        ["vectorize", "query", "notes-idx", "--vector", "1", "2", "x"],
        ["vectorize", "get-vectors", "notes-idx"],
        ["vectorize", "delete-vectors", "notes-idx"],
        ["vectorize", "create-metadata-index", "notes-idx", "--property-name", "tag", "--type", "strng"],
        ["vectorize", "create-metadata-index", "notes-idx", "--property-name", "tag"],
        ["vectorize", "list-vectors", "notes-idx", "--count", "abc"],
        ["vectorize"],
    ]),
    *(("vectorize", a) for a in [
        ["vectorize", "create", "notes-idx", "--dimensions", "3", "--metric", "cosine"],
        ["vectorize", "list"], ["vectorize", "get", "notes-idx"], ["vectorize", "info", "notes-idx"],
        ["vectorize", "list", "--json"], ["vectorize", "delete", "notes-idx", "--force"],
    ]),
    *(("help", [*c, "--help"]) for c in HELP_COMMANDS),
]

NOW = re.compile(r"\b1[6-9]\d{8}(?:\d{3})?\b")
MIGRATION_DATE = re.compile(r"-- Migration number: (\d{4}) \t \S+")


def timeless(text: str) -> str:
    """``text`` with expirations near now as ``<now+N>`` and migration dates out: N in whole
    half hours (wrangler's steps take a second or more each, so a sequence's clock drifts by
    minutes between the two tools), ``ms`` after it for one in milliseconds."""
    now = time.time()

    def near(m: re.Match) -> str:
        ms = len(m[0]) == 13
        ahead = int(m[0]) / (1000 if ms else 1) - now
        return f"<now+{round(ahead / 1800) * 1800}{'ms' if ms else ''}>" if abs(ahead) < 10 ** 6 else m[0]
    return MIGRATION_DATE.sub(r"-- Migration number: \1 \t <date>", NOW.sub(near, text))


def make_project(folder: Path) -> None:
    for name, text in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "logo.bin").write_bytes(BINARY)


def state_of(folder: Path) -> dict:
    """What a user could see of the project after a sequence: D1 rows, KV entries, files."""
    out: dict = {}
    for where in (".wrangler/state", "other state"):
        out.update({f"{where} {k}": v for k, v in state_in(folder / where / "v3").items()})
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and rel.parts[0] not in (".wrangler", "other state") and str(rel) not in FILES \
                and rel.name != "logo.bin":
            out[f"file {rel}"] = timeless(path.read_text("utf-8", "replace"))[:4000]
    return out


def state_in(state: Path) -> dict:
    """The D1 rows and KV entries of one persisted state folder (``.../v3``)."""
    out: dict = {}
    for db in sorted((state / "d1" / "miniflare-D1DatabaseObject").glob("*.sqlite")):
        if db.name == "metadata.sqlite":
            continue
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view','index','trigger')"
                                                " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            for t in tables:
                if t == "d1_migrations":
                    out[f"d1 {db.name[:8]} {t}"] = [list(r) for r in con.execute("SELECT id, name FROM d1_migrations")]
                elif con.execute("SELECT type FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0] == "table":
                    out[f"d1 {db.name[:8]} {t}"] = [repr(r) for r in con.execute(f'SELECT * FROM "{t}"')][:50] + [
                        con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
                else:
                    out[f"d1 {db.name[:8]} {t}"] = "exists"
        finally:
            con.close()
    for ns in sorted((state / "kv" / "miniflare-KVNamespaceObject").glob("*.sqlite")):
        if ns.name == "metadata.sqlite":  # Miniflare's own, not a namespace
            continue
        con = sqlite3.connect(f"file:{ns}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT key, blob_id, expiration, metadata FROM _mf_entries ORDER BY key").fetchall()
        except sqlite3.OperationalError as e:  # a namespace opened and never written
            out[f"kv {ns.name[:8]}"] = str(e)
            rows = []
        finally:
            con.close()
        blobs = [p for p in (state / "kv").glob("*/blobs") if p.is_dir()]
        for key, blob, expiration, metadata in rows:
            value = next(((b / blob).read_bytes() for b in blobs if (b / blob).exists()), None)
            out[f"kv {ns.name[:8]} {key}"] = [value.decode("utf-8", "replace") if value is not None else None,
                                              timeless(str(expiration)), metadata]
    return out


#: commands run on a terminal (no ``CI``; stdin, stdout and stderr one pseudo-terminal of 120
#: columns), after the sequence's steps before them, where wrangler prints tables
TTY_STEPS = [
    CREATE, D1 + ["--file", "seed.sql"],
    ("tty", D1 + ["--command", "SELECT * FROM notes"]),
    ("tty", D1 + ["--command", "SELECT id, body FROM notes; SELECT count(*) AS n FROM notes"]),
    ("tty", D1 + ["--command", "INSERT INTO notes (body) VALUES ('on a terminal')"]),
    ("tty", D1 + ["--command", "SELECT * FROM notes", "--json"]),
    ("tty", D1 + ["--command", "SELEC 1"]),
    ("tty", D1 + ["--command", "SELECT x'00ff' AS b, NULL AS n, 1.5 AS r, 'é ✓' AS t"]),
    ("tty", ["d1", "migrations", "list", "notes-db", "--local"]),
    ("tty", D1 + ["--file", "seed.sql"]),
    ("tty", D1 + ["--file", "bad.sql"]),
    ("tty", ["d1", "export", "notes-db", "--local", "--output", "tty.sql"]),
    ("tty", D1 + ["--command", "SELECT body FROM notes WHERE id = 2 OR body LIKE '%terminal%'", "--json"]),
    ["kv", "key", "put", "greeting", "hello", *KV, "--metadata", '{"a": 1}'],
    ("tty", ["kv", "key", "get", "greeting", *KV]),
    ("tty", ["kv", "key", "list", *KV]),
    ("tty", ["kv", "key", "get", "nope", *KV]),
    ("tty", ["kv", "bulk", "get", "keys.json", *KV]),
]
SEQUENCES["on a terminal"] = TTY_STEPS


def run_tty(cmd: list[str], cwd: Path) -> dict:
    """``cmd`` on a pseudo-terminal as a user's shell runs it: what it printed (both streams in
    one, as the terminal shows them) and its exit code."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ENV")}
    env.update({"PYTHONPATH": str(HERE.parents[1]), "TERM": "xterm-256color"})
    if cmd[0].endswith("wrangler"):  # the wrapper script sets CI=true: run wrangler itself
        wdir = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "")
        env["PATH"] = Path(wdir, "node-bin-path").read_text().strip() + ":" + env["PATH"]
        env["WRANGLER_SEND_METRICS"] = "false"
        cmd = [str(Path(wdir, "node_modules/.bin/wrangler")), *cmd[1:]]
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=300)
    os.close(master)
    text = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    text = text.replace(str(cwd.resolve()), "<app>").replace(str(cwd), "<app>")
    return {"stdout": DURATION.sub("<ms>", text), "stderr": "", "code": code}


def plain(result: dict, side: str, kind: str) -> dict:
    if side == "wrangler":
        out, err = strip_wrangler(result["stdout"], kind), strip_wrangler(result["stderr"], kind)
        hints = 0
    else:
        out, err = ANSI.sub("", result["stdout"]), ANSI.sub("", result["stderr"])
        hints = len(HINT.findall(err))
        err = HINT.sub("", err)
    return {"stdout": timeless(out), "stderr": timeless(err), "code": result["code"], "hints": hints}


def run_sequence(steps: list, tools: list[str], folder: Path) -> tuple[list[dict], dict]:
    make_project(folder)
    results = []
    for tool, step in zip(tools, steps):
        if isinstance(step, tuple) and step[0] == "write":
            (folder / step[1]).write_text(step[2], encoding="utf-8")
            results.append({"stdout": "", "stderr": "", "code": 0, "hints": 0})
            continue
        cmd = [str(HERE / "wrangler")] if tool == "wrangler" else [sys.executable, "-m", "workers_env"]
        if isinstance(step, tuple):  # ("tty", arguments)
            results.append(plain(run_tty(cmd + step[1], folder), tool, step[1][0]))
        else:
            results.append(plain(run(cmd + step, folder), tool, step[0]))
    return results, state_of(folder)


def compared_single(a: dict, b: dict, b_side: str = "ours") -> tuple[dict, dict]:
    """wrangler's result ``a`` and ``b_side``'s ``b`` as cli_layout_differential compares
    command-line mistakes (help by whose it is, login errors and refusals alike)."""
    a, b = dict(a), dict(b)
    for x, side in ((a, "wrangler"), (b, b_side)):
        mark = LOGIN if side == "wrangler" else REFUSAL
        x["stdout"], x["stderr"] = mark.sub(ACCOUNT, help_named(x["stdout"], side)), mark.sub(ACCOUNT, x["stderr"])
    return a, b


def show(result: dict) -> str:
    return "\n".join(f"      {k}|{line}" for k in ("stdout", "stderr") for line in result[k].split("\n") if result[k]) + \
        f"\n      code|{result['code']}"


def main() -> int:
    argv = sys.argv[1:]
    only = argv[argv.index("-k") + 1] if "-k" in argv else None
    modes = {"wrangler": lambda n: ["wrangler"] * n, "ours": lambda n: ["ours"] * n,
             "wrangler>ours": lambda n: ["wrangler" if i % 2 == 0 else "ours" for i in range(n)],
             "ours>wrangler": lambda n: ["ours" if i % 2 == 0 else "wrangler" for i in range(n)]}
    jobs = [(name, mode) for name in SEQUENCES if only is None or only in name for mode in modes]
    singles = [(g, a) for g, a in SINGLES if only is None or only in g + " :: " + " ".join(a)]
    with tempfile.TemporaryDirectory(prefix="walk-") as tmp:
        root = Path(tmp)

        def one_sequence(job: tuple[str, str]) -> tuple[list[dict], dict]:
            name, mode = job
            folder = root / re.sub(r"\W+", "_", f"{name}_{mode}")
            folder.mkdir()
            steps = SEQUENCES[name]
            return run_sequence(steps, modes[mode](len(steps)), folder)

        def one_single(job: tuple[int, str, list[str], str]) -> dict:
            i, _, args, side = job
            folder = root / f"single_{i}_{side}"
            folder.mkdir()
            make_project(folder)
            cmd = [str(HERE / "wrangler")] if side == "wrangler" else [sys.executable, "-m", "workers_env"]
            return plain(run(cmd + args, folder), side, args[0])

        with ThreadPoolExecutor(max_workers=3) as pool:
            seq_results = dict(zip(jobs, pool.map(one_sequence, jobs)))
            single_jobs = [(i, g, a, side) for i, (g, a) in enumerate(singles) for side in ("wrangler", "ours")]
            single_results = list(pool.map(one_single, single_jobs))
    figures: dict[str, list[int]] = {}
    hints = 0
    for name in SEQUENCES:
        if (name, "wrangler") not in seq_results:
            continue
        ref_steps, ref_state = seq_results[(name, "wrangler")]
        for mode in ("ours", "wrangler>ours", "ours>wrangler"):
            steps, state = seq_results[(name, mode)]
            tools = modes[mode](len(steps))
            fig = figures.setdefault(f"{name} [{mode}] steps", [0, 0])
            for i, (a, b, tool, step) in enumerate(zip(ref_steps, steps, tools, SEQUENCES[name])):
                if isinstance(step, tuple) and step[0] == "write":
                    continue
                hints += b["hints"]
                a, b = compared_single(a, b, tool)
                same = {k: a[k] for k in ("stdout", "stderr", "code")} == {k: b[k] for k in ("stdout", "stderr", "code")}
                fig[0] += same
                fig[1] += 1
                if not same:
                    words = step[1] if isinstance(step, tuple) else step
                    print(f"DIFF {name} [{mode}] step {i + 1} by {tool}: {' '.join(words)}")
                    print("    wrangler alone:\n" + show(a) + "\n    this run:\n" + show(b))
            sfig = figures.setdefault("state after [all sequences]", [0, 0])
            sfig[1] += 1
            if state == ref_state:
                sfig[0] += 1
            else:
                print(f"DIFF state after {name} [{mode}]")
                for key in sorted(set(state) | set(ref_state)):
                    if state.get(key) != ref_state.get(key):
                        print(f"    {key}\n      wrangler: {str(ref_state.get(key))[:600]}\n      this run: {str(state.get(key))[:600]}")
    for i, (group, args) in enumerate(singles):
        a, b = single_results[2 * i], single_results[2 * i + 1]
        hints += b["hints"]
        a, b = compared_single(a, b)
        same = {k: a[k] for k in ("stdout", "stderr", "code")} == {k: b[k] for k in ("stdout", "stderr", "code")}
        fig = figures.setdefault(group, [0, 0])
        fig[0] += same
        fig[1] += 1
        if not same:
            print(f"DIFF {group} :: {' '.join(args)}")
            print("    wrangler:\n" + show(a) + "\n    workers-env:\n" + show(b))
    print()
    for group, (same, total) in figures.items():
        print(f"{group}: {same}/{total} identical")
    print(f"(workers-env hint lines, not compared: {hints})")
    return 0 if all(s == t for s, t in figures.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
