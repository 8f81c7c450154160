"""No processes for the Worker's own code: Pyodide cannot start one.

Cloudflare's standard-library page says ``multiprocessing`` imports but does not work, and
Pyodide's ``subprocess`` refuses every ``Popen`` (``OSError: [Errno 138] emscripten does not
support processes.``, its ``_can_fork_exec`` check) and its ``os.fork`` is Emscripten's
``OSError: [Errno 52] Function not implemented`` (what ``multiprocessing.Process.start`` meets
before the 3.14 era); measured in Pyodide 0.26.0a4, 0.28.2 and 314.0.6. Under CPython both
would start a real process -- a fork of the test run or the dev server. The runtime's audit
hook (:mod:`workers_env.runtime.filesystem`) hands the ``subprocess.Popen``, ``os.fork`` and
``os.forkpty`` events here, which refuses them with those errors (the host's error numbers,
as Python gives them) when the Worker's own code asks, by the rule threads follow
(:func:`workers_env.runtime.threadpool.worker_frame_calls`): a library's processes and the
tests' are kept.
"""

from __future__ import annotations

import errno
from types import FrameType

from workers_env.runtime.current import current_runtime
from workers_env.runtime.threadpool import worker_frame_calls

__all__ = ["PROCESS_EVENTS", "refuse_process"]

_NO_PROCESSES = (errno.ENOTSUP, "emscripten does not support processes.")
_NO_FORK = (errno.ENOSYS, "Function not implemented")
#: audit event -> the error Pyodide gives for it
PROCESS_EVENTS = {"subprocess.Popen": _NO_PROCESSES, "os.fork": _NO_FORK, "os.forkpty": _NO_FORK}


def refuse_process(event: str, frame: FrameType | None) -> None:
    """Raise Pyodide's ``OSError`` for ``event`` when ``frame`` (the caller of the audited
    function) is the running Worker's own code; nothing otherwise."""
    if current_runtime() is not None and worker_frame_calls(frame):
        raise OSError(*PROCESS_EVENTS[event])
