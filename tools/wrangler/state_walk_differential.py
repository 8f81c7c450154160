"""Local state shared with wrangler's ``--local``, walked as a user who runs ``wrangler dev`` and adds
workers-env (walk55): each write by one tool read by the other, on projects shaped four ways.

The project has a ``wrangler.toml`` (D1 ``DB``; KV ``KV`` with ``id`` and ``preview_id``;
``[env.staging]`` with its own D1 and KV ids), and in two of the variants a ``wrangler.jsonc``
beside it with other ids, which both tools must prefer. Variants (:data:`VARIANTS`): the top level
on ``.wrangler/state``; ``-e staging``; the jsonc's top level with ``--persist-to ../elsewhere``;
the jsonc's staging there too. In each, with a fresh copy of the project per direction:

* D1: ``wrangler d1 execute --file schema.sql`` then ``workers-env d1 execute --command ... --json``
  (and the reverse), each reader's output compared with the writer tool's own read; the rows as
  ``load_env(persist_to=..., environment=...)`` reads them against wrangler's JSON; ``d1
  migrations apply`` by each tool on its own copy, then ``migrations list`` by the other, and the
  two databases' ``d1_migrations`` rows (id, name, ``typeof(applied_at)``) and tables compared.
* KV: ``kv key put`` (``--metadata``, ``--expiration``, ``--ttl``, ``--binding`` with ``--preview``
  / ``--preview false``, ``--namespace-id``) and ``kv bulk put`` of one file (unicode, slashes,
  ``..``, NUL, keys of exactly 512 UTF-8 bytes in 2- and 4-byte characters, base64, metadata,
  ``expiration_ttl``) by each tool on its own copy; then ``kv key list`` and ``kv key get`` of
  every key by both tools on both copies (every read must print what the writer's own read
  printed), and every entry's value bytes, metadata and expiration as ``load_env`` reads them,
  equal across the copies (a ``ttl``'s expiration: the put's time plus the ttl); a 513-byte key refused by both.
* Serving (the first and last variants): a JavaScript Worker under ``wrangler dev`` and a Python
  Worker under ``workers-env dev``, both printing ``JSON.stringify`` of D1's rows and KV's
  ``getWithMetadata`` and ``list``, on a state both tools wrote: the two responses byte for byte.
  (A Python Worker under ``wrangler dev`` needs the Pyodide bundle from the network, not here.)

Normalised: wrangler's banner and log lines (``strip_wrangler``), workers-env's ``(workers-env:
...)`` lines, ``meta.duration``, a ``ttl``'s expiration (checked to be the put's time plus the ttl).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 tools/wrangler/state_walk_differential.py [-k TEXT] [--groups d1,kv,dev]

Prints each difference and ``N/M matching`` per group; exit 0 when all match. Not collected by pytest.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_layout_differential import HERE, HINT, ROOT, run, strip_wrangler  # noqa: E402

sys.path.insert(0, str(ROOT))
from workers_env import load_env  # noqa: E402

TOML = '''name = "walk"
main = "src/entry.py"
compatibility_date = "2025-09-01"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "walk-db"
database_id = "11111111-1111-4111-8111-111111111111"

[[kv_namespaces]]
binding = "KV"
id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
preview_id = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

[env.staging]
[[env.staging.d1_databases]]
binding = "DB"
database_name = "walk-db-staging"
database_id = "22222222-2222-4222-8222-222222222222"

[[env.staging.kv_namespaces]]
binding = "KV"
id = "cccccccccccccccccccccccccccccccc"
'''

JSONC = '''// beside wrangler.toml: wrangler reads this one (json, jsonc, then toml)
{
  "name": "walk-jsonc",
  "main": "src/entry.py",
  "compatibility_date": "2025-09-01",
  "compatibility_flags": ["python_workers"],
  "d1_databases": [
    {"binding": "DB", "database_name": "walk-db", "database_id": "33333333-3333-4333-8333-333333333333",
     "migrations_dir": "db/migrations", "migrations_table": "schema_history"},
  ],
  "kv_namespaces": [{"binding": "KV", "id": "dddddddddddddddddddddddddddddddd"}],
  "env": {
    "staging": {
      "d1_databases": [{"binding": "DB", "database_name": "walk-db-staging",
                        "database_id": "44444444-4444-4444-8444-444444444444", "migrations_dir": "db/migrations"}],
      "kv_namespaces": [{"binding": "KV", "id": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"}],
    },
  },
}
'''

SCHEMA = """CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, b BLOB, r REAL);
INSERT INTO notes (text, b, r) VALUES ('hé ✓ 😀 / ..', X'00ff10', 1.5), ('two', NULL, -0.0), ('nul', X'', 1e300);
"""
MORE = """INSERT INTO notes (text, b, r) VALUES ('written by the other tool', X'deadbeef', 0.1);
UPDATE notes SET r = r * 2 WHERE id = 1;
"""
MIGRATIONS = {"0001_init.sql": "CREATE TABLE m (id INTEGER PRIMARY KEY, v TEXT);\nINSERT INTO m (v) VALUES ('one');\n",
              "0002_more.sql": "INSERT INTO m (v) VALUES ('two');\nCREATE INDEX m_v ON m (v);\n"}
SELECT = "SELECT id, text, hex(b) AS b, typeof(b) AS tb, r FROM notes ORDER BY id"

EXPIRATION = 1900000000
BULK = [
    {"key": "é" * 256, "value": "a key of 512 bytes in 2-byte characters"},
    {"key": "😀" * 128, "value": "512 bytes in 4-byte characters", "expiration": EXPIRATION},
    {"key": "a/b/../c", "value": "slashes and dots", "metadata": {"m": "ü", "n": [1, 2.5, None]}},
    {"key": "ключ/😀", "value": "unicode"},
    {"key": "nul\u0000x", "value": "a NUL in the key"},
    {"key": "b64", "value": "AAEC/w==", "base64": True},
    {"key": "ttl", "value": "t", "expiration_ttl": 7200, "metadata": {"ttl": True}},
    {"key": "greeting", "value": "from kv bulk put", "metadata": {"by": "bulk"}},
]
#: the keys put with a time to live (seconds): their expiration is checked against the put's time
TTLS = {"ttl": 7200, "greeting": 3600}
OVER = "€" * 171  # 513 UTF-8 bytes

ENTRY_PY = '''from workers import WorkerEntrypoint, Response
from js import JSON


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        rows = (await self.env.DB.prepare("%s").all()).results
        kv = await self.env.KV.getWithMetadata("greeting")
        listed = await self.env.KV.list()
        return Response(JSON.stringify(rows) + "\\n" + JSON.stringify(kv) + "\\n" + JSON.stringify(listed.keys))
''' % SELECT
WORKER_JS = '''export default {
  async fetch(request, env) {
    const rows = (await env.DB.prepare("%s").all()).results;
    const kv = await env.KV.getWithMetadata("greeting");
    const listed = await env.KV.list();
    return new Response(JSON.stringify(rows) + "\\n" + JSON.stringify(kv) + "\\n" + JSON.stringify(listed.keys));
  }
};
''' % SELECT

#: (label, uses the jsonc, --env, --persist-to, KV's --preview words, serve with both devs)
VARIANTS = [
    ("toml top level", False, None, None, ["--preview"], True),
    ("toml -e staging", False, "staging", None, [], False),
    ("jsonc beside toml, --persist-to ../elsewhere", True, None, "../elsewhere", [], False),
    ("jsonc -e staging, --persist-to ../elsewhere", True, "staging", "../elsewhere", [], True),
]

WRANGLER = [str(HERE / "wrangler")]
OURS = [sys.executable, "-m", "workers_env"]
TTL_EXPIRATION = re.compile(r'"expiration": (\d+)')


class Tally:
    def __init__(self) -> None:
        self.groups: dict[str, list[int]] = {}
        self.failures: list[str] = []
        self.lock = threading.Lock()

    def check(self, group: str, label: str, ok: bool, detail: str = "") -> None:
        with self.lock:
            self._check(group, label, ok, detail)

    def _check(self, group: str, label: str, ok: bool, detail: str) -> None:
        counts = self.groups.setdefault(group, [0, 0])
        counts[1] += 1
        if ok:
            counts[0] += 1
        else:
            self.failures.append(f"[{group}] {label}\n{detail}")
            print(f"DIFF [{group}] {label}\n{detail}\n", flush=True)


def make_project(folder: Path, jsonc: bool) -> None:
    folder.mkdir(parents=True)
    (folder / "wrangler.toml").write_text(TOML)
    if jsonc:
        (folder / "wrangler.jsonc").write_text(JSONC)
    (folder / "src").mkdir()
    (folder / "src" / "entry.py").write_text(ENTRY_PY)
    (folder / "src" / "worker.js").write_text(WORKER_JS)
    (folder / "schema.sql").write_text(SCHEMA)
    (folder / "more.sql").write_text(MORE)
    migrations = folder / ("db/migrations" if jsonc else "migrations")
    migrations.mkdir(parents=True)
    for name, text in MIGRATIONS.items():
        (migrations / name).write_text(text)
    (folder / "bulk.json").write_text(json.dumps(BULK, ensure_ascii=False))
    (folder / "over.json").write_text(json.dumps([{"key": OVER, "value": "over"}], ensure_ascii=False))


def where(env: str | None, persist: str | None) -> list[str]:
    return (["-e", env] if env else []) + (["--persist-to", persist] if persist else [])


def tool_run(tool: str, args: list[str], cwd: Path) -> dict:
    result = run((WRANGLER if tool == "wrangler" else OURS) + args, cwd)
    kind = "kv" if args[0] == "kv" else "d1"
    for stream in ("stdout", "stderr"):
        text = strip_wrangler(result[stream], kind) if tool == "wrangler" else result[stream]
        result[stream] = HINT.sub("", text).strip("\n")
    return result


def shown(result: dict) -> str:
    return f"code {result['code']}\n--- stdout\n{result['stdout']}\n--- stderr\n{result['stderr']}"


def same_read(tally: Tally, group: str, label: str, args: list[str], cwd: Path, writer: str) -> None:
    """``args`` read by both tools on one state: the reader that is not the writer must print
    what the writer's own read printed (``ttl`` expirations aside)."""
    other = "ours" if writer == "wrangler" else "wrangler"
    mine, theirs = tool_run(writer, args, cwd), tool_run(other, args, cwd)
    tally.check(group, f"{label}: {writer} wrote, {other} reads ({' '.join(args)[:80]})",
                _ttl_free(mine) == _ttl_free(theirs), f"{writer}:\n{shown(mine)}\n{other}:\n{shown(theirs)}")


def _ttl_free(result: dict) -> tuple:
    fixed = {str(EXPIRATION), "1800000000"}
    out = TTL_EXPIRATION.sub(lambda m: m.group(0) if m.group(1) in fixed else '"expiration": <ttl>', result["stdout"])
    return result["code"], out, result["stderr"]


def state_root(project: Path, persist: str | None) -> Path:
    return (project / persist).resolve() if persist else project / ".wrangler" / "state"


def loaded(project: Path, env: str | None, persist: str | None, what: str) -> object:
    """What ``load_env(persist_to=...)`` reads, through the plain Python bindings: D1's rows
    (``what="rows"``), or every KV entry's value bytes, metadata and expiration (``"kv"``)."""
    async def read() -> object:
        with load_env(str(project), environment=env, persist_to=str(state_root(project, persist))) as e:
            if what == "rows":
                return [dict(r) for r in (await e.unwrapped("DB").prepare(SELECT).all())["results"]]
            kv = e.unwrapped("KV")
            entries = {}
            for k in (await kv.list())["keys"]:
                got = await kv.getWithMetadata(k["name"], "arrayBuffer")
                entries[k["name"]] = (bytes(got["value"]).hex(), json.dumps(got["metadata"]), k.get("expiration"))
            return entries
    return asyncio.run(read())


def database_rows(project: Path, persist: str | None, table: str) -> dict:
    """Each table's rows of the one D1 database under the state, read with sqlite3."""
    files = [p for p in (state_root(project, persist) / "v3/d1/miniflare-D1DatabaseObject").glob("*.sqlite")
             if p.name != "metadata.sqlite"]
    out: dict = {}
    for path in files:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') "
                                                "AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY name")]
            out[path.name] = {"objects": tables,
                              "migrations": db.execute(f'SELECT id, name, typeof(applied_at) FROM "{table}" '
                                                       "ORDER BY id").fetchall(),
                              "m": db.execute("SELECT * FROM m ORDER BY id").fetchall()}
    return out


def walk_d1(tally: Tally, base: Path, label: str, jsonc: bool, env: str | None, persist: str | None) -> None:
    loc = ["--local", *where(env, persist)]
    for writer in ("wrangler", "ours"):
        other = "ours" if writer == "wrangler" else "wrangler"
        project = base / f"d1-{writer}" / "app"
        make_project(project, jsonc)
        wrote = tool_run(writer, ["d1", "execute", "DB", *loc, "--file", "schema.sql"], project)
        tally.check("d1 execute", f"{label}: {writer} --file schema.sql", wrote["code"] == 0, shown(wrote))
        same_read(tally, "d1 execute", label, ["d1", "execute", "DB", *loc, "--command", SELECT, "--json"], project, writer)
        wrote = tool_run(other, ["d1", "execute", "DB", *loc, "--file", "more.sql"], project)
        tally.check("d1 execute", f"{label}: {other} --file more.sql on {writer}'s", wrote["code"] == 0, shown(wrote))
        same_read(tally, "d1 execute", label, ["d1", "execute", "DB", *loc, "--command", SELECT, "--json"], project, other)
        theirs = json.loads(tool_run("wrangler", ["d1", "execute", "DB", *loc, "--command", SELECT, "--json"],
                                     project)["stdout"].replace("<ms>", "0"))[0]["results"]
        ours = loaded(project, env, persist, "rows")
        tally.check("load_env", f"{label}: load_env reads the rows both tools wrote (first {writer})", ours == theirs,
                    f"wrangler: {theirs}\nload_env: {ours}")
    # migrations: each tool applies on its own copy, the other lists; the databases compared
    table = "schema_history" if jsonc and env is None else "d1_migrations"
    states = {}
    for writer in ("wrangler", "ours"):
        other = "ours" if writer == "wrangler" else "wrangler"
        project = base / f"mig-{writer}" / "app"
        make_project(project, jsonc)
        applied = tool_run(writer, ["d1", "migrations", "apply", "DB", *loc], project)
        tally.check("d1 migrations", f"{label}: {writer} applies", applied["code"] == 0, shown(applied))
        same_read(tally, "d1 migrations", label, ["d1", "migrations", "list", "DB", *loc], project, writer)
        again = tool_run(other, ["d1", "migrations", "apply", "DB", *loc], project)
        tally.check("d1 migrations", f"{label}: {other}'s apply after {writer}'s has nothing to do",
                    again["code"] == 0 and "No migrations to apply" in again["stdout"] + again["stderr"], shown(again))
        states[writer] = database_rows(project, persist, table)
    tally.check("d1 migrations", f"{label}: the two databases' {table} rows, tables and rows",
                states["wrangler"] == states["ours"], json.dumps(states, indent=1))


def walk_kv(tally: Tally, base: Path, label: str, jsonc: bool, env: str | None, persist: str | None,
            preview: list[str]) -> None:
    loc = ["--local", *where(env, persist)]
    kv = ["--binding", "KV", *preview]
    stores = {}
    for writer in ("wrangler", "ours"):
        project = base / f"kv-{writer}" / "app"
        make_project(project, jsonc)
        started = time.time()
        steps = [["kv", "bulk", "put", "bulk.json", *kv, *loc],
                 ["kv", "key", "put", "greeting", "héllo ✓", *kv, *loc, "--metadata", '{"a":1,"ü":[1,2]}', "--ttl", "3600"],
                 ["kv", "key", "put", "exp/1", "v", *kv, *loc, "--expiration", "1800000000"]]
        if preview:  # the production namespace too, by --preview false and by its id
            steps += [["kv", "key", "put", "prod-only", "p", "--binding", "KV", "--preview", "false", *loc],
                      ["kv", "key", "put", "by-id", "i", "--namespace-id", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", *loc]]
        for step in steps:
            wrote = tool_run(writer, step, project)
            tally.check("kv put", f"{label}: {writer} {' '.join(step[:3])}", wrote["code"] == 0, shown(wrote))
        refused = tool_run(writer, ["kv", "bulk", "put", "over.json", *kv, *loc], project)
        tally.check("kv put", f"{label}: {writer} refuses a 513-byte key", refused["code"] == 1
                    and "UTF-8 encoded length of 513 exceeds key length limit of 512." in refused["stderr"], shown(refused))
        reads = [["kv", "key", "list", *kv, *loc]] + [
            ["kv", "key", "get", item["key"], *kv, *loc] for item in [*BULK, {"key": "greeting"}, {"key": "exp/1"}]
            if "\x00" not in item["key"]]  # (a NUL cannot be an argument; the list shows that key)
        if preview:
            reads += [["kv", "key", "list", "--binding", "KV", "--preview", "false", *loc],
                      ["kv", "key", "get", "prod-only", "--namespace-id", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", *loc]]
        with ThreadPoolExecutor(3) as pool:
            list(pool.map(lambda args: same_read(tally, "kv read", label, args, project, writer), reads))
        ended = time.time()
        entries = cast(dict, loaded(project, env, persist, "kv"))
        for key, ttl in TTLS.items():  # a --ttl's expiration: the put's time plus the ttl
            value, metadata, expiration = entries[key]
            entries[key] = (value, metadata, isinstance(expiration, int)
                            and math.floor(started) - 1 <= expiration - ttl <= math.ceil(ended) + 1)
        stores[writer] = entries
    a, b = stores["wrangler"], stores["ours"]
    same = a == b and all(a[k][2] is True for k in TTLS)
    tally.check("kv state", f"{label}: every entry (value bytes, metadata, expiration) as load_env reads it, "
                f"wrangler's writes vs ours ({len(a)} keys)", same, f"wrangler: {a}\nours: {b}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served(cmd: list[str], cwd: Path) -> str:
    port = free_port()
    proc = subprocess.Popen([*cmd, "--port", str(port), "--ip", "127.0.0.1"], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env={**__import__("os").environ, "PYTHONPATH": str(ROOT), "CI": "true"})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as resp:
                    return resp.read().decode()
            except OSError:
                time.sleep(0.5)
        return "<never answered>"
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


def walk_dev(tally: Tally, base: Path, label: str, jsonc: bool, env: str | None, persist: str | None,
             preview: list[str]) -> None:
    loc = ["--local", *where(env, persist)]
    project = base / "dev" / "app"
    make_project(project, jsonc)
    tool_run("wrangler", ["d1", "execute", "DB", *loc, "--file", "schema.sql"], project)
    tool_run("ours", ["d1", "execute", "DB", *loc, "--file", "more.sql"], project)
    tool_run("wrangler", ["kv", "bulk", "put", "bulk.json", "--binding", "KV", *preview, *loc], project)
    tool_run("ours", ["kv", "key", "put", "greeting", "from workers-env", "--binding", "KV", *preview, *loc,
                      "--metadata", '{"by":"workers-env"}'], project)
    config = "wrangler.jsonc" if jsonc else "wrangler.toml"
    js = project / ("dev-js.jsonc" if jsonc else "dev-js.toml")
    text = (project / config).read_text().replace("src/entry.py", "src/worker.js")
    js.write_text(text.replace('"compatibility_flags": ["python_workers"],', "").replace(
        'compatibility_flags = ["python_workers"]\n', ""))
    theirs = served([*WRANGLER, "dev", "-c", js.name, *where(env, persist)], project)
    ours = served([*OURS, "dev", *where(env, persist)], project)
    tally.check("dev", f"{label}: wrangler dev (JS Worker) and workers-env dev (Python Worker) on one state",
                theirs == ours, f"wrangler dev:\n{theirs}\nworkers-env dev:\n{ours}")


def main() -> int:
    pick = sys.argv[sys.argv.index("-k") + 1] if "-k" in sys.argv else ""
    groups = sys.argv[sys.argv.index("--groups") + 1].split(",") if "--groups" in sys.argv else ["d1", "kv", "dev"]
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="state-walk-") as tmp:
        for i, (label, jsonc, env, persist, preview, dev) in enumerate(VARIANTS):
            if pick not in label:
                continue
            base = Path(tmp) / f"v{i}"
            print(f"== {label}", flush=True)
            if "d1" in groups:
                walk_d1(tally, base / "d1", label, jsonc, env, persist)
            if "kv" in groups:
                walk_kv(tally, base / "kv", label, jsonc, env, persist, preview)
            if dev and "dev" in groups:
                walk_dev(tally, base / "dev", label, jsonc, env, persist, preview)
            shutil.rmtree(base, ignore_errors=True)
    total = [0, 0]
    for group, (ok, n) in tally.groups.items():
        print(f"{group}: {ok}/{n} matching")
        total[0] += ok
        total[1] += n
    print(f"all: {total[0]}/{total[1]} matching")
    return 0 if total[0] == total[1] else 1


if __name__ == "__main__":
    sys.exit(main())
