"""What the audit hook guarding the Worker's folder (runtime/filesystem.py) costs the Worker's
file calls that are allowed: 200 ``open(..., "w")`` writes and 200 ``os.open(O_CREAT|O_WRONLY)``
outside the folder (under ``$TMPDIR``: ``/dev/shm`` keeps the disk out of it), 200 reads of a file
there and 200 reads of an uploaded file of the folder, in microseconds per call, the median of
15 requests, for this checkout and another revision, each in fresh processes, alternating.

    TMPDIR=/dev/shm python benchmarks/folder_audit.py --against 4a5e9d4 --rounds 3     # ~20 s
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r'''
import asyncio, pathlib, statistics, sys, tempfile, textwrap
sys.path[:0] = [sys.argv[1]]
from workers_env import load_worker
ENTRY = textwrap.dedent("""
    import os, tempfile, time
    from pathlib import Path
    from workers import Response, WorkerEntrypoint
    HERE = Path(__file__).parent
    OUT = Path(tempfile.mkdtemp())
    (OUT / "r.txt").write_text("x")

    def run(kind):
        t = time.perf_counter()
        for i in range(200):
            if kind == "write":
                with open(OUT / f"{i}.txt", "w") as f:
                    f.write("x")
            elif kind == "os.open":
                os.close(os.open(OUT / f"o{i}.txt", os.O_CREAT | os.O_WRONLY, 0o644))
            elif kind == "read-elsewhere":
                with open(OUT / "r.txt") as f:
                    f.read()
            else:
                with open(HERE / "page.html") as f:
                    f.read()
        return (time.perf_counter() - t) / 200 * 1e6

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(str(run(request.url.rsplit("/", 1)[1])))
""")

async def main():
    d = pathlib.Path(tempfile.mkdtemp())
    (d / "src").mkdir()
    (d / "src" / "entry.py").write_text(ENTRY)
    (d / "src" / "page.html").write_text("<p>x</p>")
    (d / "wrangler.toml").write_text('name = "b"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                    'compatibility_flags = ["python_workers"]\n')
    (d / "pyproject.toml").write_text('[project]\nname = "b"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n'
                                      'dependencies = []\n\n[dependency-groups]\ndev = ["workers-py", "workers-runtime-sdk"]\n')
    w = load_worker(d)
    out = []
    for kind in ("write", "os.open", "read-elsewhere", "read-folder"):
        runs = [float(await (await w.fetch("/" + kind)).text()) for _ in range(15)]
        out.append(statistics.median(runs))
    print(" ".join(f"{v:.2f}" for v in out))

asyncio.run(main())
'''
KINDS = ("write", "os.open", "read-elsewhere", "read-folder")


def measure(tree: Path) -> list[float]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(tree)], capture_output=True, text=True, check=True)
    return [float(v) for v in done.stdout.split()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="the other revision (default HEAD)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    other = Path(tempfile.mkdtemp())
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(other)], input=archive, check=True)
    results: dict[str, list[list[float]]] = {args.against: [], "this checkout": []}
    for _ in range(args.rounds):
        results[args.against].append(measure(other))
        results["this checkout"].append(measure(ROOT))
    print(f"{'us per call (median of 15 x 200; rounds)':42}" + "".join(f"{k:>26}" for k in KINDS))
    for name, rounds in results.items():
        cells = ["-".join(f"{r[i]:.1f}" for r in sorted(rounds, key=lambda r: r[i])[::max(1, len(rounds) - 1)])
                 for i in range(len(KINDS))]
        print(f"{name:42}" + "".join(f"{c:>26}" for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
