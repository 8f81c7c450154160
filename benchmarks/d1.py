"""D1 per-call cost: the binding against bare ``sqlite3`` on the same statements, in one run.

Both sides query the same kind of database (in memory, or a WAL file with
``synchronous=FULL`` for ``--d1-persisted``) holding 10,000 rows. The binding is used as Worker code
uses it: ``await env.DB.prepare(sql).bind(...).first()`` for a point query and
``(await env.DB.prepare(sql).bind(...).all()).results`` for 100 rows, results built as users
get them (JsDict rows, JS number rules, ``meta``). Bare: ``conn.execute(sql, params)`` then
``fetchone()`` / ``fetchall()`` (tuples) -- the gated baseline -- and, for reference, the same
fetch with each row made a ``dict`` as a hand-written sqlite3 layer would hand it to users.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

WRANGLER = """\
name = "d1-bench"
[[d1_databases]]
binding = "DB"
database_name = "bench"
database_id = "bench-db"
"""

ROWS = 10_000
SCHEMA = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, score REAL, tag TEXT)"
POINT = "SELECT id, text, score, tag FROM notes WHERE id = ?"
RANGE = "SELECT id, text, score, tag FROM notes WHERE id BETWEEN ? AND ?"


def _rows() -> list[tuple[Any, ...]]:
    return [(i, f"note number {i} " + "x" * (i % 50), i * 0.25, f"t{i % 7}") for i in range(1, ROWS + 1)]


async def bench_d1(report: Any, calls: int, *, interleaved: Any, med: Any, fmt_t: Any, persisted: bool = False) -> None:
    from workers_env import load_env

    tmp = tempfile.TemporaryDirectory(prefix="workers-env-d1-bench-")
    root = Path(tmp.name)
    (root / "wrangler.toml").write_text(WRANGLER)
    env = load_env(root, persist_to=root / "state" if persisted else None)
    db = env.DB
    await db.prepare(SCHEMA).run()
    insert = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?)")
    rows = _rows()
    for start in range(0, ROWS, 100):
        await db.batch([insert.bind(*r) for r in rows[start:start + 100]])
    if persisted:
        bare = sqlite3.connect(root / "bare.sqlite", isolation_level=None)
        bare.execute("PRAGMA journal_mode=WAL")
        bare.execute("PRAGMA synchronous=FULL")
    else:
        bare = sqlite3.connect(":memory:", isolation_level=None)
    bare.execute(SCHEMA)
    bare.execute("BEGIN")
    bare.executemany("INSERT INTO notes VALUES (?, ?, ?, ?)", rows)
    bare.execute("COMMIT")
    kind = "WAL file, synchronous=FULL" if persisted else "in memory"
    print(f"\n== D1 per call ({kind}, {ROWS:,} rows; {calls} calls each): binding vs bare sqlite3 ==", flush=True)
    ids = [(i * 7919) % ROWS + 1 for i in range(calls)]
    starts = [(i * 104729) % (ROWS - 100) + 1 for i in range(calls)]

    async def ours_point(i: int) -> Any:
        return await db.prepare(POINT).bind(ids[i]).first()

    async def ours_range(i: int) -> Any:
        return (await db.prepare(RANGE).bind(starts[i], starts[i] + 99).all()).results

    def bare_dicts(i: int) -> list[dict[str, Any]]:  # what a hand-written sqlite3 layer hands its users
        cur = bare.execute(RANGE, (starts[i], starts[i] + 99))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    times = await interleaved({
        "bare point": lambda i: bare.execute(POINT, (ids[i],)).fetchone(),
        "ours point": ours_point,
        "bare 100": lambda i: bare.execute(RANGE, (starts[i], starts[i] + 99)).fetchall(),
        "bare 100 dicts": bare_dicts,
        "ours 100": ours_range,
    }, calls)
    assert (await ours_point(0))["id"] == ids[0]
    assert len(await ours_range(0)) == 100
    for case in ("point", "100"):
        b, o = med(times[f"bare {case}"]), med(times[f"ours {case}"])
        label = "point query first()" if case == "point" else "100-row all()"
        print(f"  {label:<22} bare {fmt_t(b):>10}  ours {fmt_t(o):>10}  ({o / b:.2f}x bare)", flush=True)
        report.rows.append(("d1", kind, label, fmt_t(b), fmt_t(o), f"{o / b:.2f}x"))
        report.target(f"D1 {label} ({kind}): binding / bare sqlite3", o / b, 2.0)
        if case == "100":
            d = med(times["bare 100 dicts"])
            print(f"  {'100 rows as dicts':<22} bare {fmt_t(d):>10}  ours {fmt_t(o):>10}  ({o / d:.2f}x bare+dict rows; "
                  f"bare + dict rows is {d / b:.2f}x the bare fetch)", flush=True)
            report.rows.append(("d1", kind, "100 rows, bare + dict(zip) rows", fmt_t(d), fmt_t(o), f"{o / d:.2f}x"))
    env.close()
    bare.close()
    tmp.cleanup()
