"""A stream read chunk by chunk does not look at the Worker's folder for each chunk.

Each write or read that waits (a ``TransformStream``'s write until a read takes its chunk, a read
until a chunk comes) runs on as a task from the step of Worker code that made the call
(runtime/webloop.py ``unawaited``). That task's first step only hands asyncio what the call waits
on -- none of the call's code runs -- yet it made a full entry of the Worker's module scope, which
looks at the Worker's folder (a ``stat``, and a listing while the folder is younger than 2 s, as a
test's ``tmp_path`` is: runtime/scope.py's "racy" rule). So every chunk cost a listing of the folder
here, and a ``stat`` of it anywhere (stream68: with the other per-chunk costs, ~0.55-1.0 M
instructions a chunk read one by one). Now that step enters no scope and the call's next step
resumes it (runtime/tasks.py ``continues_a_call``): the listings a request makes do not grow with
its chunks. Every chunk still arrives, in order.

Run as a script of its own (the Worker's folder made, loaded and read in one process), as
``workers-env dev`` or a user's script runs a Worker. Before: 64 listings for 60 chunks read in the
Worker (either stream), 35 for a response read as it comes; now 2-3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import worker_helpers

import workers_env

ENTRY = """
import asyncio
from js import IdentityTransformStream, TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, n = request.url.rsplit("/", 2)[1:]
        n = int(n)
        stream = (IdentityTransformStream if kind == "internal" else TransformStream).new()

        async def write():
            writer = stream.writable.getWriter()
            for i in range(n):
                chunk = Uint8Array.new(1)
                chunk[0] = i % 251
                await writer.write(chunk)
            await writer.close()

        if kind == "response":  # read by worker.fetch's caller as it comes
            self.ctx.waitUntil(asyncio.ensure_future(write()))
            return Response(stream.readable)
        task = asyncio.ensure_future(write())
        reader, got = stream.readable.getReader(), []
        while not (chunk := await reader.read()).done:
            got.append(chunk.value[0])
        await task
        return Response.json(got)
"""

#: the Worker's folder made, loaded and read in one process: each listing of its ``src`` counted
SCRIPT = """
import asyncio, json, os, pathlib, sys
from worker_helpers import one_file_worker
from workers_env import load_worker

folder, kind, chunks = pathlib.Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
worker = load_worker(one_file_worker(folder, sys.argv[4]))
src = os.path.realpath(folder / "src")
listings = []
scandir = os.scandir


def counted(path=".", *args, **kwargs):
    if os.path.realpath(os.fsdecode(path)) == src:
        listings.append(1)
    return scandir(path, *args, **kwargs)


async def request():
    response = await worker.fetch(f"/{kind}/{chunks}")
    if kind == "response":
        return [byte async for chunk in response.body for byte in bytes(chunk)]
    return await response.json()


async def requests():
    await request()  # the first request of the process: the second is counted
    os.scandir = counted  # (the folder is young: each full entry of the scope lists it)
    return await request()


got = asyncio.run(requests())
print(json.dumps({"got": got, "listings": len(listings)}))
"""

#: chunks a request carries: before, the young folder was listed about once a chunk read in the Worker
#: (64 listings for 60 chunks), about once every second chunk for a response read as it comes (35)
CHUNKS = 60


@pytest.mark.parametrize("kind", ["js", "internal", "response"])
def test_a_stream_read_chunk_by_chunk_lists_the_workers_folder_a_few_times_not_per_chunk(tmp_path: Path, kind: str) -> None:
    path = os.pathsep.join(str(Path(module.__file__).resolve().parent.parent if module is workers_env
                               else Path(module.__file__).resolve().parent) for module in (workers_env, worker_helpers))
    script = tmp_path / "run" / "script.py"  # run as a script file: its folder first on sys.path, not the cwd
    script.parent.mkdir()
    script.write_text(SCRIPT)
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "worker"), kind, str(CHUNKS), ENTRY],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": path})
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.splitlines()[-1])
    assert out["got"] == [i % 251 for i in range(CHUNKS)]  # every chunk, in order
    assert out["listings"] <= 10, out["listings"]  # before: 64 (js, internal), 35 (response)
