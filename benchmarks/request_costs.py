"""Per-request costs of ``worker.fetch`` against another checkout, side by side: a trivial
answer, a handler awaiting ten times, one reading a file of its folder (``open`` and
``os.stat`` judged by the folder audit), and one streaming 100 chunks back (the chunk logs),
each checkout in fresh processes, interleaved round by round, timed in CPU time (the process's own:
less moved by other load than the clock on the wall); the figure is the median over the
rounds of each process's best batch, and the ratio this checkout / the other.

    python benchmarks/request_costs.py /path/to/other/checkout [rounds]     # ~2 min at 6 rounds
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r'''
import asyncio, json, pathlib, sys, tempfile, time
root = sys.argv[1]
sys.path[:0] = [root, root + "/tests"]
from worker_helpers import one_file_worker
from workers_env import load_worker
folder = pathlib.Path(tempfile.mkdtemp())
one_file_worker(folder, """
import asyncio, os
from js import TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit('/', 1)[1]
        if kind == "awaits":
            for _ in range(10):
                await asyncio.sleep(0)
        elif kind == "file":
            os.stat(__file__)
            with open(__file__) as f:
                f.read()
        elif kind == "stream":
            stream = TransformStream.new()
            async def write():
                writer = stream.writable.getWriter()
                for _ in range(100):
                    await writer.write(Uint8Array.new(8))
                await writer.close()
            self.ctx.waitUntil(asyncio.ensure_future(write()))
            return Response(stream.readable)
        return Response("x")
""")
worker = load_worker(folder)
async def main():
    out = {}
    for kind, n in (("plain", 300), ("awaits", 200), ("file", 200), ("stream", 40)):
        best = float("inf")
        for _ in range(5):
            t = time.process_time()
            for _ in range(n):
                await (await worker.fetch("/" + kind)).text()
            best = min(best, (time.process_time() - t) / n)
        out[kind] = best * 1e6
    print(json.dumps(out))
asyncio.run(main())
'''


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    got: dict[str, list[dict[str, float]]] = {"other": [], "this": []}
    for i in range(rounds):
        for side in (("other", "this") if i % 2 else ("this", "other")):
            tree = other if side == "other" else ROOT
            done = subprocess.run([sys.executable, "-c", PROBE, str(tree)], capture_output=True, text=True, check=False,
                                  env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
            if done.returncode:
                sys.exit(f"{tree}: {done.stderr}")
            got[side].append(json.loads(done.stdout.splitlines()[-1]))
    for kind in got["this"][0]:
        theirs = statistics.median(r[kind] for r in got["other"])
        ours = statistics.median(r[kind] for r in got["this"])
        ratios = sorted(round(t[kind] / o[kind], 2) for t, o in zip(got["this"], got["other"]))
        print(f"{kind:7} other {theirs:8.1f} us   this {ours:8.1f} us   ratio {ours / theirs:.2f}   per round {ratios}")


if __name__ == "__main__":
    main()
