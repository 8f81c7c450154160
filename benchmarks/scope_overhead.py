"""What a Worker request costs around the Worker's own code: the import scope entered and left
(``with worker._scope``), a whole trivial ``await worker.fetch("/")`` and one whose handler awaits
ten times (the scope is entered around each step of the handler), for this checkout and
another revision side by side, interleaved, each in fresh processes. Each is measured twice: on
a Worker folder written a moment ago, as a test's, and on one settled for a while, as a project's
under ``workers-env dev`` (the scope trusts a folder's mtime only once it is 2 s old).

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
import asyncio, os, pathlib, sys, tempfile, time
root = sys.argv[1]
sys.path[:0] = [root, root + "/tests"]
from worker_helpers import one_file_worker
from workers_env import load_worker
folder = pathlib.Path(tempfile.mkdtemp())
one_file_worker(folder, "import asyncio\nfrom workers import Response, WorkerEntrypoint\n"
                "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                "        for _ in range(int(request.url.rsplit('/', 1)[1] or 0)):\n            await asyncio.sleep(0)\n"
                "        return Response('x')\n")
worker = load_worker(folder)
scope = worker._scope
def scopes(rounds):
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(2000):
            with scope:
                pass
        best = min(best, (time.perf_counter() - t) / 2000)
    return best
async def fetches(n, path="/"):
    for _ in range(100):
        await worker.fetch(path)
    t = time.perf_counter()
    for _ in range(n):
        await worker.fetch(path)
    return (time.perf_counter() - t) / n
fresh = scopes(3), asyncio.run(fetches(1000))  # well within 2 s of writing the folder
old = time.time() - 3600
for path in (folder, folder / "src"):
    os.utime(path, (old, old))
settled = scopes(5), asyncio.run(fetches(2000)), asyncio.run(fetches(1000, "/10"))
print(*(t * 1e6 for t in fresh + settled))
'''


def measure(root: Path) -> list[float]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, check=True)
    return [float(t) for t in out.stdout.split()]


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
    for i, what in enumerate(("scope enter+exit, folder just written", "trivial fetch, folder just written",
                              "scope enter+exit, folder settled", "trivial fetch, folder settled",
                              "fetch awaiting 10 times, settled")):
        a = statistics.median(t[i] for t in theirs)
        b = statistics.median(t[i] for t in ours)
        print(f"{what:38} {args.against}: {a:7.1f} us   this checkout: {b:7.1f} us   ratio {b / a:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
