"""What the upload check on ``os.stat`` costs a Worker that looks at many files: requests
whose handler calls ``Path.exists()`` on 1,000 paths (four requests of 250, the best of 30 each) -- uploaded files of its folder by absolute
name, the same by a relative name (the working folder its project), files of an installed
library (the standard library's), and names that do not exist -- against the same 1,000 looks
made by test code (no Worker running: the wrapper's cheapest path) and by the host's own
``os.stat`` (the wrapper bypassed), for this checkout and another revision, interleaved, each
in fresh processes.

    python benchmarks/stat_overhead.py --against main     # ~20 s
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _revisions import interleaved_medians, revision_trees

PROBE = r'''
import asyncio, json, os, pathlib, sys, tempfile, time
sys.path.insert(0, sys.argv[1])
from workers_env import load_worker
folder = pathlib.Path(tempfile.mkdtemp())
src = folder / "src"
src.mkdir()
(src / "entry.py").write_text("import json, time\nfrom pathlib import Path\nfrom workers import Response, WorkerEntrypoint\n"
                              "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                              "        names = [Path(n) for n in json.loads(await request.text())]\n"
                              "        t = time.perf_counter()\n        for n in names:\n            n.exists()\n"
                              "        return Response(str(time.perf_counter() - t))\n")
(folder / "wrangler.toml").write_text('name = "s"\nmain = "src/entry.py"\ncompatibility_date = "2025-10-01"\n'
                                      'compatibility_flags = ["python_workers"]\n')
for i in range(250):
    (src / f"f{i}.txt").write_text("x")
os.chdir(folder)
kinds = {"absolute": [str(src / f"f{i}.txt") for i in range(250)],
         "relative": [f"src/f{i}.txt" for i in range(250)],
         "library": [m.__file__ for m in list(sys.modules.values()) if getattr(m, "__file__", None)][:250],
         "missing": [str(src / f"none{i}.txt") for i in range(250)]}
names = [n for k in kinds.values() for n in k]
assert len(names) == 1000, len(names)
worker = load_worker(folder)
async def in_worker(kind):
    best = float("inf")
    for _ in range(30):
        best = min(best, float(await (await worker.fetch("/", method="POST", body=json.dumps(kinds[kind]))).text()))
    return best
def outside(stat):
    paths = [pathlib.Path(n) for n in names]
    best = float("inf")
    for _ in range(30):
        t = time.perf_counter()
        for p in paths:
            try:
                stat(p)
            except OSError:
                pass
        best = min(best, time.perf_counter() - t)
    return best
each = [asyncio.run(in_worker(kind)) * 1e3 for kind in kinds]
print(sum(each), *each, outside(os.stat) * 1e3, outside(getattr(os.stat, "__wrapped__", os.stat)) * 1e3)
'''


def measure(root: Path) -> list[float]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, check=True)
    return [float(t) for t in out.stdout.split()]


WHAT = ("1,000 looks in a Worker's requests", "  250 by absolute name, uploaded", "  250 by relative name",
        "  250 installed library files", "  250 missing", "the 1,000 by test code", "the 1,000 by the host's os.stat")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", action="append", default=[], help="a revision to compare with (git rev)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        medians = interleaved_medians(revision_trees(Path(tmp), args.against), args.rounds, measure)
    print(f"{'median of ' + str(args.rounds) + ', ms':34}" + "".join(f"{name:>16}" for name in medians))
    for i, what in enumerate(WHAT):
        print(f"{what:34}" + "".join(f"{figures[i]:16.2f}" for figures in medians.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
