"""A writer's ``ready`` while back-pressure holds is the promise workerd hands out, write after
write: an internal stream's (``IdentityTransformStream``, ``FixedLengthStream``) is a new pending
promise at each write or completed write that leaves the bytes waiting at or above the
highWaterMark, and the one it replaces never settles (internal.c++ ``updateBackpressure`` drops
its resolver); a JavaScript ``TransformStream``'s is replaced when back-pressure begins, before
the stream's start has settled too. Python code sees it through ``==`` (Pyodide's ``===`` of two
JsProxies) and the order in which ``.then`` reactions run. The answers below are a JavaScript
twin's under wrangler dev 4.164.0 (``tools/wrangler/writable_ready_probe.py``: 8 of 8 the same);
before, workers-env kept one pending ``ready`` across writes and resolved every one it had handed
out once a read made room (``r1``, ``r2``, ``r3`` in the logs), and a ``TransformStream``'s first
write before its start settled kept the ``ready`` of ``getWriter()``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from worker_helpers import one_file_worker, slow_clock, twin_answers

from workers_env import JsException, load_worker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "wrangler"))
from writable_ready_probe import NAMES, PY_WORKER  # noqa: E402

#: workerd's answers: whether each ready is the one before (the last: ``w.ready`` read again),
#: then the reactions run (rN: the Nth ready, wN: the Nth write) after the writes and each read
WORKERD = {
    "its4": [[False, False, False, True], ["r0"], ["r0", "w0"], ["r0", "w0", "w1"], ["r0", "w0", "w1", "w2"]],
    "its4rise": [[True, False, False, True], ["r0", "r1"], ["r0", "r1", "w0"], ["r0", "r1", "w0", "w1"],
                 ["r0", "r1", "w0", "w1", "w2"]],
    "its0": [[False, False, True], ["r0"], ["r0", "w0"], ["r0", "w0", "w1"]],
    # (audit27) a write that brings the bytes waiting to the highWaterMark exactly replaces ready
    # (r2), as does a completed write that leaves them there (its4take's first read: r2 never settles)
    "its4at": [[True, False, False, True], ["r0", "r1"], ["r0", "r1", "w0", "r3"], ["r0", "r1", "w0", "r3", "w1"],
               ["r0", "r1", "w0", "r3", "w1", "w2"]],
    "its4take": [[True, False, True], ["r0", "r1"], ["r0", "r1", "w0"], ["r0", "r1", "w0", "w1"]],
    "fls4": [[False, False, False, True], ["r0"], ["r0", "w0"], ["r0", "w0", "w1"], ["r0", "w0", "w1", "w2"]],
    "ts1": [[False, True, True, True], ["r0", "r1", "r2", "r3"], ["r0", "r1", "r2", "r3", "w0"],
            ["r0", "r1", "r2", "r3", "w0", "w1"], ["r0", "r1", "r2", "r3", "w0", "w1", "w2"]],
    "ts2": [[True, False, True, True], ["r0", "r1", "r2", "r3"], ["r0", "r1", "r2", "r3", "w0"],
            ["r0", "r1", "r2", "r3", "w0", "w1"], ["r0", "r1", "r2", "r3", "w0", "w1", "w2"]],
}


@pytest.mark.asyncio
async def test_each_ready_and_its_reactions_are_workerds(tmp_path):
    assert await twin_answers(tmp_path, PY_WORKER, NAMES) == WORKERD


@pytest.mark.asyncio
async def test_the_reactions_are_workerds_however_slow_the_machine(tmp_path):
    """The twin reads its log 20 ms after each read (``asyncio.sleep(0.02)``); workerd runs every
    reaction the read set going before any timer (the JavaScript twin answers the same with a
    0 ms timer and with no timer at all), and so does workers-env now, whatever the machine: with
    the loop's clock 50 ms on at each read, every case here lagged a reaction behind (8 of 8; session 51's
    flake under load was one of these)."""
    slow_clock(asyncio.get_running_loop(), 0.05)
    assert await twin_answers(tmp_path, PY_WORKER, NAMES) == WORKERD


AWAITS_A_REPLACED_READY = """
from js import IdentityTransformStream, Object, Uint8Array
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        t = IdentityTransformStream.new(to_js({"highWaterMark": 4}, dict_converter=Object.fromEntries))
        w = t.writable.getWriter()
        w.write(Uint8Array.new(5))
        first = w.ready
        w.write(Uint8Array.new(5))
        reader = t.readable.getReader()
        await reader.read()
        await reader.read()
        await w.ready
        await first
        return Response("the replaced ready settled")
"""


@pytest.mark.asyncio
async def test_awaiting_a_replaced_ready_is_the_hung_request_error(tmp_path):
    """wrangler dev 4.164.0, the JavaScript twin: a 500 with ``Error: The Workers runtime canceled
    this request because it detected that your Worker's code had hung ...`` -- the current
    ``ready`` resolved once both reads made room, the replaced one never."""
    worker = load_worker(one_file_worker(tmp_path, AWAITS_A_REPLACED_READY))
    with pytest.raises(JsException, match="detected that your Worker's code had hung"):
        await worker.fetch("/")
