"""Instructions per operation, counted by callgrind: a deterministic A/B for small changes.

    python benchmarks/instructions.py                       # every scenario, the working tree
    python benchmarks/instructions.py --rev 85dddf1         # ... and the same at an older commit
    python benchmarks/instructions.py --only query,bare-query

Wall-clock ratios on a shared 2-core machine move by 10% from run to run, more than most
single changes gain. Instruction counts do not move: each scenario runs twice under
``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``, ``OPENBLAS_NUM_THREADS=1``), once with its
setup only and once with the setup plus N operations, and the difference over N is printed.
The garbage collector is off during the operations: its passes land wherever allocation
counts put them, which moved an unchanged upsert by 8% between two trees. Counts ignore the
collector's work and what the hardware adds (cache misses, memory bandwidth): a change that trades
instructions for memory traffic shows here as a gain it may not have, so `run.py` stays the
judge of the targets. Needs valgrind. ``--rev`` imports that commit's ``workers_env`` (taken
with ``git archive``) with these scenarios, which use the APIs of 2026-11-30.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: scenario -> (operations counted, what one operation is)
SCENARIOS: dict[str, tuple[int, str]] = {
    "query": (2000, "`await env.IDX.query(list, topK=10)` on a 1,000 x 384 cosine index"),
    "bare-query": (2000, "bare numpy on the same index and query (an ndarray): matvec, argpartition, sort"),
    "embed-cold": (1, "`env.AI.run` of 1,000 texts of ~40 words at 768 dims, every word new to the process"),
    "embed-warm": (3, "the same with fresh texts from a vocabulary already seen (a few new words each)"),
    "upsert": (3, "`await env.IDX.upsert(...)` of those 1,000 embedded rows into an empty index"),
}


def _child(scenario: str, count: int) -> None:
    """Set the scenario up -- the same set-up whatever ``count`` -- then run ``count``
    operations (this runs under callgrind)."""
    import numpy as np

    sys.path.insert(0, str(HERE))
    from run import (
        Bare,
        _vocabulary,
        _zipf_texts,
        embed_all,
        ids_for,
        load_index,
        make_ai_env,
        make_env,
        unit_rows,
    )

    most = SCENARIOS[scenario][0]  # the set-up prepares this many operations, used or not

    async def main() -> None:
        op: Callable[[int], Any]
        rng = np.random.default_rng(71)
        if scenario in ("query", "bare-query"):
            x = unit_rows(1000, 384, seed=11)
            qrng = np.random.default_rng(12)
            qs = [qrng.standard_normal(384).astype(np.float32) for _ in range(200)]
            env = make_env(384, "cosine")
            load_index(env, x, ids_for(1000))
            bare = Bare(x, "cosine")
            lists = [q.tolist() for q in qs]
            query = env.IDX.query

            async def op(i: int) -> Any:
                if scenario == "query":
                    return await query(lists[i % 200], topK=10)
                return bare(qs[i % 200])
        elif scenario == "embed-cold":
            env = make_ai_env(768)
            batches = [_zipf_texts(rng, _vocabulary(np.random.default_rng(100 + i)), 1000, 40) for i in range(most)]

            async def op(i: int) -> Any:
                return await embed_all(env, batches[i])
        else:
            env = make_ai_env(768)
            words = _vocabulary(np.random.default_rng(100))
            seen = await embed_all(env, _zipf_texts(rng, words, 1000, 40))  # every word new: set-up
            batches = [_zipf_texts(rng, words, 1000, 40) for _ in range(most)]
            vectors = [{"id": f"doc-{i}", "values": row} for i, row in enumerate(seen)]
            fresh = [make_ai_env(768) for _ in range(most)]

            async def op(i: int) -> Any:
                if scenario == "embed-warm":
                    return await embed_all(env, batches[i])
                return await fresh[i].IDX.upsert(vectors)
        gc.collect()
        gc.disable()  # a collection lands wherever allocation counts put it: off, counts repeat
        for i in range(count):
            await op(i)

    asyncio.run(main())


def _instructions(tree: Path, scenario: str, count: int) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(tree))
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, str(Path(__file__).resolve()), "--child", scenario, str(count)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"callgrind run of {scenario!r} failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_operation(tree: Path, scenario: str) -> float:
    count = SCENARIOS[scenario][0]
    return (_instructions(tree, scenario, count) - _instructions(tree, scenario, 0)) / count


def _export(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "workers_env"], capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"git archive {rev}: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rev", help="also count the workers_env of this git revision")
    ap.add_argument("--only", help="comma-separated scenarios: " + ", ".join(SCENARIOS))
    ap.add_argument("--child", nargs=2, metavar=("SCENARIO", "COUNT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed; this script counts instructions with callgrind", file=sys.stderr)
        return 2
    scenarios = args.only.split(",") if args.only else list(SCENARIOS)
    unknown = [s for s in scenarios if s not in SCENARIOS]
    if unknown:
        print(f"unknown scenario(s) {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="workers-env-rev-") as tmp:
        trees = {"working tree": ROOT}
        if args.rev:
            trees[args.rev] = _export(args.rev, Path(tmp))
        counts: dict[str, dict[str, float]] = {name: {} for name in trees}
        for scenario in scenarios:
            line = f"{scenario:<11}"
            for name, tree in trees.items():
                counts[name][scenario] = per_operation(tree, scenario)
                line += f"  {name}: {counts[name][scenario] / 1e3:>12,.1f}k"
            if args.rev:
                new, old = counts["working tree"][scenario], counts[args.rev][scenario]
                line += f"  ({(new - old) / old:+.1%})"
            print(f"{line}   per {SCENARIOS[scenario][1]}", flush=True)
        for name in trees:
            got = counts[name]
            if "query" in got and "bare-query" in got:
                print(f"{name}: query / bare numpy = {got['query'] / got['bare-query']:.2f} (instructions)")
            if "embed-warm" in got and "upsert" in got:
                print(f"{name}: embed (warm) / upsert = {got['embed-warm'] / got['upsert']:.2f} (instructions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
