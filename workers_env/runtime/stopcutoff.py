"""What a signal stopping ``workers-env dev`` does to the Worker's code on the server's loop.

wrangler dev 4.164.0 exits at once on Ctrl+C or SIGTERM whatever the isolate is doing (130/143,
nothing printed: tools/wrangler/dev_stop_signal_probe.py). Here the server's own steps run on
the loop the Worker's code may hold, so the signal handler cuts that code off -- a wait in
``run_sync`` (``time.sleep``), microtasks queueing each other, a loop of its own -- and the loop
gets back to the server, which stops; the Worker's request, cancelled so, says nothing. One
function, the server's handler's (runtime/server.py), so a test can land a signal anywhere
with what the handler does.
"""

from __future__ import annotations

from types import FrameType

from workers_env.runtime.jspromise import cut_off_microtasks
from workers_env.runtime.runsync import cut_off_drivers, cut_off_here
from workers_env.runtime.threadpool import worker_code_blocks

__all__ = ["cut_off_worker_code"]


def cut_off_worker_code(frame: FrameType | None) -> None:
    """Cut off the Worker's code for a stop signal whose handler was called in ``frame``: each
    ``run_sync`` driving the loop ends once its step does, and one begun later at once
    (runtime/runsync.py); the loop's microtasks never run again (runtime/jspromise.py); and
    ``CancelledError`` is raised here if the signal landed in a drain of them or in Worker code
    holding the loop's thread (a busy loop, Pyodide 0.26's blocking ``time.sleep``) -- also in a
    step a ``run_sync`` drives (a ``waitUntil`` task's busy loop while the handler waits in
    ``time.sleep``), which would never end that step (audit32: dev deaf for ever)."""
    cut_off_drivers(frame)
    if cut_off_microtasks(frame) or worker_code_blocks(frame):
        cut_off_here()
