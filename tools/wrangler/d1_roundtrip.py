"""Round trip of local D1 state between the real wrangler and workers-env, both directions.

1. wrangler -> workers-env: ``wrangler d1 migrations apply <db> --local`` and
   ``wrangler d1 execute --local`` build a database; ``load_env(persist_to=".wrangler/state")``
   and ``workers-env d1 migrations list`` read it back (rows, ``d1_migrations``, nothing pending).
2. workers-env -> wrangler: ``workers-env d1 migrations apply`` and the binding
   (``load_env(persist_to=...)``) write; ``wrangler d1 execute --local --json`` and
   ``wrangler d1 migrations list --local`` read it back.
3. The outputs of ``wrangler d1 execute``/``migrations`` and ``workers-env d1 ...`` for the same
   commands are printed side by side (wrangler's banner removed) and must be equal, each
   project's folder named alike and ``meta.duration`` left out (local workerd's clock reads 0,
   workers-env's the elapsed milliseconds: README, "Where we had to choose").

    WORKERS_ENV_WRANGLER_DIR=/work/wt/wrangler PYTHONPATH=$PWD python3 tools/wrangler/d1_roundtrip.py

Not collected by pytest (needs Node and the installed wrangler). Exit status 0 when every check holds.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from workers_env import load_env
from workers_env.d1.layout import database_file

HERE = Path(__file__).resolve().parent
WRANGLER_TOML = """\
name = "roundtrip"
main = "src/entry.py"
compatibility_date = "2025-09-01"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "notes-db"
database_id = "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f"
"""

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        failures.append(what)


def wrangler(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(HERE / "wrangler"), *args], cwd=root, capture_output=True, text=True, timeout=300)


def ours(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(HERE.parents[1])}
    return subprocess.run([sys.executable, "-m", "workers_env", *args], cwd=root, capture_output=True, text=True,
                          timeout=300, env=env)


def strip_banner(text: str) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    lines = [ln for ln in text.splitlines() if "⛅️ wrangler" not in ln and not set(ln.strip()) <= {"─"}]
    lines = [ln for ln in lines if not ln.startswith("🪵")]
    return "\n".join(lines).strip()


def side_by_side(title: str, theirs: subprocess.CompletedProcess[str], mine: subprocess.CompletedProcess[str],
                 folders: tuple[Path, Path]) -> None:
    their_text, my_text = strip_banner(theirs.stdout + theirs.stderr), strip_banner(mine.stdout + mine.stderr)
    print(f"\n--- {title}\n[wrangler exit {theirs.returncode}]\n{their_text}")
    print(f"[workers-env exit {mine.returncode}]\n{my_text}")

    def comparable(text: str, folder: Path) -> str:
        return re.sub(r'"duration": [0-9.e+-]+', '"duration": <ms>', text.replace(str(folder), "<project>"))

    check(theirs.returncode == mine.returncode and comparable(their_text, folders[0]) == comparable(my_text, folders[1]),
          f"the same output (duration aside): {title}")


def project(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text("from workers import WorkerEntrypoint\nclass Default(WorkerEntrypoint):\n    pass\n")
    (root / "wrangler.toml").write_text(WRANGLER_TOML)
    (root / "migrations").mkdir()
    (root / "migrations" / "0001_init.sql").write_text(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, data BLOB);\n"
        "INSERT INTO notes (text, data) VALUES ('from wrangler', x'0102');\n"
    )
    return root


def wrangler_to_workers_env(root: Path) -> None:
    print("\n== 1. wrangler writes, workers-env reads ==")
    applied = wrangler(root, "d1", "migrations", "apply", "notes-db", "--local")
    check(applied.returncode == 0, "wrangler d1 migrations apply --local")
    wrangler(root, "d1", "execute", "notes-db", "--local", "--command", "INSERT INTO notes (text) VALUES ('second')")
    file = database_file(root / ".wrangler" / "state", "7c1f0f0e-1234-4c3b-9d2e-5a6b7c8d9e0f")
    check(file.is_file(), f"wrangler's file is where workers-env looks: {file.relative_to(root)}")

    async def read() -> tuple[list, list]:
        with load_env(root, persist_to=root / ".wrangler" / "state") as env:
            db = env.unwrapped("DB")  # the plain Python binding, whatever the config's SDK era
            rows = (await db.prepare("SELECT text, data FROM notes ORDER BY id").all()).results
            names = await db.prepare("SELECT name FROM d1_migrations").raw()
            return rows, names

    rows, names = asyncio.run(read())
    check(rows == [{"text": "from wrangler", "data": [1, 2]}, {"text": "second", "data": None}],
          f"load_env(persist_to='.wrangler/state') reads wrangler's rows: {rows}")
    check(names == [["0001_init.sql"]], f"d1_migrations as wrangler wrote it: {names}")
    listed = ours(root, "d1", "migrations", "list", "notes-db", "--local")
    check("No migrations to apply" in listed.stdout, "workers-env d1 migrations list: nothing pending")


def workers_env_to_wrangler(root: Path) -> None:
    print("\n== 2. workers-env writes, wrangler reads ==")
    (root / "migrations" / "0002_tags.sql").write_text(
        "CREATE TABLE tags (note_id INTEGER REFERENCES notes(id), tag TEXT);\nINSERT INTO tags VALUES (1, 'x');\n"
    )
    applied = ours(root, "d1", "migrations", "apply", "notes-db", "--local")
    check(applied.returncode == 0 and "0002_tags.sql │ ✅" in applied.stdout, "workers-env d1 migrations apply")

    async def write() -> None:
        with load_env(root, persist_to=root / ".wrangler" / "state") as env:
            await env.unwrapped("DB").prepare("INSERT INTO notes (text, data) VALUES (?, ?)").bind("from workers-env", b"\x03").run()

    asyncio.run(write())
    out = wrangler(root, "d1", "execute", "notes-db", "--local", "--json", "--command",
                   "SELECT text, data FROM notes ORDER BY id; SELECT tag FROM tags; SELECT name FROM d1_migrations ORDER BY id")
    check(out.returncode == 0, "wrangler d1 execute --local --json on the shared database")
    if out.returncode == 0:
        results = [r["results"] for r in json.loads(out.stdout)]
        check(results[0][-1] == {"text": "from workers-env", "data": "[3]"}, f"wrangler sees the binding's row: {results[0][-1]}")
        check(results[1] == [{"tag": "x"}], "wrangler sees the table made by workers-env's migration")
        check([r["name"] for r in results[2]] == ["0001_init.sql", "0002_tags.sql"], "wrangler sees both migrations applied")
    listed = wrangler(root, "d1", "migrations", "list", "notes-db", "--local")
    check("No migrations to apply" in listed.stdout, "wrangler d1 migrations list: nothing pending")


def compare_outputs(base: Path) -> None:
    print("\n== 3. the same commands, wrangler and workers-env ==")
    for tool in ("wrangler", "ours"):
        project(base / tool)
    run = {"wrangler": lambda *a: wrangler(base / "wrangler", *a), "ours": lambda *a: ours(base / "ours", *a)}
    commands = [
        ("d1", "migrations", "list", "notes-db", "--local"),
        ("d1", "migrations", "apply", "notes-db", "--local"),
        ("d1", "migrations", "apply", "notes-db", "--local"),
        ("d1", "execute", "notes-db", "--local", "--command", "SELECT id, text, data FROM notes; SELECT 1 AS one"),
        ("d1", "execute", "notes-db", "--local", "--json", "--command", "SELECT count(*) AS n FROM notes"),
        ("d1", "execute", "notes-db", "--local", "--command", "SELECT * FROM nope"),
        ("d1", "execute", "notes-db", "--local", "--json", "--command", "SELECT * FROM nope"),
        ("d1", "execute", "nope", "--local", "--command", "SELECT 1"),
        ("d1", "execute", "notes-db", "--local"),
        ("d1", "migrations", "create", "notes-db", "add tags"),
    ]
    for args in commands:
        side_by_side(" ".join(args), run["wrangler"](*args), run["ours"](*args), (base / "wrangler", base / "ours"))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="d1-roundtrip-") as tmp:
        root = project(Path(tmp) / "app")
        wrangler_to_workers_env(root)
        workers_env_to_wrangler(root)
        compare_outputs(Path(tmp) / "compare")
    print(f"\n{'ALL CHECKS PASSED' if not failures else f'{len(failures)} CHECKS FAILED'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
