"""What ``workers-env dev`` prints of the Worker's stderr and of workers-env's log, as ``wrangler dev`` does.

wrangler dev 4.164.0 prints workerd's ``error`` lines -- ``console.error``, and a Python Worker's
stderr, which Pyodide hands to ``console.error`` line by line -- as ``✘ [ERROR] <line>`` laid
out by its logger, on stderr; workerd's own warnings (``Ignoring attempt to Cache.put() a 304
...``) as plain lines on stdout; and an uncaught exception not as Miniflare's ``[wrangler:error]``
line (that is the bundler's middleware, which a Python Worker, served unbundled, does not get)
but as the inspector's ``Runtime.exceptionThrown``: ``✘ [ERROR] Uncaught <name>: <message>``,
then the stack wrangler rebuilds (``Error`` and the JS frames) after a space; and most events
(``fetch``, ``waitUntil``, a timer, ``scheduled``, ``queue``) report it a second time as the
event's failure, ``Uncaught <name>: <message> `` with no stack, the name kept as workerd's clone
keeps it: any name with ``enhanced_error_serialization`` (on from 2026-04-21), else only V8's
classes' (``Error`` for a ``PythonError``) -- measured with unbundled JavaScript twins throwing an
error of a class named ``PythonError`` (its name on the prototype, as Pyodide's) whose message is a
traceback, at 2025-11-02 and 2026-11-17 (review68) -- but workerd's missing-handler error
(``Handler does not export a fetch() function.``, which its C++ throws before the event runs)
once (measured with a twin exporting ``{}``, hunt45). :func:`wranglers_output` turns
this on for dev; the Python traceback (the Worker's frames, and workers-env's hints) stays, in
the message as in a ``PythonError``'s; the JS frames (Pyodide's own) are left out.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO, cast

from workers_env import _loglevel
from workers_env._errors import HintNote
from workers_env.runtime.osenviron import made_by_worker
from workers_env.runtime.thrownerror import SERIALIZED_NAMES, thrown_parts
from workers_env.runtime.unhandled import silenced

__all__ = ["uncaught_blocks", "wranglers_output"]

#: workers-env's records of an event that reports the exception a second time, as its failure
#: (measured: fetch, waitUntil, a timer, scheduled, queue; an email handler's taken as theirs); a
#: microtask's is reported once (measured), and so are a listener's and a task's
_REPORTED_TWICE = ("Uncaught exception in the worker", "Uncaught exception in waitUntil()",
                   "Uncaught exception in a timer callback")
#: workers-env's records of a microtask's error -- one ``queueMicrotask`` ran, or the top level's
#: ``setTimeout(cb, 0)``, which Python Workers' patch queues as one: reported once, and without
#: the ``Error`` wrangler writes before a thrown error's JS frames (measured:
#: tools/wrangler/dev_uncaught_kinds_probe.py)
_MICROTASKS = ("Uncaught exception in a queueMicrotask callback", "Uncaught exception in a top-level setTimeout callback")


def _ours(note: str) -> str:
    """A hint of workers-env's under dev, marked as its (as its other notes in dev's log are)."""
    return note if note.startswith("workers-env:") else f"workers-env: {note}"


def uncaught_blocks(error: BaseException, tb: Any, *, twice: bool = True, names_kept: bool = False,
                    microtask: bool = False) -> list[str]:
    """wrangler dev's ``✘ [ERROR] Uncaught ...`` lines for ``error`` (its traceback ``tb``, the
    Worker's frames): a Python error as Pyodide's ``PythonError``, whose message is the
    traceback; a JavaScript error by its own name and message, the traceback where its JS
    frames would be; one workerd's own code threw (no JS frame) with nothing after it but
    workers-env's hints (a Default class's ``fetch`` before 2025-08-14: hunt47). ``twice``:
    the event's copy too, named as the Worker's clone keeps names (``names_kept``:
    :func:`~workers_env.runtime.thrownerror.keeps_error_names`). ``microtask``: a microtask's,
    its frames right after the message."""
    name, message = thrown_parts(error)
    trace = "".join(traceback.TracebackException(type(error), error, tb).format())
    if name == "PythonError":
        message = trace  # (with workers-env's hints, which the 500's body leaves out)
    # a name read by a getter (workerd's PythonUserError) is not in V8's stack line: the message alone
    # (an unbundled JS twin under wrangler dev 4.164.0, leftovers50b)
    header = f"Uncaught {message}" if getattr(error, "name_is_getter", False) and message else (
        f"Uncaught {name}: {message}" if message else f"Uncaught {name}")
    if getattr(error, "thrown_by_workerd", False):  # (workers-env's hints after it: production's line has none)
        first = f"{header} " + "".join(f"\n{_ours(note)}" for note in getattr(error, "__notes__", ())
                                       if isinstance(note, HintNote))
    else:
        first = header + ("" if microtask else " Error") + ("" if name == "PythonError" else f"\n{trace.rstrip(chr(10))}")
    blocks = [_loglevel.laid_out("\u2718 [ERROR]", first)]
    if twice:
        copy = name if names_kept or name in SERIALIZED_NAMES else "Error"
        blocks.append(_loglevel.laid_out("\u2718 [ERROR]", f"Uncaught {copy}: {message} " if message
                                         else f"Uncaught {copy} "))
    return blocks


def _stopped() -> bool:
    """Whether dev's stop signal has silenced the running loop (runtime/stopcutoff.py): wrangler
    dev prints nothing after it, its isolate ended, where a request, a ``waitUntil`` task or a
    timer of the Worker failing before the server's end printed its ``Uncaught`` blocks (silence56)."""
    loop = asyncio._get_running_loop()
    return loop is not None and silenced(loop)


class _DevHandler(logging.Handler):
    """workers-env's log records under dev: an uncaught exception as :func:`uncaught_blocks`, one
    of workerd's warnings a plain stdout line, any other record (workers-env's notes) as before."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level, text = _loglevel.level_of(record), record.getMessage()
            if text.startswith("Uncaught") and _stopped():  # the isolate gone: nothing more it reports
                return
            if level == "log":  # workerd's own warning: on stdout, as wrangler dev prints it (measured)
                _loglevel.emit("log", text)
            elif record.exc_info and record.exc_info[1] is not None and text.startswith("Uncaught"):
                twice = text.startswith(_REPORTED_TWICE) and not getattr(record.exc_info[1], "reported_once", False)
                kept = getattr(record, "error_names_kept", False)
                for block in uncaught_blocks(record.exc_info[1], record.exc_info[2], twice=twice, names_kept=kept,
                                             microtask=text.startswith(_MICROTASKS)):
                    _loglevel.emit("error", block, "stderr")
            elif text.startswith("Uncaught"):  # one workerd reports with no exception: its line, marked
                _loglevel.emit("error", _loglevel.laid_out("\u2718 [ERROR]", text), "stderr")
            else:
                _loglevel.emit(level, self.format(record), "stderr")
        except Exception:  # noqa: BLE001 - logging's own rule: a failing handler says so, never raises
            self.handleError(record)


class _WorkerStream:
    """``sys.stdout`` / ``sys.stderr`` under dev: what the Worker's code writes (``print()``, a
    library it calls, its ``logging``) goes out line by line as ``console.log`` /
    ``console.error`` lines (``level``), as in production, where workerd gives Pyodide's streams
    ``console.log`` and ``console.error`` in batched mode (``initializeStreams``; workerd's
    ``python.ts``): Pyodide's ``StringWriter`` hands over each line at its newline and holds a line
    without one until one comes, a later request's write too (a flush does not hand it over: only
    its ``fsync``, which Python's ``flush()`` does not call); everything else (workers-env's, the
    server's) to the stream it replaced, at once."""

    def __init__(self, real: TextIO, level: str) -> None:
        self._real = real
        self._level = level
        self._pending = ""

    def write(self, text: str) -> int:
        if not made_by_worker(sys._getframe(1)):  # (no Worker running: at once)
            return self._real.write(text)
        *lines, self._pending = (self._pending + text).split("\n")
        for line in lines:
            _loglevel.console(self._level, line)
        return len(text)

    def flush(self) -> None:
        self._real.flush()

    def __getattr__(self, name: str) -> Any:  # fileno, buffer, encoding, isatty: the real stream's
        return getattr(self._real, name)


@contextmanager
def wranglers_output() -> Iterator[None]:
    """While dev runs: the Worker's stdout and stderr as ``console.log`` and ``console.error``
    lines (:class:`_WorkerStream`), and workers-env's log records as wrangler dev prints the same
    events (:class:`_DevHandler`)."""
    logger = logging.getLogger("workers_env")
    handler = _DevHandler(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s"))  # (the last-resort handler's layout, as before)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # (a Worker that sets up logging gets no second copy)
    try:
        stderr = cast(TextIO, _WorkerStream(sys.stderr, "error"))
        stdout = cast(TextIO, _WorkerStream(sys.stdout, "log"))
        with _loglevel.replaced("stderr", stderr), _loglevel.replaced("stdout", stdout):
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
