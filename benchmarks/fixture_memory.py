"""What a pytest run keeps, test after test: N one-request tests of one kind in one pytest process
(the ``env`` fixture with each binding kind used, a Worker through ``worker`` or a ``load_worker``
in the test, a FastAPI app's built-in-era lifespan among them), the process's RSS after the first
``--warm`` tests and at the end (after ``gc.collect()`` and ``malloc_trim``), per test; also
pymalloc's blocks and malloc's bytes in use, per test, and the object types that grew by at least
one every two tests (``--types``). A fresh process per case and tree; Linux (``/proc``, glibc).

    python benchmarks/fixture_memory.py -n 1000 --against main
    python benchmarks/fixture_memory.py asgi fetch -n 300 --types
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _revisions import revision_trees

FASTAPI = '''
from contextlib import asynccontextmanager
from fastapi import FastAPI
from workers import WorkerEntrypoint

@asynccontextmanager
async def lifespan(app):
    try:
        yield
    finally:
        print("lifespan cleaned up")

app = FastAPI(lifespan=lifespan)

@app.get("/")
async def root():
    return {"ok": True}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi
        return await asgi.fetch(app, request, self.env)
'''

ON_FETCH = '''
from workers import Response

async def on_fetch(request, env):
    return Response("up")
'''

CONFIG = '''name = "w"
main = "src/entry.py"
compatibility_date = "{date}"
compatibility_flags = ["python_workers"]

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"

[ai]
binding = "AI"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000000"

[[kv_namespaces]]
binding = "KV"
id = "0123456789abcdef0123456789abcdef"

[[queues.producers]]
binding = "Q"
queue = "q"
'''

PYPROJECT = '''[tool.workers-env.indexes.docs]
dimensions = 4
metric = "cosine"
version = "v2"

[tool.pytest.ini_options]
asyncio_mode = "strict"
asyncio_default_fixture_loop_scope = "function"
'''

BODIES = {
    "baseline": ("def", "", "assert i >= 0"),
    "abaseline": ("async", "", "assert i >= 0"),
    "asgi": ("async", "worker", 'assert (await worker.fetch("/")).status == 200'),
    "fetch": ("async", "worker", 'assert (await worker.fetch("/")).status == 200'),
    "env-vectorize": ("async", "env", 'await env.VECTORIZE.upsert([{"id": "a", "values": [0.1, 0.2, 0.3, 0.4]}])\n'
                      '    await env.VECTORIZE.query([0.1, 0.2, 0.3, 0.4], topK=1)'),
    "env-ai": ("async", "env", 'r = await env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": ["hello world"]})\n'
               '    assert r["data"]'),
    "env-d1": ("async", "env", 'await env.DB.exec("CREATE TABLE t (a)")\n'
               '    await env.DB.prepare("INSERT INTO t VALUES (?)").bind(i).run()\n'
               '    assert (await env.DB.prepare("SELECT a FROM t").first("a")) == i'),
    "env-kv": ("async", "env", 'await env.KV.put("k", "v")\n    assert await env.KV.get("k") == "v"'),
    "env-queues": ("async", "env", 'await env.Q.send({"i": i})'),
    "env-bare": ("async", "env", 'assert env.VECTORIZE is not None'),
    "load_worker": ("async", "", 'from workers_env import load_worker\n'
                    '    w = load_worker("wrangler.toml")\n'
                    '    assert (await w.fetch("/")).status == 200'),
    "load_asgi": ("async", "", 'from workers_env import load_worker\n'
                  '    w = load_worker("wrangler.toml")\n'
                  '    assert (await w.fetch("/")).status == 200'),
}

CONFTEST = '''
import gc, json, os, sys, collections
import pytest

WARM = int(os.environ["MEM_WARM"])
OUT = os.environ["MEM_OUT"]
_seen = [0]
_at = {}

def _rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

def _types():
    c = collections.Counter()
    for o in gc.get_objects():
        t = type(o); c[f"{getattr(t, '__module__', '?')}.{getattr(t, '__qualname__', t.__name__)}"] += 1
    return c

import ctypes
class _MI2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                                               "uordblks", "fordblks", "keepcost")]
_libc = ctypes.CDLL("libc.so.6")
_libc.mallinfo2.restype = _MI2

def _malloc_used():
    m = _libc.mallinfo2()
    return (m.uordblks + m.hblkhd) / 2**20

def _mark(name):
    gc.collect()
    _libc.malloc_trim(0)
    rec = {"rss": _rss(), "types": _types(), "count": _seen[0], "malloc": _malloc_used(),
           "blocks": sys.getallocatedblocks()}
    _at[name] = rec

def pytest_runtest_logfinish(nodeid, location):
    _seen[0] += 1
    if _seen[0] == WARM:
        _mark("warm")

def pytest_sessionfinish(session):
    if "warm" not in _at:
        return
    _mark("end")
    a, b = _at["warm"], _at["end"]
    n = b["count"] - a["count"]
    out = {"tests": n, "rss_warm": a["rss"], "rss_end": b["rss"], "mb_per_test": (b["rss"] - a["rss"]) / max(n, 1),
           "malloc_kb_per_test": (b["malloc"] - a["malloc"]) * 1024 / max(n, 1),
           "blocks_per_test": (b["blocks"] - a["blocks"]) / max(n, 1)}
    grew = {k: b["types"][k] - a["types"].get(k, 0) for k in b["types"]}
    out["types"] = sorted(((v, k) for k, v in grew.items() if v >= n // 2), reverse=True)[:40]
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, default=str)
'''



DATES = {"asgi": "2025-11-02", "load_asgi": "2025-11-02", "fetch": "2025-08-01", "load_worker": "2025-08-01"}


def build(folder: Path, case: str, count: int) -> Path:
    """A project of ``count`` tests of ``case`` under ``folder``."""
    project = folder / case
    (project / "src").mkdir(parents=True)
    (project / "src" / "entry.py").write_text(FASTAPI if case in ("asgi", "load_asgi") else ON_FETCH)
    (project / "wrangler.toml").write_text(CONFIG.format(date=DATES.get(case, "2026-05-01")))
    (project / "pyproject.toml").write_text(PYPROJECT)
    (project / "conftest.py").write_text(CONFTEST)
    kind, fixture, body = BODIES[case]
    mark = "@pytest.mark.asyncio\n" if kind == "async" else ""
    arguments = ", ".join(name for name in (fixture, "i") if name)
    (project / "test_many.py").write_text(f"import pytest\n\n\n@pytest.mark.parametrize('i', range({count}))\n{mark}"
                                          f"{'async ' if kind == 'async' else ''}def test_one({arguments}):\n    {body}\n")
    return project


def measure(tree: Path, case: str, count: int, warm: int, folder: Path) -> dict:
    """Run ``case``'s project with ``tree``'s workers_env first on the path; its figures."""
    project = build(folder, case, count + warm)
    out = folder / f"{case}.json"
    env = dict(os.environ, PYTHONPATH=str(tree), MEM_WARM=str(warm), MEM_OUT=str(out))
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x", "test_many.py"],
                         cwd=project, env=env, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"{case} failed under {tree}:\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=list(BODIES), help=f"of {', '.join(BODIES)} (default: all)")
    parser.add_argument("-n", type=int, default=1000, help="tests measured (after --warm)")
    parser.add_argument("--warm", type=int, default=50, help="tests run before the first measure")
    parser.add_argument("--against", action="append", default=[], metavar="REV", help="also measure this revision")
    parser.add_argument("--types", action="store_true", help="list the object types that grew")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = revision_trees(Path(tmp), args.against)
        for case in args.cases:
            for name, tree in trees.items():
                folder = Path(tempfile.mkdtemp(dir=tmp))
                got = measure(tree, case, args.n, args.warm, folder)
                print(f"{case:14} {name:14} RSS {got['rss_warm']:6.1f} -> {got['rss_end']:6.1f} MB: "
                      f"{got['mb_per_test'] * 1000:6.1f} kB a test; malloc {got['malloc_kb_per_test']:5.1f} kB, "
                      f"{got['blocks_per_test']:5.0f} pymalloc blocks a test", flush=True)
                if args.types:
                    for grew, kind in got["types"][:12]:
                        print(f"    +{grew:7d} {kind}")


if __name__ == "__main__":
    main()
