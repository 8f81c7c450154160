"""What a Worker request costs around the Worker's own code: the import scope entered and left
(``with worker._scope``) and a whole trivial ``await worker.fetch("/")``, for this checkout and
another revision side by side, interleaved, each in fresh processes.

    python benchmarks/scope_overhead.py --against 8542be3^     # ~30 s
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r'''
import asyncio, pathlib, sys, tempfile, time
root = sys.argv[1]
sys.path[:0] = [root, root + "/tests"]
from worker_helpers import one_file_worker
from workers_env import load_worker
folder = pathlib.Path(tempfile.mkdtemp())
one_file_worker(folder, "from workers import Response, WorkerEntrypoint\n"
                "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response('x')\n")
worker = load_worker(folder)
scope = worker._scope
best = float("inf")
for _ in range(5):
    t = time.perf_counter()
    for _ in range(5000):
        with scope:
            pass
    best = min(best, (time.perf_counter() - t) / 5000)
async def fetches():
    for _ in range(200):
        await worker.fetch("/")
    t = time.perf_counter()
    for _ in range(2000):
        await worker.fetch("/")
    return (time.perf_counter() - t) / 2000
print(best * 1e6, asyncio.run(fetches()) * 1e6)
'''


def measure(root: Path) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, check=True)
    scope, fetch = map(float, out.stdout.split())
    return scope, fetch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", required=True, help="the revision to compare with (git rev)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.against], check=True)
        try:
            ours, theirs = [], []
            for _ in range(args.rounds):  # interleaved: the host's noise falls on both
                theirs.append(measure(other))
                ours.append(measure(ROOT))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)
    for i, what in enumerate(("scope enter+exit", "trivial fetch")):
        a = statistics.median(t[i] for t in theirs)
        b = statistics.median(t[i] for t in ours)
        print(f"{what:17} {args.against}: {a:7.1f} us   this checkout: {b:7.1f} us   ratio {b / a:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
