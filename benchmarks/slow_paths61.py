"""The library paths the slowest test files of session 61 spent their CPU in, for this checkout
and another revision, interleaved, each figure the median of fresh processes (CPU seconds,
``time.process_time``): reading a 100,000-line vectors NDJSON file (``wrangler vectorize
insert --file``), handing SQLite an 8 MiB blob bound to a D1 statement, and compiling a
``migrations_pattern`` of braces nested 1,500 deep (refused) and one whose range expands to
brace-expansion's 100,000 cap.

    python benchmarks/slow_paths61.py --against main     # ~1 min
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _revisions import interleaved_medians, revision_trees

PROBE = r'''
import json, sys, time
sys.path.insert(0, sys.argv[1])
from workers_env.vectorize.ndjson import iter_sized_vectors
from workers_env.d1.values import sqlite_param
from workers_env.d1 import migration_pattern as mp

def cpu(f):
    t = time.process_time(); f(); return time.process_time() - t

def nested():
    try:
        mp._Matcher("{a," * 1500 + "b" + "}" * 1500)
    except mp.PatternError:
        pass

blob = list(bytes(8 * 1024 * 1024))
print(json.dumps([cpu(lambda: sum(1 for _ in iter_sized_vectors(sys.argv[2]))), cpu(lambda: sqlite_param(blob)),
                  cpu(nested), cpu(lambda: mp._Matcher("{1..1000000000}_a.sql"))]))
'''
NAMES = ("NDJSON, 100,000 lines", "sqlite_param, 8 MiB blob", "pattern, braces 1,500 deep",
         "pattern, 100,000 expansions")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", action="append", default=[], help="another revision (git archive)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        vectors = Path(folder) / "v.ndjson"
        tails = [json.dumps([1.0, float(k), float(k)]) + "}\n" for k in range(7)]
        vectors.write_text("".join(f'{{"id": "v{i:06d}", "values": {tails[i % 7]}' for i in range(100_000)))
        trees = revision_trees(Path(folder), args.against)

        def measure(tree: Path) -> list[float]:
            out = subprocess.run([sys.executable, "-c", PROBE, str(tree), str(vectors)], capture_output=True,
                                 text=True, check=True).stdout
            return [float(x) for x in json.loads(out)]

        medians = interleaved_medians(trees, args.rounds, measure)
    for name, figures in medians.items():
        print(f"{name:>14}: " + "; ".join(f"{label} {value:.3f} s" for label, value in zip(NAMES, figures)))


if __name__ == "__main__":
    main()
