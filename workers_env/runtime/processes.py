"""No processes for the Worker's own code: Pyodide cannot start one.

Cloudflare's standard-library page says ``multiprocessing`` imports but does not work, and
Pyodide's ``subprocess`` refuses every ``Popen`` (``OSError: [Errno 138] emscripten does not
support processes.``, its ``_can_fork_exec`` check) and its ``os.fork`` is Emscripten's
``OSError: [Errno 52] Function not implemented`` (what ``multiprocessing.Process.start`` meets
before the 3.14 era); ``os.execv`` & co are ``OSError: [Errno 45] Exec format error``,
``os.posix_spawn`` is missing (``AttributeError``), a ``spawn`` or ``forkserver``
``multiprocessing`` process is ``ModuleNotFoundError: No module named '_multiprocessing'``
(measured in Pyodide 0.26.0a4, 0.28.2 and 314.0.6), and ``os.system`` runs nothing and returns
-1 (Emscripten's ``_emscripten_system`` off Node: ``-ENOSYS``; measured in Pyodide 0.28.2 with
its Node branch taken out). Under CPython each would start a real process -- a fork of the test
run or the dev server. The runtime's audit hook (:mod:`workers_env.runtime.filesystem`) hands
the events that start one here, which refuses them with those errors (the host's error numbers,
as Python gives them) when the Worker's own code asks, by the rule threads follow
(:func:`workers_env.runtime.threadpool.worker_frame_calls`): a library's processes and the
tests' are kept. ``os.system`` and a non-``fork`` ``Process.start`` raise no audit event that
could stand for production's answer, so :func:`install` wraps them.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from workers_env.runtime.current import current_runtime
from workers_env.runtime.threadpool import worker_frame_calls

__all__ = ["PROCESS_EVENTS", "install", "refuse_process"]


def _no_processes() -> BaseException:
    return OSError(errno.ENOTSUP, "emscripten does not support processes.")


def _no_fork() -> BaseException:
    return OSError(errno.ENOSYS, "Function not implemented")


def _no_exec() -> BaseException:
    return OSError(errno.ENOEXEC, "Exec format error")


def _no_posix_spawn() -> BaseException:
    return AttributeError("module 'os' has no attribute 'posix_spawn'")


def _no_multiprocessing() -> BaseException:
    return ModuleNotFoundError("No module named '_multiprocessing'", name="_multiprocessing")


#: audit event -> the error Pyodide gives for it
PROCESS_EVENTS: dict[str, Callable[[], BaseException]] = {
    "subprocess.Popen": _no_processes, "os.fork": _no_fork, "os.forkpty": _no_fork, "os.exec": _no_exec,
    "os.posix_spawn": _no_posix_spawn,
}
_INSTALLED = False


def _by_worker(frame: FrameType | None) -> bool:
    return current_runtime() is not None and worker_frame_calls(frame)


def refuse_process(event: str, frame: FrameType | None) -> None:
    """Raise Pyodide's error for ``event`` when ``frame`` (the caller of the audited
    function) is the running Worker's own code; nothing otherwise."""
    if _by_worker(frame):
        raise PROCESS_EVENTS[event]()


def install() -> None:
    """Wrap ``os.system`` (-1 for the Worker's code, as Emscripten) and ``multiprocessing``'s
    ``Process.start`` (its ``spawn`` and ``forkserver`` methods: Pyodide has no
    ``_multiprocessing``; ``fork`` meets ``os.fork``'s refusal), once."""
    global _INSTALLED
    if _INSTALLED:
        return
    _INSTALLED = True
    original_system = os.system

    def system(command: Any) -> int:
        if _by_worker(sys._getframe(1)):
            os.fspath(command)  # its own TypeError for a command that is not a path-like string
            return -1
        return original_system(command)

    system.__doc__, system.__wrapped__ = original_system.__doc__, original_system  # type: ignore[attr-defined]
    os.system = system

    from multiprocessing import context, process

    original_start = process.BaseProcess.start

    def start(self: Any) -> None:
        if _by_worker(sys._getframe(1)):
            method = getattr(self, "_start_method", None) or context._default_context.get_context().Process._start_method
            raise _no_fork() if method == "fork" else _no_multiprocessing()  # (this frame is not the Worker's)
        original_start(self)

    start.__doc__, start.__wrapped__ = original_start.__doc__, original_start  # type: ignore[attr-defined]
    process.BaseProcess.start = start  # type: ignore[method-assign]
