"""With thousands of stream waits on the loop the hang check (runtime/stalls.py) backs off for
its own cost, but at most a second, and the writes a finished request left pending (no one's
any more, as workerd drops a request's promises with its IoContext) leave the check: a request
hung behind 10,000 un-awaited writes nobody reads fails within about a second, and so does the
next one. The back-off had no bound (20 times the check's cost, which grows with the waits: a
few seconds at 10,000), and a finished request's waits stayed in every later check, so the
second request waited longer still."""

from __future__ import annotations

import time

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import time
from js import IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = IdentityTransformStream.new().writable.getWriter()
        chunk = Uint8Array.new(1)
        pending = [writer.write(chunk) for _ in range(10_000)]  # not awaited, never read
        print("awaiting", time.monotonic(), flush=True)
        await writer.write(chunk)
        return Response("never")
"""


@pytest.mark.asyncio
async def test_a_write_hung_behind_ten_thousand_waits_fails_within_seconds_each_time(tmp_path, capsys):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    for _ in range(2):
        with pytest.raises(JsException, match="had hung"):
            await worker.fetch("/")
        failed = time.monotonic()
        awaiting = float(capsys.readouterr().out.split()[-1])
        assert failed - awaiting < 5  # about 1-1.5 s (a bound, not a speed target: generous for a
        # loaded machine); before, 3-7 s, then 6-15 s for the second request
