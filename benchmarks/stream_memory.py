"""The memory a long stream holds while it is read as it is written: a Worker writes N MiB in
64 KiB chunks (each a new ``Uint8Array``) to a ``TransformStream`` / ``IdentityTransformStream``
while a reader takes them -- the Worker's own ``getReader().read()`` loop, ``async for``, a
``pipeTo`` on into another stream read there, ``Response(readable).text()`` (which holds the
stream's size once, as a string), each also of a ``Response``'s body over the stream, or
``worker.fetch``'s caller reading the response body it streams. The figure is the process's peak RSS above what it
held before the stream began (``ru_maxrss``), fresh process per case and tree: read chunks that
stay referenced grow it by the stream's size, released ones keep it at a few chunks.

    python benchmarks/stream_memory.py --mib 1024 --against main     # this checkout and main
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _revisions import revision_trees


PROBE = r'''
import asyncio, resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
kind, reader, mib = sys.argv[2], sys.argv[3], int(sys.argv[4])
from workers_env import load_worker
ENTRY = """
import asyncio
import js
from js import TransformStream, IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint
KIND, READER, COUNT = %r, %r, %d

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = (TransformStream if KIND == "TransformStream" else IdentityTransformStream).new()
        async def write():
            writer = stream.writable.getWriter()
            for i in range(1 if request.url.endswith("/warm") else COUNT):
                await writer.write(Uint8Array.new(65536))
            await writer.close()
        task = asyncio.ensure_future(write())
        if READER == "response":
            self.ctx.waitUntil(task)
            return Response(stream.readable)
        readable, total = stream.readable, 0
        if READER.startswith("body"):  # a body over the stream (a Response's: a Request's over a live one is refused)
            readable = js.Response.new(readable).body
        if READER.endswith("pipeTo"):  # piped on into another stream, read from there
            onward = TransformStream.new()
            piped = asyncio.ensure_future(readable.pipeTo(onward.writable))
            readable = onward.readable
        if READER.endswith("async for"):
            async for chunk in readable:
                total += chunk.byteLength if hasattr(chunk, "byteLength") else len(chunk)
        elif READER.endswith("text"):  # the whole body as one string: it holds the stream's size once
            total = len(await js.Response.new(readable).text())
        else:
            reader = readable.getReader()
            while True:
                chunk = await reader.read()
                if chunk.done:
                    break
                total += chunk.value.byteLength
        if READER.endswith("pipeTo"):
            await piped
        await task
        return Response(str(total))
"""
with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    (root / "src").mkdir()
    (root / "src" / "entry.py").write_text(ENTRY % (kind, reader, mib * 16))
    (root / "wrangler.toml").write_text('name = "m"\nmain = "src/entry.py"\ncompatibility_date = "2025-10-01"\n'
                                        'compatibility_flags = ["python_workers"]\n')
    worker = load_worker(root)
    async def main():
        warm = await worker.fetch("/warm")  # warm: imports, the loop (one chunk: the peak is the stream's to set)
        if reader == "response":
            await warm.text()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        response = await worker.fetch("/")
        if reader == "response":
            total = 0
            async for chunk in response.body:
                total += len(chunk)
        else:
            total = int(await response.text())
        assert total == mib * 2**20, total
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    print(asyncio.run(main()) // 1024)
'''

CASES = [("TransformStream", "worker"), ("IdentityTransformStream", "worker"),
         ("TransformStream", "response"), ("IdentityTransformStream", "response"),
         ("TransformStream", "worker async for"), ("TransformStream", "worker pipeTo"),
         ("TransformStream", "worker text"), ("TransformStream", "body async for"),
         ("TransformStream", "body getReader"), ("TransformStream", "body pipeTo"),
         ("TransformStream", "body text")]


def measure(root: Path, kind: str, reader: str, mib: int) -> str:
    out = subprocess.run([sys.executable, "-c", PROBE, str(root), kind, reader, str(mib)], capture_output=True,
                         text=True)
    return out.stdout.strip() if out.returncode == 0 else "failed: " + out.stderr.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", action="append", default=[], help="a revision to compare with (git rev)")
    parser.add_argument("--mib", type=int, default=1024, help="the stream's size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = revision_trees(Path(tmp), args.against)
        print(f"peak RSS growth (MiB) while {args.mib} MiB is written and read in 64 KiB chunks")
        print(f"{'stream, reader':40}" + "".join(f"{name:>16}" for name in trees))
        for kind, reader in CASES:
            cells = [measure(tree, kind, reader, args.mib) for tree in trees.values()]
            print(f"{kind + ', ' + reader:40}" + "".join(f"{c:>16}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
