"""Instructions per stream chunk, counted by callgrind, this checkout against another: what one
chunk costs on each way a Worker's stream is written and read (the deterministic twin of
``request_costs.py``'s "100 chunks streamed", whose CPU times move by 10% a round on a shared
machine).

    python benchmarks/stream_instructions.py OTHER_CHECKOUT [kind:N,...]   # needs valgrind; ~1 min a kind

Kinds (each a request of a loaded Worker, ``worker.fetch`` from the test's side):

- ``text``: the handler returns a ``TransformStream``'s readable and a ``waitUntil`` task writes
  N chunks of 8 bytes to it (``await writer.write(Uint8Array.new(8))``); the caller reads the
  body whole (``await response.text()``) -- ``request_costs.py``'s case;
- ``response``: the same body read as it comes (``async for chunk in response.body``), a
  server-sent-events client's way;
- ``js`` / ``internal``: a ``TransformStream`` / ``IdentityTransformStream`` written by a task of
  the handler and read by the handler chunk by chunk (``await reader.read()``);
- ``pull``: a ``new ReadableStream({pull})`` enqueuing one chunk a pull (``highWaterMark`` 2 and a
  ``size``), read so;
- ``iter``: a ``TransformStream`` read by the handler with ``async for chunk in readable``;
- ``pipe``: a ``ReadableStream`` of pulls piped (``pipeTo``) through a ``TransformStream``
  whose readable the caller reads whole.

The Worker's folders' times are set 10 s back, as a Worker's folder is once it was written a
while ago: a folder younger than 2 s is listed again at each full entry of its scope
(runtime/scope.py's "racy" rule), which a test's fresh ``tmp_path`` pays, a user's Worker not.
Each kind runs in a fresh process per tree: after three warm requests the process turns
callgrind's instrumentation on (``--instr-atstart=no``, ``callgrind_control -i on``) and one request
of N chunks is counted (``--toggle-collect=functools_reduce``, the collector off,
``PYTHONHASHSEED=0``); the same request of no chunk is subtracted, over N. Both checkouts import
their own ``workers_env`` and ``tests/worker_helpers.py``.
"""

from __future__ import annotations

from pathlib import Path

from binding_instructions import collected, side_by_side  # (this folder is the script's: sys.path[0])

KINDS = "text:200,response:200,js:200,internal:200,pull:200,iter:200,pipe:200"

ENTRY = r'''
import asyncio
from js import IdentityTransformStream, Object, ReadableStream, TransformStream, Uint8Array
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint


def pulled(n, strategy=True):
    count = [0]

    def pull(c):
        if count[0] == n:
            c.close()
            return
        count[0] += 1
        c.enqueue(Uint8Array.new(8))

    source = to_js({"pull": create_proxy(pull)}, dict_converter=Object.fromEntries)
    if not strategy:
        return ReadableStream.new(source)
    return ReadableStream.new(source, to_js({"highWaterMark": 2, "size": create_proxy(lambda c: 1)},
                                            dict_converter=Object.fromEntries))


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, n = request.url.rsplit("/", 2)[1:]
        n = int(n)
        if kind in ("text", "response"):
            stream = TransformStream.new()

            async def write_all():
                writer = stream.writable.getWriter()
                for _ in range(n):
                    await writer.write(Uint8Array.new(8))
                await writer.close()

            self.ctx.waitUntil(asyncio.ensure_future(write_all()))
            return Response(stream.readable)
        if kind == "pipe":
            stream = TransformStream.new()
            self.ctx.waitUntil(pulled(n, strategy=False).pipeTo(stream.writable))
            return Response(stream.readable)
        task = None
        if kind == "pull":
            readable = pulled(n)
        else:
            stream = (IdentityTransformStream if kind == "internal" else TransformStream).new()
            readable = stream.readable

            async def write():
                writer = stream.writable.getWriter()
                for _ in range(n):
                    await writer.write(Uint8Array.new(8))
                await writer.close()

            task = asyncio.ensure_future(write())
        got = 0
        if kind == "iter":
            async for chunk in readable:
                got += 1
        else:
            reader = readable.getReader()
            while not (await reader.read()).done:
                got += 1
        if task is not None:
            await task
        return Response(str(got))
'''

PROBE = r'''
import asyncio, functools, gc, os, pathlib, subprocess, sys, tempfile, time
root, kind, n, entry = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path[:0] = [root, root + "/tests"]
from worker_helpers import one_file_worker
from workers_env import load_worker
folder = pathlib.Path(tempfile.mkdtemp())
one_file_worker(folder, entry)
for where, _, _ in os.walk(folder):  # written 10 s ago: not a folder too young to trust its mtime,
    os.utime(where, (time.time() - 10,) * 2)  # which each step's full entry would list again (scope.py's racy rule)
worker = load_worker(folder)
loop = asyncio.new_event_loop()
async def request(count):
    response = await worker.fetch(f"http://x/{kind}/{count}")
    if kind == "response":
        got = 0
        async for chunk in response.body:
            got += len(chunk)
        assert got == 8 * count, got
        return
    text = await response.text()
    assert len(text) == 8 * count if kind in ("text", "pipe") else text == str(count), text
for _ in range(3):
    loop.run_until_complete(request(5))
if os.environ.get("STREAM_PROBE_COUNT") != "0":
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True, check=True)
    time.sleep(0.5)
gc.collect()
gc.disable()
t = time.process_time()
functools.reduce(lambda a, b: loop.run_until_complete(request(n)), [0, 0])
print(time.process_time() - t)
'''


def count(tree: Path, kind: str, n: int) -> int:
    """Instructions of one request of ``kind`` carrying ``n`` chunks with ``tree``'s workers_env."""
    return collected(PROBE, tree, kind, str(n), ENTRY)


def main() -> None:
    side_by_side(count, KINDS, 9)


if __name__ == "__main__":
    main()
