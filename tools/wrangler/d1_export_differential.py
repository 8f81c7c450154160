"""Differential check of ``workers-env d1 export`` against ``wrangler d1 export --local``.

Builds several local D1 databases (every SQLite type, quotes, unicode, line breaks, BLOBs,
NULLs, int64 extremes, floats such as 0.1 / 1e300 / infinity, AUTOINCREMENT, indexes, views,
triggers, foreign keys, empty tables, ``ANALYZE``'s ``sqlite_stat1``, an FTS5 table, seeded
random rows), then runs the same ``d1 export`` command lines through the real wrangler
(4.164.0; 4.168.0 since wprobes69) and through workers-env on the same ``.wrangler/state`` and compares

* the output files byte for byte (or that neither tool wrote one),
* the exit codes, and stdout/stderr line by line (wrangler's banner, blank lines and its
  ``🪵 Logs were written`` line left out, and workers-env's ``(workers-env: ...)`` line after a
  lookup error -- ``did you mean ...``, or the environment that has the database; for usage
  errors, where wrangler prints its help on stdout and argparse its usage on stderr, only the
  ``✘ [ERROR]`` line).

Known, deliberate differences are listed separately and not counted as identical: ``--remote``
(workers-env refuses it) and an unknown ``--table`` (wrangler writes an export without it,
exit 0; workers-env refuses it, exit 1, nothing written). For the FTS5 refusal wrangler prints
a JavaScript stack of Miniflare's worker after the message; those ``at ...`` lines are left out.

Then the round trip: each full export is run with ``workers-env d1 execute --file`` into a
fresh database, and that database exported again must give the same file (the export is a
fixed point: every value it can write comes back as written); wrangler does the same with
workers-env's file; and one database of values an export keeps exactly (no integer beyond
2**53, no whole-number REAL, no -0.0) must come back cell for cell, typeof included.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 tools/wrangler/d1_export_differential.py

Not collected by pytest (needs Node and the installed wrangler). Exit status 0 when every
comparison is identical.
"""

from __future__ import annotations

import math
import os
import random
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

CONFIG = """\
name = "export-diff"
main = "src/entry.py"
compatibility_date = "2025-09-01"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "main-db"
database_id = "0f8a4c1e-0000-4000-8000-00000000e001"

[[d1_databases]]
binding = "BARE"

[[d1_databases]]
binding = "PREVIEW"
database_name = "preview-db"
database_id = "0f8a4c1e-0000-4000-8000-00000000e002"
preview_database_id = "0f8a4c1e-0000-4000-8000-00000000e003"

[env.staging]
[[env.staging.d1_databases]]
binding = "DB"
database_name = "staging-db"
database_id = "0f8a4c1e-0000-4000-8000-00000000e004"
"""

# every SQLite type and awkward name (a file of its own: it holds """ and '''''')
TYPES_SQL = (HERE / "d1_export_types.sql").read_text(encoding="utf-8")

# values an export writes exactly as they are stored (the round trip must give them back cell for
# cell); node's row 1 refers to row 2, written after it: the import holds only by the export's
# PRAGMA defer_foreign_keys=TRUE
EXACT_SQL = r"""
CREATE TABLE exact (id INTEGER PRIMARY KEY AUTOINCREMENT, i INTEGER, r REAL, t TEXT, b BLOB, x);
INSERT INTO exact (i, r, t, b, x) VALUES (9007199254740991, 0.1, 'it''s', x'00ff', NULL);
INSERT INTO exact (i, r, t, b, x) VALUES (-9007199254740991, 1e300, 'a
b' || char(13) || 'c', x'', 1.5);
INSERT INTO exact (i, r, t, b, x) VALUES (0, -2.5e-300, 'ünï 🎉 "q"', x'7f80', 'text');
INSERT INTO exact (i, r, t, b, x) VALUES (NULL, 1e999, '', NULL, x'01');
INSERT INTO exact (i, r, t, b, x) VALUES (42, -1e999, '''', x'27', 7);
CREATE TABLE fk_parent (id INTEGER PRIMARY KEY);
CREATE TABLE fk_child (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES fk_parent(id));
INSERT INTO fk_parent VALUES (1);
INSERT INTO fk_child VALUES (1, 1);
CREATE TABLE node (id INTEGER PRIMARY KEY, up INTEGER REFERENCES node(id));
INSERT INTO node VALUES (2, NULL), (1, 2);
CREATE INDEX exact_i ON exact(i);
CREATE VIEW exact_v AS SELECT i FROM exact;
"""

# a child table created before the table it references: its rows come first in the export, and
# SQLite cannot check them against a table that does not exist yet, deferred or not
FORWARD_SQL = """
CREATE TABLE fk_child (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES fk_parent(id));
CREATE TABLE fk_parent (id INTEGER PRIMARY KEY);
INSERT INTO fk_parent VALUES (1);
INSERT INTO fk_child VALUES (1, 1);
"""

FTS_SQL = """
CREATE TABLE a (x);
INSERT INTO a VALUES (1);
CREATE VIRTUAL TABLE ft USING fts5(body);
INSERT INTO ft VALUES ('hello world');
"""

STAT_SQL = """
CREATE TABLE s (a INTEGER, b TEXT);
CREATE INDEX s_a ON s(a);
INSERT INTO s VALUES (1, 'x'), (2, 'y'), (2, 'z');
ANALYZE;
"""


def random_sql(seed: int, rows: int) -> str:
    """Seeded random rows: doubles from random bits, int64s, unicode text, BLOBs."""
    rng = random.Random(seed)
    out = ["CREATE TABLE r (id INTEGER PRIMARY KEY, f REAL, i INTEGER, t TEXT, b BLOB, u);"]
    for n in range(rows):
        while True:
            f = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
            if math.isfinite(f):
                break
        if rng.random() < 0.3:
            f = rng.choice([0.1, 0.2, 1 / 3, 2.0 ** rng.randint(-1074, 1023), rng.uniform(-1e6, 1e6), float(rng.randint(-10**6, 10**6))])
        i = rng.choice([rng.randint(-2**63, 2**63 - 1), rng.randint(-2**53, 2**53), rng.randint(-1000, 1000)])
        chars = [chr(rng.choice([rng.randint(1, 127), rng.randint(128, 0xD7FF), rng.randint(0xE000, 0x10FFFF)]))
                 for _ in range(rng.randint(0, 12))]
        t = "".join(chars).replace("'", "''")
        b = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 16))).hex()
        u = rng.choice([repr(f), str(i), f"'{t}'", f"x'{b}'", "NULL"])
        out.append(f"INSERT INTO r (f, i, t, b, u) VALUES ({f!r}, {i}, '{t}', x'{b}', {u});")
    return "\n".join(out) + "\n"


def big_sql(rows: int) -> str:
    out = ["CREATE TABLE big (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT, w REAL);"]
    out += [f"INSERT INTO big (v, w) VALUES ('row {n}', {n / 7!r});" for n in range(rows)]
    out.append("DELETE FROM big WHERE id % 3 = 0;")
    return "\n".join(out) + "\n"


# -- running the tools -------------------------------------------------------------------------


def wrangler(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(HERE / "wrangler"), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          check=False)


def ours(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "workers_env", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env, check=False)


def lines(text: str, *, wrangler_side: bool) -> list[str]:
    kept = []
    for line in ANSI.sub("", text).splitlines():
        if not line.strip() or "⛅️ wrangler" in line or set(line.strip()) <= {"─"} or line.startswith("🪵"):
            continue
        if wrangler_side and re.match(r"\s+at ", line):  # the JavaScript stack after the FTS5 refusal
            continue
        if not wrangler_side and line.startswith("(workers-env: "):
            continue  # the hint after wrangler's lookup error (README, "workers-env d1"), on purpose
        kept.append(line)
    return kept


def error_line(text: str) -> list[str]:
    return [line for line in ANSI.sub("", text).splitlines() if line.startswith("✘ [ERROR]")]


def project(path: Path) -> Path:
    (path / "src").mkdir(parents=True)
    (path / "src" / "entry.py").write_text("")
    (path / "wrangler.toml").write_text(CONFIG)
    (path / "sub").mkdir()
    return path


def seed(path: Path, database: str, sql: str, *, by: str, env: str | None = None) -> None:
    """Run ``sql`` on a database with one tool's ``d1 execute --file``."""
    (path / "seed.sql").write_text(sql)
    extra = ["--env", env] if env else []
    run = wrangler if by == "wrangler" else ours
    done = run(path, "d1", "execute", database, "--local", "--file", "seed.sql", *extra)
    if done.returncode != 0:
        raise SystemExit(f"seeding {database} with {by} failed:\n{done.stdout}\n{done.stderr}")
    (path / "seed.sql").unlink()


class Tally:
    def __init__(self) -> None:
        self.files = [0, 0]  # identical, compared
        self.outputs = [0, 0]
        self.known: list[str] = []
        self.failures: list[str] = []

    def check(self, ok: bool, counter: list[int], what: str) -> None:
        counter[1] += 1
        if ok:
            counter[0] += 1
        else:
            self.failures.append(what)
            print(f"  DIFF  {what}")


def export_case(tally: Tally, root: Path, args: list[str], *, usage: bool = False, known: str | None = None) -> None:
    """One command line through both tools; the files and outputs compared."""
    output = args[args.index("--output") + 1] if "--output" in args else None
    results = {}
    for name, run in (("wrangler", wrangler), ("ours", ours)):
        if output:
            target = root / output
            if target.is_file():
                target.unlink()
        done = run(root, "d1", "export", *args)
        written = (root / output).read_bytes() if output and (root / output).is_file() else None
        results[name] = (done, written)
    (theirs, their_file), (mine, my_file) = results["wrangler"], results["ours"]
    label = "d1 export " + " ".join(args)
    if known:
        tally.known.append(f"{label}: {known} (wrangler exit {theirs.returncode}, "
                           f"{'a file' if their_file is not None else 'no file'}; workers-env exit "
                           f"{mine.returncode}, {'a file' if my_file is not None else 'no file'})")
        print(f"  known {label}: {known}")
        return
    tally.check(their_file == my_file, tally.files,
                f"{label}: file differs ({None if their_file is None else len(their_file)} vs "
                f"{None if my_file is None else len(my_file)} bytes)")
    if their_file != my_file and their_file is not None and my_file is not None:
        a, b = their_file.decode("utf-8", "replace").split("\n"), my_file.decode("utf-8", "replace").split("\n")
        for x, y in zip(a, b):
            if x != y:
                print(f"        wrangler   : {x[:300]}\n        workers-env: {y[:300]}")
                break
    if usage:
        same = error_line(theirs.stdout + theirs.stderr) == error_line(mine.stdout + mine.stderr)
    else:
        same = (lines(theirs.stdout, wrangler_side=True) == lines(mine.stdout, wrangler_side=False)
                and lines(theirs.stderr, wrangler_side=True) == lines(mine.stderr, wrangler_side=False))
    same = same and theirs.returncode == mine.returncode
    tally.check(same, tally.outputs, f"{label}: exit/stdout/stderr differ")
    if not same:
        print(f"        wrangler    exit {theirs.returncode}: {lines(theirs.stdout, wrangler_side=True)} "
              f"{lines(theirs.stderr, wrangler_side=True)}")
        print(f"        workers-env exit {mine.returncode}: {lines(mine.stdout, wrangler_side=False)} "
              f"{lines(mine.stderr, wrangler_side=False)}")


# -- the round trip ----------------------------------------------------------------------------


def rows_of(state: Path, database_id: str) -> dict[str, list[tuple]]:
    """Every user table's rows with each cell's typeof, read straight from the SQLite file."""
    from workers_env.d1.layout import database_file

    conn = sqlite3.connect(database_file(state, database_id))
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name")
                 if not n.startswith("_cf_")]
        selects = {}
        for name in names:
            cols = [c[1] for c in conn.execute(f'PRAGMA table_info("{name}")')]
            columns = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
            order = "" if conn.execute(f"SELECT sql FROM sqlite_schema WHERE name = '{name}'").fetchone()[0].endswith(
                "WITHOUT ROWID") else " ORDER BY rowid"
            selects[name] = f'SELECT {columns} FROM "{name}"{order}'
        conn.text_factory = bytes  # TEXT as stored, byte for byte
        out = {name: conn.execute(select).fetchall() for name, select in selects.items()}
        return out
    finally:
        conn.close()


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")


def misread_floats(original: bytes, again: bytes) -> int | None:
    """How many number literals differ between two exports only because this Python's SQLite
    reads their decimal text as another double than the one written (an older SQLite's
    text-to-float conversion is not always correctly rounded); None if anything else differs."""
    conn = sqlite3.connect(":memory:")
    count = 0
    a_lines, b_lines = original.decode().split("\n"), again.decode().split("\n")
    if len(a_lines) != len(b_lines):
        return None
    for a, b in zip(a_lines, b_lines):
        if a == b:
            continue
        if _NUMBER.split(a) != _NUMBER.split(b):
            return None
        for x, y in zip(_NUMBER.findall(a), _NUMBER.findall(b)):
            if x != y:
                if conn.execute(f"SELECT {x}").fetchone()[0] == float(x):
                    return None
                count += 1
    return count


def round_trip(tally: Tally, base: Path, source: Path, database: str, database_id: str, label: str,
               counter: list[int], *, file: str = "full.sql", exact: bool = False,
               fails: str | None = None) -> None:
    """Import ``source``'s full export into fresh databases (with workers-env, and with wrangler)
    and export again: the same file; for ``exact``, the same cells too. With ``fails``, both
    importers must refuse the file with that error instead (a limit of wrangler's export)."""
    export = source / file
    if not export.is_file():
        ours(source, "d1", "export", database, "--local", "--output", file)
    original = export.read_bytes()
    for importer, run in (("workers-env", ours), ("wrangler", wrangler)):
        target = project(base / f"rt-{label}-{importer}")
        shutil.copy(export, target / "import.sql")
        done = run(target, "d1", "execute", database, "--local", "--file", "import.sql")
        if fails is not None:
            said = error_line(done.stdout + done.stderr)
            tally.check(done.returncode == 1 and said == [f"✘ [ERROR] {fails}"], counter,
                        f"round trip {label}: {importer} was expected to refuse the file with {fails!r}: {said}")
            continue
        if done.returncode != 0:
            tally.check(False, counter, f"round trip {label}: {importer} d1 execute --file failed: "
                        f"{error_line(done.stdout + done.stderr)}")
            continue
        ours(target, "d1", "export", database, "--local", "--output", "again.sql")
        again = (target / "again.sql").read_bytes()
        misread = misread_floats(original, again) if again != original else 0
        if misread:
            tally.known.append(f"round trip {label} (imported by {importer}): {misread} float literal(s) read as "
                               f"another double by this Python's SQLite {sqlite3.sqlite_version}")
            print(f"  known round trip {label} (imported by {importer}): {misread} float literal(s) misread by SQLite "
                  f"{sqlite3.sqlite_version}")
        else:
            tally.check(again == original, counter, f"round trip {label} (imported by {importer}): export differs")
        if exact:
            same = rows_of(source / ".wrangler" / "state", database_id) == rows_of(target / ".wrangler" / "state", database_id)
            tally.check(same, counter, f"round trip {label} (imported by {importer}): cells or types differ")


# -- the cases ---------------------------------------------------------------------------------


def main() -> int:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="d1-export-diff-") as tmp:
        base = Path(tmp)
        types = project(base / "types")
        print("seeding ...")
        seed(types, "main-db", TYPES_SQL, by="wrangler")
        seed(types, "BARE", EXACT_SQL, by="ours")
        seed(types, "preview-db", STAT_SQL, by="wrangler")
        seed(types, "staging-db", random_sql(1, 300), by="ours", env="staging")
        fts = project(base / "fts")
        seed(fts, "main-db", FTS_SQL, by="ours")
        rand = project(base / "random")
        seed(rand, "main-db", random_sql(2, 400), by="wrangler")
        seed(rand, "BARE", big_sql(1500), by="ours")
        (rand / "migrations").mkdir()
        (rand / "migrations" / "0001_init.sql").write_text("CREATE TABLE m (id INTEGER PRIMARY KEY, v TEXT);\n"
                                                           "INSERT INTO m (v) VALUES ('migrated');\n")
        if ours(rand, "d1", "migrations", "apply", "preview-db", "--local").returncode != 0:
            raise SystemExit("migrations apply failed")
        empty = project(base / "empty")
        noconf = base / "noconf"
        noconf.mkdir()
        nested = project(base / "nested" / "app")

        print("\n== exports (files and output) ==")
        cases: list[tuple[Path, list[str]]] = [
            (types, ["main-db", "--local", "--output", "full.sql"]),
            (types, ["DB", "--output", "out.sql"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--no-schema"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--no-data"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--schema=false"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--data", "false"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "users"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "users", "--table", "child"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "users", "child", "v_users", "users_name",
                     "users_log"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", 'Quoted "Table"', "Quoted idx", "V quoted"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "sqlite_sequence"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "sqlite_sequence", "log", "--no-schema"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "gen", "wr", "--no-data"]),
            (types, ["main-db", "--local", "--output", "out.sql", "--table"]),
            (types, ["main-db", "--local", "--output", "sub/out.sql", "--compatibility", "d1", "-y"]),
            (types, ["BARE", "--local", "--output", "bare.sql"]),
            (types, ["BARE", "--local", "--output", "out.sql", "--no-schema"]),
            (types, ["preview-db", "--local", "--output", "preview.sql"]),
            (types, ["PREVIEW", "--local", "--output", "out.sql", "--table", "s", "s_a"]),
            (types, ["staging-db", "--local", "--env", "staging", "--output", "staging.sql"]),
            (types, ["DB", "--local", "-e", "staging", "--output", "staging.sql", "--no-data"]),
            (types, ["main-db", "--local", "--env", "nope", "--output", "out.sql", "--table", "child"]),
            (fts, ["main-db", "--local", "--output", "out.sql", "--table", "a"]),
            (fts, ["main-db", "--local", "--output", "out.sql", "--table", "ft_data", "ft_config", "a"]),
            (fts, ["main-db", "--local", "--output", "out.sql", "--table", "a", "--no-data"]),
            (rand, ["main-db", "--local", "--output", "full.sql"]),
            (rand, ["BARE", "--local", "--output", "bare.sql"]),
            (rand, ["preview-db", "--local", "--output", "preview.sql"]),
            (rand, ["preview-db", "--local", "--output", "out.sql", "--table", "d1_migrations"]),
            (empty, ["main-db", "--local", "--output", "out.sql"]),
            (empty, ["DB", "--local", "--output", "out.sql", "--no-schema"]),
            (nested.parent, ["main-db", "--local", "-c", "app/wrangler.toml", "--output", "out.sql"]),
        ]
        for root, args in cases:
            export_case(tally, root, args)

        print("\n== refusals ==")
        for root, args, usage in [
            (types, ["main-db", "--local", "--output", "out.sql", "--no-schema", "--no-data"], False),
            (types, ["main-db", "--local", "--output", "sub"], False),
            (types, ["main-db", "--local", "--output", "sub/", "--table", "users"], False),
            (types, ["nope", "--local", "--output", "out.sql"], False),
            (types, ["main-db", "--local", "--output", "nodir/out.sql"], False),
            (types, ["main-db", "--local", "--output", ""], False),
            (types, ["main-db", "--local", "--output", "wrangler.toml/out.sql"], False),
            (types, ["main-db", "--local", "--output", "out.sql", "--compatibility", "sqlite3_cli_only"], False),
            (types, ["main-db", "--local", "--output", "out.sql", "--compatibility", "sqlite3_cli_only", "--no-data"], False),
            (types, ["main-db", "--local", "--env", "staging", "--output", "out.sql"], False),
            (fts, ["main-db", "--local", "--output", "out.sql"], False),
            (fts, ["main-db", "--local", "--output", "out.sql", "--table", "ft"], False),
            (noconf, ["DB", "--local", "--output", "out.sql"], False),
            (types, ["main-db", "--local"], True),
            (types, ["--local", "--output", "out.sql"], True),
            (types, ["main-db", "--local", "--output", "out.sql", "--compatibility", "sqlite3"], True),
            (types, ["main-db", "--local", "--output", "out.sql", "--persist-to", "st"], True),
            (types, ["main-db", "--local", "--output", "a.sql", "--output", "b.sql"], True),
        ]:
            export_case(tally, root, args, usage=usage)
        for root, args, why in [
            (types, ["main-db", "--remote", "--output", "out.sql"], "--remote is refused by workers-env"),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "nope"],
             "an unknown --table: wrangler writes only the PRAGMA line, workers-env refuses"),
            (types, ["main-db", "--local", "--output", "out.sql", "--table", "users", "nope"],
             "an unknown --table among known ones: wrangler leaves it out, workers-env refuses"),
        ]:
            export_case(tally, root, args, known=why)

        print("\n== round trip (export, d1 execute --file into a fresh database, export again) ==")
        rt = [0, 0]
        round_trip(tally, base, types, "main-db", "0f8a4c1e-0000-4000-8000-00000000e001", "types", rt)
        exact_src = project(base / "exact")
        seed(exact_src, "main-db", EXACT_SQL, by="wrangler")
        round_trip(tally, base, exact_src, "main-db", "0f8a4c1e-0000-4000-8000-00000000e001", "exact", rt, exact=True)
        round_trip(tally, base, rand, "main-db", "0f8a4c1e-0000-4000-8000-00000000e001", "random", rt)
        forward = project(base / "forward")
        seed(forward, "main-db", FORWARD_SQL, by="ours")
        export_case(tally, forward, ["main-db", "--local", "--output", "full.sql"])
        round_trip(tally, base, forward, "main-db", "0f8a4c1e-0000-4000-8000-00000000e001", "forward", rt,
                   fails="no such table: main.fk_parent: SQLITE_ERROR")
        round_trip(tally, base, types, "preview-db", "0f8a4c1e-0000-4000-8000-00000000e003", "stat", rt,
                   file="preview.sql")
        round_trip(tally, base, rand, "BARE", "BARE", "big", rt, file="bare.sql")
        round_trip(tally, base, types, "BARE", "BARE", "exact-bare", rt, file="bare.sql", exact=True)

    print(f"\noutput files identical: {tally.files[0]}/{tally.files[1]}")
    print(f"exit codes and stdout/stderr lines identical: {tally.outputs[0]}/{tally.outputs[1]}")
    print(f"round-trip checks passed: {rt[0]}/{rt[1]}")
    print(f"known differences (not compared): {len(tally.known)}")
    for line in tally.known:
        print(f"  - {line}")
    print("ALL IDENTICAL" if not tally.failures else f"{len(tally.failures)} DIFFERENCES")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
