"""What a signal stopping ``workers-env dev`` does to the Worker's code on the server's loop.

wrangler dev 4.164.0 exits at once on Ctrl+C or SIGTERM whatever the isolate is doing (130/143,
nothing printed: tools/wrangler/dev_stop_signal_probe.py). Here the server's own steps run on
the loop the Worker's code may hold, so the signal handler cuts that code off -- a wait in
``run_sync`` (``time.sleep``), microtasks queueing each other, a loop of its own -- and the loop
gets back to the server, which stops; the Worker's request, cancelled so, says nothing. One
function, the server's handler's (runtime/server.py), so a test can land a signal anywhere
with what the handler does. Worker code that catches the cut-off and holds the loop's thread
again (``except BaseException`` around a blocking wait) would keep dev running for ever, deaf to
every further signal: :func:`end_if_held` ends the process then, as wrangler dev's (review86).
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Callable
from types import FrameType

from workers_env import _errors
from workers_env.runtime.jspromise import cut_off_microtasks
from workers_env.runtime.runsync import cut_off_drivers, cut_off_here
from workers_env.runtime.threadpool import worker_code_blocks
from workers_env.runtime.unhandled import silence

__all__ = ["HELD_AFTER_STOP_S", "cut_off_worker_code", "end_if_held"]

#: how long the loop may stay held after a stop signal before the process ends (wrangler dev's
#: stop takes 0.06-0.12 s; workers-env's own steps never hold the loop that long)
HELD_AFTER_STOP_S = 2.0


def cut_off_worker_code(frame: FrameType | None, own: asyncio.AbstractEventLoop | None = None) -> None:
    """Cut off the Worker's code for a stop signal whose handler was called in ``frame`` (``own``:
    the stopped server's loop, once it runs; else the running loop is taken for it): each
    ``run_sync`` driving the loop ends once its step does, and one begun later at once
    (runtime/runsync.py); the loop's microtasks never run again (runtime/jspromise.py); and
    ``CancelledError`` is raised here if the signal landed in a drain of them or in Worker code
    holding the loop's thread (a busy loop, Pyodide 0.26's blocking ``time.sleep``) -- also in a
    step a ``run_sync`` drives (a ``waitUntil`` task's busy loop while the handler waits in
    ``time.sleep``), which would never end that step (audit32: dev deaf for ever). From the signal
    on, the loop reports none of the Worker's futures (runtime/unhandled.py): a promise chain cut
    off so left its tasks waiting for good, and a garbage collection before the server's end
    printed asyncio's ``Task was destroyed but it is pending!`` for each (pending56), where wrangler
    dev prints nothing. Silenced so: the server's own loop, and the loop the signal landed in when
    that is another -- one the Worker's code runs inside a step of the server's (a new loop's
    ``run_until_complete``), the handler being the server's only while it runs; the server's
    loop went unsilenced until its end then (leftovers58). No other loop: another server of the
    process runs its own, in its own thread."""
    for loop in {own, asyncio._get_running_loop()}:
        if loop is not None:
            silence(loop)
    cut_off_drivers(frame)
    if cut_off_microtasks(frame) or worker_code_blocks(frame):
        cut_off_here()


def end_if_held(status: int, finished: threading.Event, *, after: float = HELD_AFTER_STOP_S,
                end: Callable[[int], object] = os._exit) -> threading.Thread:
    """Watch, from a thread of its own, that the server stops after a stop signal (``finished``
    set): while it has not, each ``after`` seconds, the calling thread's stack holding the
    Worker's own code means the Worker caught the cut-off (``except BaseException``, a bare
    ``except``) and waited or spun again -- a wait in ``run_sync`` drives the loop, so the loop
    alone would say nothing -- and the process ends with ``status`` (``128 +`` the signal),
    nothing printed, as wrangler dev's ends its isolate whatever it does. Before, dev went on for
    ever, each further Ctrl+C or SIGTERM cut off and caught again. workers-env's own steps, however
    slow, are waited for."""
    held = threading.get_ident()

    def watch() -> None:
        while not finished.wait(after):
            if _runs_worker_code(held):
                for stream in (sys.stdout, sys.stderr):
                    try:
                        if stream is not None:
                            stream.flush()
                    except (OSError, ValueError):
                        pass
                end(status)
                return

    thread = threading.Thread(target=watch, name="workers-env stop watch", daemon=True)
    thread.start()
    return thread


def _runs_worker_code(thread: int) -> bool:
    """Whether the thread ``thread`` is in the Worker's own code (a frame of its files, or of what
    it ``exec``s from them), wherever on its stack."""
    frame = sys._current_frames().get(thread)
    while frame is not None:
        name = frame.f_code.co_filename
        if name[:1] == "<":
            name = frame.f_globals.get("__file__") or name
        if _errors.worker_file(name):
            return True
        frame = frame.f_back
    return False
