"""Binding calls made from Worker code, per call, against another checkout, side by side:
``await self.env.KV.get(...)`` / ``put``, ``await self.env.DB.prepare(...).bind(...).first()`` / ``all()``,
``await self.env.IDX.query(768 floats, topK=10)`` on a 1,000 x 768 index, one
``await self.env.IDX.upsert(...)`` of 1,000 x 768, ``await self.env.AI.run(...)`` of 100 texts,
``await self.env.MINE.get("k")`` of a binding supplied by hand (``load_env(bindings=...)``: an
object with ``async def get``), and ``await asyncio.sleep(0)`` (one bare step of Worker code, for scale). The Worker
(``load_worker``, external-SDK era: plain Python arguments) times each kind itself in CPU time
(``time.process_time`` around N calls in one request); each checkout in fresh processes,
interleaved round by round; the figure is the median over the rounds of each process's best
batch (5 after 2 warm ones), and the ratio this checkout / the other. Since session 56 every
binding call suspends the awaiting task once, as under Pyodide (``jspromise.binding_promise``):
a call settled at once costs a step of Worker code more than before (BENCHMARKS.md, session 57).

    python benchmarks/binding_calls.py /path/to/other/checkout [rounds] [kinds]   # ~1 min at 4 rounds
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = "kv_get,kv_put,d1_first,d1_all,vec_query,vec_upsert,ai_run,supplied,sleep0"

#: the end of the Worker file (its bindings: KV, D1, Vectorize, AI and one supplied by hand) and its
#: env and Worker, as both probes build them (binding_instructions.py's too)
BINDINGS = r'''""", extra="""
[[kv_namespaces]]
binding = "KV"
id = "kv1"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "db1"
[[vectorize]]
binding = "IDX"
index_name = "idx"
[ai]
binding = "AI"
""")
class Mine:  # a binding supplied by hand
    async def get(self, key, options=None):
        return {"key": key}
env = load_env(folder / "wrangler.toml", indexes={"idx": {"dimensions": 768, "metric": "cosine", "version": "v2"}},
               bindings={"MINE": Mine()})
worker = load_worker(env=env)
'''

PROBE = r'''
import asyncio, json, pathlib, sys, tempfile
root, kinds = sys.argv[1], sys.argv[2].split(",")
sys.path[:0] = [root, root + "/tests"]
from worker_helpers import one_file_worker
from workers_env import load_env, load_worker
folder = pathlib.Path(tempfile.mkdtemp())
one_file_worker(folder, """
import asyncio, json, random, time
from workers import Response, WorkerEntrypoint
rng = random.Random(5)
QS = [[rng.uniform(-1, 1) for _ in range(768)] for _ in range(20)]
WORDS = ["w%d" % i for i in range(3000)]
TEXTS = [" ".join(rng.choice(WORDS) for _ in range(40)) for _ in range(100)]
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit("/", 1)[1]
        env = self.env
        rows = None
        if kind == "vec_upsert":  # (made before the clock starts)
            rows = [{"id": str(i), "values": [rng.uniform(-1, 1) for _ in range(768)]} for i in range(1000)]
        t = time.process_time()
        if kind == "kv_get":
            n = 300
            for _ in range(n):
                await env.KV.get("k")
        elif kind == "kv_put":
            n = 100
            for i in range(n):
                await env.KV.put("k%d" % i, "v")
        elif kind == "d1_first":
            n = 300
            for i in range(n):
                await env.DB.prepare("SELECT ?1 AS x").bind(i).first()
        elif kind == "d1_all":
            n = 300
            for i in range(n):
                await env.DB.prepare("SELECT ?1 AS x").bind(i).all()
        elif kind == "vec_query":
            n = 40
            for i in range(n):
                await env.IDX.query(QS[i % 20], topK=10)
        elif kind == "vec_upsert":
            n = 1
            await env.IDX.upsert(rows)
        elif kind == "ai_run":
            n = 3
            for _ in range(n):
                await env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": TEXTS})
        elif kind == "supplied":
            n = 300
            for _ in range(n):
                await env.MINE.get("k")
        elif kind == "sleep0":
            n = 300
            for _ in range(n):
                await asyncio.sleep(0)
        else:
            n = 1
        return Response(json.dumps((time.process_time() - t) / n))
''' + BINDINGS + r'''async def main():
    out = {}
    for first in ("vec_upsert", "kv_put"):  # an index to query, a key to read
        await (await worker.fetch("http://x/" + first)).text()
    for kind in kinds:
        took = []
        for _ in range(7):
            took.append(float(await (await worker.fetch("http://x/" + kind)).text()))
        out[kind] = min(took[2:]) * 1e6
    print(json.dumps(out))
asyncio.run(main())
'''


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    kinds = sys.argv[3] if len(sys.argv) > 3 else KINDS
    got: dict[str, list[dict[str, float]]] = {"other": [], "this": []}
    for i in range(rounds):
        for side in (("other", "this") if i % 2 else ("this", "other")):
            tree = other if side == "other" else ROOT
            done = subprocess.run([sys.executable, "-c", PROBE, str(tree), kinds], capture_output=True, text=True,
                                  check=False, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin",
                                                    "OPENBLAS_NUM_THREADS": "1", "HOME": "/tmp"})
            if done.returncode:
                sys.exit(f"{tree}: {done.stderr}")
            got[side].append(json.loads(done.stdout.splitlines()[-1]))
    for kind in kinds.split(","):
        theirs = statistics.median(r[kind] for r in got["other"])
        ours = statistics.median(r[kind] for r in got["this"])
        ratios = sorted(round(t[kind] / o[kind], 2) for t, o in zip(got["this"], got["other"]))
        print(f"{kind:10} other {theirs:10.1f} us   this {ours:10.1f} us   ratio {ours / theirs:.2f}   per round {ratios}")


if __name__ == "__main__":
    main()
