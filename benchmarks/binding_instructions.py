"""Instructions per binding call made from Worker code, counted by callgrind, this checkout
against another: the deterministic twin of ``binding_calls.py`` (whose CPU times move by 10% a
round on a shared machine).

    python benchmarks/binding_instructions.py OTHER_CHECKOUT [kind:N,...]   # needs valgrind; ~1 min a kind

Each kind (``kv_get``, ``kv_put``, ``d1_first``, ``d1_all``, ``vec_query`` on a 100 x 768 index,
``vec_upsert`` of the same 100 x 768 rows again (made once, before the counting), ``ai_run`` of 2 texts, ``supplied``: ``get`` of a binding supplied by hand, ``sleep0``: one bare
step) runs in a loaded Worker (external-SDK era) in a fresh process per tree and count: after
its set-up and three warm requests the process turns callgrind's instrumentation on
(``--instr-atstart=no``, ``callgrind_control -i on``: the set-up runs uninstrumented, some 5x
faster) and one request making N calls is counted (``--toggle-collect=functools_reduce``, the
collector off, ``PYTHONHASHSEED=0``); the same request making none is subtracted, over N. Both
checkouts import their own ``workers_env`` and ``tests/worker_helpers.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

from binding_calls import BINDINGS  # (this folder is the script's: sys.path[0])

ROOT = Path(__file__).resolve().parent.parent
KINDS = "kv_get:100,kv_put:100,d1_first:100,d1_all:100,vec_query:20,vec_upsert:5,ai_run:5,supplied:100,sleep0:200"

PROBE = r'''
import asyncio, functools, gc, os, pathlib, subprocess, sys, tempfile, time
root, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path[:0] = [root, root + "/tests"]
from worker_helpers import one_file_worker
from workers_env import load_env, load_worker
folder = pathlib.Path(tempfile.mkdtemp())
one_file_worker(folder, """
import asyncio, random
from workers import Response, WorkerEntrypoint
rng = random.Random(5)
QS = [[rng.uniform(-1, 1) for _ in range(768)] for _ in range(20)]
TEXTS = [" ".join("w%d" % rng.randrange(3000) for _ in range(40)) for _ in range(2)]
ROWS = [{"id": "u%d" % i, "values": [rng.uniform(-1, 1) for _ in range(768)]} for i in range(100)]
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, n = request.url.rsplit("/", 2)[1:]
        n = int(n)
        env = self.env
        if kind == "setup":
            await env.IDX.upsert([{"id": str(i), "values": [rng.uniform(-1, 1) for _ in range(768)]} for i in range(100)])
            await env.KV.put("k", "v")
        for i in range(n):
            if kind == "kv_get":
                await env.KV.get("k")
            elif kind == "kv_put":
                await env.KV.put("k%d" % (i % 10), "v")
            elif kind == "d1_first":
                await env.DB.prepare("SELECT ?1 AS x").bind(i).first()
            elif kind == "d1_all":
                await env.DB.prepare("SELECT ?1 AS x").bind(i).all()
            elif kind == "vec_query":
                await env.IDX.query(QS[i % 20], topK=10)
            elif kind == "vec_upsert":
                await env.IDX.upsert(ROWS)
            elif kind == "ai_run":
                await env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": TEXTS})
            elif kind == "supplied":
                await env.MINE.get("k")
            elif kind == "sleep0":
                await asyncio.sleep(0)
        return Response("ok")
''' + BINDINGS + r'''loop = asyncio.new_event_loop()
async def request(path):
    return await (await worker.fetch("http://x/" + path)).text()
loop.run_until_complete(request("setup/0"))
for _ in range(3):
    loop.run_until_complete(request(f"{kind}/5"))
subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True, check=True)
time.sleep(0.5)
gc.collect()
gc.disable()
functools.reduce(lambda a, b: loop.run_until_complete(request(f"{kind}/{n}")), [0, 0])
'''


def collected(probe: str, tree: Path, *args: str) -> int:
    """Instructions callgrind collected inside ``functools.reduce`` calls (the probe's marks
    around what it measures) while ``python -c probe tree *args`` ran with ``tree``'s workers_env."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--collect-atstart=no",
         "--toggle-collect=functools_reduce", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", probe, str(tree), *args],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"})
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or found is None:
        sys.exit(f"{tree} {' '.join(args)}: {done.stderr[-2000:]}")
    return int(found.group(1))


def side_by_side(count: Callable[[Path, str, int], int], default_kinds: str, width: int) -> None:
    """Print, for each ``kind:n`` of ``argv[2]`` (else ``default_kinds``), the instructions one more
    operation costs (``count`` at n less at 0, over n) with the checkout ``argv[1]`` and this one."""
    other = Path(sys.argv[1]).resolve()
    for spec in (sys.argv[2] if len(sys.argv) > 2 else default_kinds).split(","):
        kind, n = spec.split(":")
        each = {side: (count(tree, kind, int(n)) - count(tree, kind, 0)) / int(n)
                for side, tree in (("other", other), ("this", ROOT))}
        change = each["this"] / each["other"] - 1
        print(f"{kind:{width}} other {each['other'] / 1000:9.1f}k   this {each['this'] / 1000:9.1f}k   "
              f"change {change:+.1%}", flush=True)


def count(tree: Path, kind: str, n: int) -> int:
    """Instructions of one request making ``n`` calls of ``kind`` with ``tree``'s workers_env."""
    return collected(PROBE, tree, kind, str(n))


def main() -> None:
    side_by_side(count, KINDS, 10)


if __name__ == "__main__":
    main()
