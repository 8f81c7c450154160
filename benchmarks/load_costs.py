"""What ``load_worker`` and a step of a Worker's code cost in a process holding as many modules as
a collected test suite (2,800: the walks of ``sys.modules`` at each load and step scale with it),
for this checkout and another revision side by side, each in fresh processes, interleaved.

    python benchmarks/load_costs.py --against 7dc6db49              # CPU ms, ~1 min
    python benchmarks/load_costs.py --against 7dc6db49 --callgrind --loads 5  # instructions, ~5 min
    python benchmarks/load_costs.py --against 7dc6db49 --history 1000  # after 1,000 loads, ~3 min

The process imports ``workers_env`` and its CLI and then stands in for the rest of what a suite's
worker process holds with made-up modules (``--modules``: each found at a
file: libraries' under a ``site-packages`` folder, tests' ``test_*.py`` under a ``tests`` folder,
two of three dotted), so that the count is the suite's. Figures: CPU time (``time.process_time``)
per load of a one-file Worker (a fresh project folder each, as a test's ``tmp_path``), per
trivial fetch, per step replayed (``with scope: pass``), per step after the host imported a
module (a new ``sys.modules`` name between two steps). ``--suite`` imports this checkout's own test
modules instead (2,790 modules, scattered in memory as a suite's are: the walks then cost more per
module than over the made-up ones, which lie together). ``--callgrind`` counts instructions instead
(collected under ``valgrind --tool=callgrind`` only around the operations), which the machine's
load does not move.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r'''
import asyncio, gc, importlib.machinery, os, sys, tempfile, time, types, pathlib
root, total, what, count, history = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
sys.path[:0] = [root, os.path.join(os.path.dirname(os.path.abspath(sys.argv[0])), "tests")]
import workers_env.cli  # (what a worker process of the suite holds; the rest made up below)
from worker_helpers import one_file_worker
from workers_env import load_worker
fake = pathlib.Path(tempfile.mkdtemp())
if total == 0:  # --suite: the suite's own test modules, as a worker process of it has them
    import glob, importlib
    for file in sorted(glob.glob(os.path.join(sys.path[1], "test_*.py"))):
        try:
            importlib.import_module(os.path.basename(file)[:-3])
        except BaseException:
            pass
for i in range(total - len(sys.modules)):
    if i % 3 == 0:
        name, file = f"lib{i}", f"{fake}/site-packages/lib{i}/__init__.py"
    elif i % 3 == 1 or i % 30 != 2:
        name, file = f"lib{i - i % 3}.sub{i}", f"{fake}/site-packages/lib{i - i % 3}/sub{i}.py"
    else:
        name, file = f"test_made_up_{i}", f"{fake}/tests/test_made_up_{i}.py"
    module = types.ModuleType(name)
    module.__file__ = file
    module.__spec__ = importlib.machinery.ModuleSpec(name, None, origin=file)
    module.__spec__.has_location = True
    sys.modules[name] = module
ENTRY = ("import asyncio\nfrom workers import Response, WorkerEntrypoint\n"
         "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response('x')\n")
base = pathlib.Path(tempfile.mkdtemp())
import atexit, shutil  # (both folders go with the probe: each run of it left two behind)
atexit.register(shutil.rmtree, fake, True)
atexit.register(shutil.rmtree, base, True)
folders = [one_file_worker(base / f"p{i}", ENTRY) for i in range(count + 3)]
for i in range(history):  # --history: Workers loaded (and dropped) before, as earlier tests of the process did
    load_worker(one_file_worker(base / f"h{i}", ENTRY))
old = time.time() - 3600
for folder in folders:  # (settled folders: a step reads the listing again only while it is 2 s young)
    for path in (folder, folder / "src"):
        os.utime(path, (old, old))
workers = [load_worker(folder) for folder in folders[:3]]
worker = workers[-1]
scope = worker._scope
async def fetches(n):
    for _ in range(n):
        await worker.fetch("/")
def steps(n):
    for _ in range(n):
        with scope:
            pass
def new_steps(n, start=0):
    for i in range(start, start + n):
        sys.modules[f"_probe_new_{i}"] = types.ModuleType(f"_probe_new_{i}")
        with scope:
            pass
asyncio.run(fetches(20)); steps(20); new_steps(20, 10**6)
ops = {"load": lambda n: [workers.append(load_worker(f)) for f in folders[3:3 + n]],
       "fetch": lambda n: asyncio.run(fetches(n)), "step": steps, "new-step": new_steps}
print(len(sys.modules), file=sys.stderr)
gc.collect(); gc.disable()
if what == "cpu":
    out = []
    for name, n in (("load", count), ("fetch", 10 * count), ("step", 100 * count), ("new-step", 10 * count)):
        t = time.process_time(); ops[name](n); out.append((time.process_time() - t) / n)
    print(*(x * 1e3 for x in out))
else:  # under callgrind: each operation's instructions, dumped after each reduce (see instructions())
    import functools
    for name, n in (("load", count), ("fetch", 5 * count), ("step", 50 * count), ("new-step", 10 * count)):
        functools.reduce(lambda _, op: op(), [lambda: ops[name](n)], None)
'''

#: the operations the callgrind run counts, in its order, and how many of each (per load)
COUNTS = {"load": 1, "fetch": 5, "step": 50, "new-step": 10}


def cpu(tree: Path, modules: int, loads: int, history: int) -> list[float]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(tree), str(modules), "cpu", str(loads), str(history)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return [float(t) for t in out.stdout.split()]


def instructions(tree: Path, modules: int, loads: int, history: int) -> list[float]:
    """Instructions per operation: collected only inside the ``functools.reduce`` call around each
    operation's repetitions, and dumped after each (so set-up costs nothing)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
                        "--dump-after=functools_reduce", f"--callgrind-out-file={tmp}/cg.out",
                        os.path.realpath(sys.executable), "-c", PROBE, str(tree), str(modules), "callgrind", str(loads), str(history)],
                       capture_output=True, text=True, check=True, cwd=ROOT,
                       env={**os.environ, "PYTHONHASHSEED": "0"})
        counts = []
        # the last dumps: with --suite the test modules' imports call functools.reduce too, each a dump before ours
        dumps = sorted(Path(tmp).glob("cg.out.*"), key=lambda path: int(path.suffix[1:]))[-len(COUNTS):]
        for dump in dumps:
            text = dump.read_text()
            counts.append(int(next(line for line in text.splitlines() if line.startswith("summary:")).split()[1]))
    return [count / (per * loads) for count, per in zip(counts, COUNTS.values())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", required=True, help="the revision to compare with (git rev)")
    parser.add_argument("--modules", type=int, default=2800, help="sys.modules' size to stand in for")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--loads", type=int, default=30)
    parser.add_argument("--history", type=int, default=0,
                        help="Workers the process loads (each from its own folder) before those measured: a test run's"
                             " process has loaded thousands (~10 ms each; under --callgrind ~50x that)")
    parser.add_argument("--callgrind", action="store_true", help="count instructions instead of CPU time")
    parser.add_argument("--suite", action="store_true",
                        help="import the suite's test modules (tests/test_*.py) instead of made-up ones (+5 s a process)")
    args = parser.parse_args()
    if args.suite:
        args.modules = 0
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        other.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against, "workers_env"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive, check=True)
        trees = {"before": other, "after": ROOT}
        if args.callgrind:
            per = {name: instructions(tree, args.modules, args.loads, args.history) for name, tree in trees.items()}
            for i, what in enumerate(COUNTS):
                print(f"{what:9} instructions per operation: before {per['before'][i]:,.0f}  after {per['after'][i]:,.0f}"
                      f"  ({per['after'][i] / per['before'][i]:.2f}x)")
            return 0
        runs: dict[str, list[list[float]]] = {"before": [], "after": []}
        for _ in range(args.rounds):  # interleaved: the host's noise falls on both
            for name, tree in trees.items():
                runs[name].append(cpu(tree, args.modules, args.loads, args.history))
    for i, what in enumerate(("load_worker", "trivial fetch", "step replayed", "step after an import")):
        before = statistics.median(r[i] for r in runs["before"])
        after = statistics.median(r[i] for r in runs["after"])
        print(f"{what:22} CPU ms, median of {args.rounds}: before {before:.3f}  after {after:.3f}  ({after / before:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
