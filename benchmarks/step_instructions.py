"""Instructions per step of a Worker's code after an ``await``, counted by callgrind, this checkout
against another: what a resumed step's scope entry and exit cost, with the process's own modules
and with more of them (stream69).

    python benchmarks/step_instructions.py OTHER_CHECKOUT [kind:N,...]   # needs valgrind; ~1 min a kind

Kinds: ``plain`` (a request whose handler awaits ``asyncio.sleep(0)`` N times, in a process that
imported only what loading the Worker imports: ~500 modules) and ``padded`` (the same after 2,500
more modules were put in ``sys.modules``, about what the test suite's process holds): a step's
exit took the scope's names out of ``sys.modules`` with ``pop``, whose deleted slots at the dict's
end each ``next(reversed(sys.modules))`` walked until a resize -- more of them the larger the dict.
The Worker's folder is dated 10 s back and each kind runs in a fresh process per tree, counted as
``stream_instructions.py`` counts (the request of N steps less the request of none, over N).
"""

from __future__ import annotations

from pathlib import Path

from binding_instructions import collected, side_by_side  # (this folder is the script's: sys.path[0])

KINDS = "plain:2000,padded:2000"

ENTRY = r'''
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for _ in range(int(request.url.rsplit("/", 1)[1])):
            await asyncio.sleep(0)
        return Response("ok")
'''

PROBE = r'''
import asyncio, functools, gc, os, pathlib, subprocess, sys, tempfile, time, types
root, kind, n, entry = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path[:0] = [root, root + "/tests"]
from worker_helpers import one_file_worker
from workers_env import load_worker
if kind == "padded":
    for i in range(2500):
        sys.modules[f"padding_{i}"] = types.ModuleType(f"padding_{i}")
folder = pathlib.Path(tempfile.mkdtemp())
one_file_worker(folder, entry)
for where, _, _ in os.walk(folder):  # not a folder too young to trust its mtime (scope.py's racy rule)
    os.utime(where, (time.time() - 10,) * 2)
worker = load_worker(folder)
loop = asyncio.new_event_loop()
for _ in range(3):
    loop.run_until_complete(worker.fetch("http://x/50"))
subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True, check=True)
time.sleep(0.5)
gc.collect()
gc.disable()
functools.reduce(lambda a, b: loop.run_until_complete(worker.fetch(f"http://x/{n}")), [0, 0])
'''


def count(tree: Path, kind: str, n: int) -> int:
    """Instructions of one request of ``n`` resumed steps with ``tree``'s workers_env."""
    return collected(PROBE, tree, kind, str(n), ENTRY)


def main() -> None:
    side_by_side(count, KINDS, 7)


if __name__ == "__main__":
    main()
