"""What a JsProxy lookup costs when it misses (``js_obj.nope`` caught, ``hasattr(js_obj, "nope")``,
``getattr(js_obj, "nope", None)``, an ``as_object_map()``'s missing key, a ``Map``'s -- what
``to_js(dict)`` makes -- missing key) and, for scale, when it hits, for this checkout and other revisions side by side: fresh processes, the trees' order
rotating every round, each figure the thread's CPU time per call (the host's other load
counts less than in wall-clock time), the median of the rounds.

    python benchmarks/jsproxy_miss.py --against 293aec55 --against main     # ~1 min
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _revisions import interleaved_medians, revision_trees


PROBE = r'''
import sys, time
sys.path.insert(0, sys.argv[1])
from workers_env.runtime.jsproxy import JsMap, JsObject
obj = JsObject({"a": 1, "b": "x"})
table = obj.as_object_map()
jsmap = JsMap({"a": 1, "b": "x"})
def miss():
    try:
        obj.nope
    except AttributeError:
        pass
def key_miss():
    try:
        table["nope"]
    except KeyError:
        pass
def map_miss():
    try:
        jsmap["nope"]
    except KeyError:
        pass
def map_hit():
    try:
        jsmap["a"]
    except KeyError:
        pass
cases = (miss, lambda: hasattr(obj, "nope"), lambda: getattr(obj, "nope", None), key_miss, lambda: obj.a,
         map_miss, map_hit)
figures = []
for case in cases:
    for _ in range(2000):
        case()
    best = float("inf")
    for _ in range(5):
        t = time.thread_time_ns()
        for _ in range(10000):
            case()
        best = min(best, (time.thread_time_ns() - t) / 10000)
    figures.append(best)
print(*figures)
'''

CASES = ("obj.nope, caught", 'hasattr(obj, "nope")', 'getattr(obj, "nope", None)',
         'obj.as_object_map()["nope"], caught', "obj.a (a hit)", 'a Map\'s m["nope"], caught',
         'a Map\'s m["a"] (a hit), in the same try')


def measure(root: Path) -> list[float]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, check=True)
    return [float(t) for t in out.stdout.split()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", action="append", required=True, help="a revision to compare with (git rev)")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        medians = interleaved_medians(revision_trees(Path(tmp), args.against), args.rounds, measure)
    print("ns per call, thread CPU time, median of", args.rounds, "rounds")
    print(f"{'case':40}" + "".join(f"{name:>16}" for name in medians))
    for i, case in enumerate(CASES):
        print(f"{case:40}" + "".join(f"{figures[i]:>16,.0f}" for figures in medians.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
