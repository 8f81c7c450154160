"""Stream writes nobody awaits: N un-awaited ``writer.write(chunk)`` of 10 bytes to an
``IdentityTransformStream`` / ``TransformStream`` in a Worker, then a reader taking them all.

Each write waits until a read takes its chunk (as workerd's do). Two readers: one that reads
on at once (``await reader.read()`` in a loop) and one that lets the loop run between reads
(``await asyncio.sleep(0)``, as a reader doing any I/O does, e.g. ``workers-env dev`` sending
each chunk). The figure is the handler's time (writes issued, all read, all resolved) per
write; linear cost means the same per-write time at 1,000 and 10,000 writes.

    python benchmarks/run.py --only streams                   # this checkout, 1,000 and 10,000 writes
    python benchmarks/stream_writes.py --against 5aa68ec      # and another revision, side by side

With ``--against``, each case runs in a fresh process per revision, alternating, and one that
takes longer than ``--timeout`` seconds is reported as such (before the fix a yielding reader
of 10,000 un-awaited writes took hours).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

ENTRY = '''
import asyncio, json, time
from js import IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, kind, reader_kind, n = request.url.rsplit("/", 3)
        n = int(n)
        started = time.perf_counter()
        stream = TransformStream.new() if kind == "transform" else IdentityTransformStream.new()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        chunk = Uint8Array.new(10)
        writes = [writer.write(chunk) for _ in range(n)]
        got = 0
        for _ in range(n):
            got += (await reader.read()).value.length
            if reader_kind == "yielding":
                await asyncio.sleep(0)
        for write in writes:
            await write
        return Response(json.dumps([got, time.perf_counter() - started]))
'''

KINDS = ("identity", "transform")
READERS = ("reading on", "yielding")


def worker_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="workers-env-stream-bench-"))
    (folder / "src").mkdir()
    (folder / "src" / "entry.py").write_text(ENTRY)
    (folder / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                          'compatibility_flags = ["python_workers"]\n')
    # the external-SDK era (from 2026-04-21): pywrangler vendors workers-runtime-sdk from here
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n'
                                           'dependencies = []\n\n[dependency-groups]\n'
                                           'dev = ["workers-py", "workers-runtime-sdk"]\n')
    return folder


async def handler_seconds(worker: Any, kind: str, reader: str, n: int) -> float:
    """One request's handler time for ``n`` un-awaited writes then reading them all."""
    response = await worker.fetch(f"/{kind}/{'yielding' if reader == 'yielding' else 'on'}/{n}")
    got, seconds = json.loads(await response.text())
    assert got == 10 * n, got
    return float(seconds)


async def bench_stream_writes(report: Any, sizes: list[int], rounds: int) -> None:
    """The runner's ``streams`` section: per-write time at each size, and the largest size's
    per-write time over the smallest's (about 1 when the cost is linear)."""
    from workers_env import load_worker

    worker = load_worker(worker_folder())
    await handler_seconds(worker, "identity", "yielding", 100)  # warm: imports, first request
    print("\nstreams: N un-awaited writes of 10 B, then a reader taking them all (handler time, median of "
          f"{rounds})", flush=True)
    for kind in KINDS:
        for reader in READERS:
            per_write = {}
            for n in sizes:
                times = [await handler_seconds(worker, kind, reader, n) for _ in range(rounds)]
                per_write[n] = statistics.median(times) / n
                print(f"   {kind:9} {reader:10} {n:>7,} writes: {statistics.median(times) * 1e3:9.1f} ms "
                      f"({per_write[n] * 1e6:6.1f} us a write)", flush=True)
            small, large = min(sizes), max(sizes)
            ratio = per_write[large] / per_write[small]
            print(f"   {kind:9} {reader:10} per write at {large:,} / at {small:,}: {ratio:.2f}", flush=True)
            report.rows.append(("streams", f"{large:,} vs {small:,} writes", f"{kind}, reader {reader}",
                                f"{per_write[small] * 1e6:.1f} us/write", f"{per_write[large] * 1e6:.1f} us/write",
                                f"{ratio:.2f}"))


PROBE = r'''
import asyncio, sys
root, bench, kind, reader, n = sys.argv[1:]
sys.path[:0] = [root, bench]
from stream_writes import handler_seconds, worker_folder
from workers_env import load_worker
worker = load_worker(worker_folder())
async def main():
    await handler_seconds(worker, "identity", "yielding", 100)
    print(await handler_seconds(worker, kind, reader, int(n)))
asyncio.run(main())
'''


def measure(root: Path, kind: str, reader: str, n: int, timeout: float) -> float | None:
    """Seconds for one case in a fresh process on checkout ``root`` (``None``: past ``timeout``)."""
    try:
        out = subprocess.run([sys.executable, "-c", PROBE, str(root), str(Path(__file__).parent), kind, reader,
                              str(n)], capture_output=True, text=True, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return float(out.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", help="another revision (git rev) to measure side by side")
    parser.add_argument("--sizes", default="1000,10000", help="numbers of writes (default 1000,10000)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one case may take (default 120)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    if not args.against:
        import asyncio
        from types import SimpleNamespace

        asyncio.run(bench_stream_writes(SimpleNamespace(rows=[]), sizes, args.rounds))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.against],
                       check=True)
        try:
            for kind in KINDS:
                for reader in READERS:
                    for n in sizes:
                        theirs: list[float | None] = []
                        ours: list[float | None] = []
                        for _ in range(args.rounds):  # alternating: the host's noise falls on both
                            theirs.append(measure(other, kind, reader, n, args.timeout))
                            ours.append(measure(ROOT, kind, reader, n, args.timeout))
                            if theirs[-1] is None:
                                break  # one past the timeout is enough to say so
                        print(f"{kind:9} {reader:10} {n:>7,} writes  {args.against}: {_shown(theirs, args.timeout):>10}"
                              f"   this checkout: {_shown(ours, args.timeout):>10}   {_ratio(theirs, ours)}", flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)
    return 0


def _shown(times: list[float | None], timeout: float) -> str:
    if any(t is None for t in times):
        return f"> {timeout:.0f} s"
    return f"{statistics.median(t for t in times if t is not None) * 1e3:.1f} ms"


def _ratio(theirs: list[float | None], ours: list[float | None]) -> str:
    if any(t is None for t in theirs + ours):
        return ""
    return (f"{statistics.median(t for t in theirs if t is not None) / statistics.median(t for t in ours if t is not None):.2f}"
            " x this checkout's")


if __name__ == "__main__":
    sys.exit(main())
