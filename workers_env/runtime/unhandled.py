"""What Pyodide prints for a failure nobody handles in a Worker's task or future.

Pyodide's ``WebLoop.default_exception_handler`` prints the loop's reports on stderr, which
production hands to ``console.error`` line by line: the message (``Unhandled exception in
event loop`` when the context has none), ``key: repr(value)`` for the context's other keys in
sorted order, then -- from Pyodide 0.28 -- ``traceback.format_exception`` of its exception,
each piece joined by a newline to the next (so a blank line follows each). Pyodide 0.28 and
314 report a task that fails with no done callback but the loop's own (nobody awaits it, nor
adds one) as it ends (``WebLoop._decrement_in_progress``), and so retrieve its exception;
0.26's loop does not, and asyncio reports it when it is collected (``PyodideTask exception was
never retrieved``). Measured under Node with npm pyodide 0.26.0a4, 0.28.2 and 314.0.6
(tools/pyodide/unhandled_task_probe.mjs). Here the same lines go out as the Worker's
``console.error`` lines (under ``workers-env dev``, ``✘ [ERROR] <line>`` each), not through
asyncio's logger -- also asyncio's ``Task was destroyed but it is pending!`` and its ``task:``
line for a Worker's task collected while waiting, which every era prints alike; other code's
reports are left to the loop's handler.
"""

from __future__ import annotations

import asyncio
import traceback
import weakref
from asyncio import format_helpers
from typing import Any

from workers_env import _errors, _loglevel
from workers_env.runtime import current
from workers_env.runtime.tracebacks import without_our_frames

__all__ = ["IN_PROGRESS_DONE", "REPORTED_AT_END", "as_pyodides", "install", "reported_at_end", "silence", "silenced"]


def _runtime_of(future: Any) -> Any:
    """The Worker whose code made ``future``: a task's from its coroutine's import scope, a
    promise's future's as noted when made (runtime/jspromise.py), else the Worker running now
    (``None``: none, read as the newest era)."""
    noted = getattr(future, "workers_env_runtime", None)
    if noted is not None:
        return noted
    get_coro = getattr(future, "get_coro", None)
    scope = getattr(get_coro() if get_coro is not None else None, "_scope", None)
    return getattr(scope, "runtime", None) or current.current_runtime()


def pyodide_lines(context: dict[str, Any], runtime: Any) -> list[str]:
    """The stderr lines Pyodide's ``default_exception_handler`` prints for ``context`` in the
    era of ``runtime`` (0.26 prints no traceback), with workers-env's frames left out."""
    log_lines = [context.get("message") or "Unhandled exception in event loop"]
    for key in sorted(context):
        if key in ("message", "exception"):
            continue
        value = context[key]
        if key in ("source_traceback", "handle_traceback"):
            head = "Object created at" if key == "source_traceback" else "Handle created at"
            value = f"{head} (most recent call last):\n" + "".join(traceback.format_list(value)).rstrip()
        else:
            value = repr(value)
        log_lines.append(f"{key}: {value}")
    error = context.get("exception")
    if error is not None and (runtime is None or not runtime.null_is_none):  # Pyodide 0.28 on
        log_lines += traceback.TracebackException(type(error), error, without_our_frames(error)).format()
    return "\n".join(log_lines).split("\n")


def report(context: dict[str, Any], runtime: Any) -> None:
    """Print ``context``'s lines (:func:`pyodide_lines`) as the Worker's ``console.error`` lines,
    read as its code reads them (``JsException`` in ``pyodide.ffi``) -- in a copy of the running
    context: a task or future collected unretrieved is reported from inside a garbage collection,
    which may have interrupted a ``ContextVar.set`` of that context (:func:`current.as_worker`)."""
    lines = current.as_worker(runtime, pyodide_lines, context, runtime)
    for line in lines:
        _loglevel.console("error", line)


#: the loops whose Worker has gone (:func:`silence`)
_SILENCED: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()


def silence(loop: asyncio.AbstractEventLoop) -> None:
    """From now on ``loop``'s handler reports none of the Worker's futures: ``workers-env dev``'s
    stop signal (runtime/stopcutoff.py), after which production's isolate just ends and wrangler
    dev prints nothing -- a Worker task still waiting there (an endless promise chain's) was
    collected as the loop closed and printed ``Task was destroyed but it is pending!`` (1 stop in
    8; the fresh-clone run of session 50); so were a chain's tasks the signal's cut-off left
    waiting for good, collected between the signal and the server's end (pending56). A task's
    failure reported as it ends (:func:`reported_at_end`), a loop callback's of the Worker's and
    dev's ``Uncaught`` blocks (runtime/devconsole.py) look at the mark too (silence56). The mark
    is the loop's own attribute where it takes one: a loop collected in the same pass as its
    tasks has lost its weak references (CPython clears them before any finalizer runs) when
    those tasks' finalizers report ``Task was destroyed but it is pending!``, its attributes not
    (leftovers57)."""
    try:
        loop._workers_env_silenced = True  # type: ignore[attr-defined]
    except AttributeError:  # (a loop of C, uvloop's: the weak set alone)
        pass
    _SILENCED.add(loop)


def silenced(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether :func:`silence` has been called for ``loop`` (its Worker has gone)."""
    return getattr(loop, "_workers_env_silenced", False) or loop in _SILENCED


def _raised_by_worker(error: BaseException | None) -> bool:
    """Whether the Worker's own code is on ``error``'s traceback (a ``loop.call_soon`` callback of
    its that raised)."""
    tb = getattr(error, "__traceback__", None)
    while tb is not None:
        if _errors.worker_file(tb.tb_frame.f_code.co_filename):
            return True
        tb = tb.tb_next
    return False


def _callback_runtime(context: dict[str, Any]) -> Any:
    """The Worker whose code scheduled the loop callback that failed in ``context`` (asyncio's
    ``Exception in callback ...``: the ``handle`` holds the context vars of its scheduling), else
    ``None`` -- a callback of workers-env's own too."""
    handle = context.get("handle")
    if not isinstance(handle, asyncio.Handle) or "exception" not in context:
        return None
    if str(getattr(handle._callback, "__module__", None) or "").startswith("workers_env."):  # type: ignore[attr-defined]
        return None
    return current.runtime_in(handle._context)  # type: ignore[attr-defined]


def _context_runtime(context: dict[str, Any]) -> Any:
    """The Worker a loop report is of (its future, its failing callback, or -- an error in an
    exception handler -- the report that handler had), else ``None``."""
    from workers_env.runtime.webloop import PyodideFuture  # (webloop imports tasks, which imports this)

    future = context.get("future", context.get("task"))
    if isinstance(future, PyodideFuture):
        return _runtime_of(future)
    inner = context.get("context")
    return _context_runtime(inner) if isinstance(inner, dict) else _callback_runtime(context)


class _Shown:
    """A value Pyodide's loop shows by another text than its repr here (a handle's)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _callback_text(handle: asyncio.Handle, runtime: Any) -> str:
    """How Pyodide's asyncio names ``handle``'s callback: with its arguments on Python 3.12 (Pyodide
    0.26), as ``name()`` from Python 3.13 (0.28, 314: no arguments outside debug mode), and where
    it is defined."""
    callback, args = handle._callback, handle._args  # type: ignore[attr-defined]
    if runtime is None or not runtime.null_is_none:
        args = ()
    try:
        text = format_helpers._format_callback(callback, args, None, debug=True)  # type: ignore[call-arg,arg-type]
    except TypeError:  # (Python before 3.13: no debug, arguments always shown)
        text = format_helpers._format_callback(callback, args, None)  # type: ignore[arg-type]
    source = format_helpers._get_function_source(callback)
    return f"{text} at {source[0]}:{source[1]}" if source else text


def as_pyodides(context: dict[str, Any], runtime: Any) -> dict[str, Any]:
    """``context`` as Pyodide's loop has it: a failing callback's ``handle`` a plain ``Handle``
    (Pyodide's ``call_later`` makes one and a JS timer, no ``TimerHandle``), its callback named
    as :func:`_callback_text` says, in the message too; the report an exception handler had
    (``Unhandled error in exception handler``) so too."""
    shown = dict(context)
    handle = shown.get("handle")
    if isinstance(handle, asyncio.Handle) and getattr(handle, "_callback", None) is not None:
        text = _callback_text(handle, runtime)
        shown["handle"] = _Shown(f"<Handle {text}>")
        if str(shown.get("message", "")).startswith("Exception in callback "):
            shown["message"] = f"Exception in callback {text}"
    if isinstance(shown.get("context"), dict):
        shown["context"] = as_pyodides(shown["context"], runtime)
    return shown


def _handler(previous: Any) -> Any:
    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        from workers_env.runtime.webloop import PyodideFuture  # (webloop imports tasks, which imports this)

        future = context.get("future", context.get("task"))  # ("task": one collected while pending)
        if isinstance(future, PyodideFuture):  # the Worker's own: as Pyodide's loop reports it
            if not silenced(loop):
                report(context, _runtime_of(future))
        elif silenced(loop) and _raised_by_worker(context.get("exception")):
            pass  # (a loop callback of the Worker's failing after dev's stop signal: silence56)
        elif (runtime := _callback_runtime(context)) is not None:  # a loop callback of the Worker's
            if not silenced(loop):
                report(as_pyodides(context, runtime), runtime)
        elif previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    handle.workers_env_handler = True  # type: ignore[attr-defined]
    return handle


def _default(loop: asyncio.AbstractEventLoop, default: Any) -> Any:
    """``loop.default_exception_handler`` as Pyodide's ``WebLoop`` has it for the Worker's reports
    -- what a handler the Worker set defers to, and what the loop calls when that handler raises
    (``Unhandled error in exception handler``) or once the Worker unsets it: :func:`report`'s
    lines; any other report asyncio's own."""

    def default_exception_handler(context: dict[str, Any]) -> None:
        runtime = _context_runtime(context)
        if runtime is None:
            default(context)
        elif not silenced(loop):
            report(as_pyodides(context, runtime), runtime)

    default_exception_handler.workers_env_default = True  # type: ignore[attr-defined]
    return default_exception_handler


def install(loop: asyncio.AbstractEventLoop) -> None:
    """Have ``loop`` report the Worker's futures and failing callbacks as Pyodide's does, other
    reports going to the handler it had (or asyncio's default); once per loop."""
    previous = loop.get_exception_handler()
    if not getattr(previous, "workers_env_handler", False):
        loop.set_exception_handler(_handler(previous))
    default = loop.default_exception_handler
    if not getattr(default, "workers_env_default", False):
        try:
            loop.default_exception_handler = _default(loop, default)  # type: ignore[method-assign]
        except AttributeError:  # (a loop of C, uvloop's: the Worker's own handler's defaults stay asyncio's)
            pass


def reported_at_end(task: asyncio.Task[Any]) -> None:
    """A done callback of a task the Worker's code started (Pyodide 0.28 on): failed with no other
    done callback, it is reported now, through the loop's handler, and its exception counts as
    retrieved (``WebLoop._decrement_in_progress``). Once the loop is silenced (:func:`silence`) it
    is retrieved unreported, the Worker's own handler not called: a task failing between
    ``workers-env dev``'s stop signal and the server's end printed ``Unhandled exception in event
    loop`` and its traceback (silence56), where wrangler dev prints nothing."""
    if task._num_done_callbacks != 1 or task.cancelled():  # type: ignore[attr-defined]
        return
    error = task.exception()
    loop = task.get_loop()
    if error is None or silenced(loop):
        return
    handler = loop.get_exception_handler()
    if handler is not None and not getattr(handler, "workers_env_handler", False):
        handler(loop, {"exception": error})  # one the Worker set (loop.set_exception_handler)
    else:
        report({"exception": error}, _runtime_of(task))


class WebLoop:
    """Named as Pyodide's loop, whose ``_decrement_in_progress`` is the done callback of each task
    and future its code makes (``create_task``, ``create_future``; 0.26, 0.28 and 314 alike): a
    pending one's repr names it as Pyodide's does (``cb=[WebLoop._decrement_in_progress()]``,
    no source line), in ``Task was destroyed but it is pending!`` too (a wait on a future nobody
    else holds, collected: tools/pyodide/pending_task_probe.mjs)."""

    __slots__ = ("reports",)

    def __init__(self, reports: bool) -> None:
        self.reports = reports

    def _decrement_in_progress(self, future: Any) -> None:
        if self.reports:
            reported_at_end(future)


#: a Worker task's done callback from Pyodide 0.28 (:func:`reported_at_end`)
REPORTED_AT_END = WebLoop(True)._decrement_in_progress
#: a Worker future's, and a task's on 0.26: it reports nothing
IN_PROGRESS_DONE = WebLoop(False)._decrement_in_progress
