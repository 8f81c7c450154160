"""What workers-env cannot do offline that a request's own code caught and went on past.

A :class:`~workers_env.NotEmulatedError` (an R2 bucket's ``get``, ``env.AI.toMarkdown()``, a
``js`` global the stand-in lacks) is no ``JsException``, so Worker code that catches the
service's errors lets it through; but code that catches every ``Exception`` -- ``try: await
env.BUCKET.put(...) except Exception: return Response("error", status=500)`` -- swallows it,
and the request answers as if production's call had failed, with nothing said. Each such error
is noted here as it is made, in the request whose code makes it; one that was shown -- it left
the request (its handler's exception, a ``waitUntil``'s), a task of it, or a callback or listener
that logged it as uncaught, or any exception they were raised from -- is not told again; the
others are told on stderr once the request is over, once per text per Worker load. Code of a
request already over (a WebSocket's listeners, a task it left running) is told once the task
or callback making the error has ended.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from typing import Any

from workers_env import _errors, _loglevel
from workers_env.runtime.byidentity import WeakIdentityDict, WeakIdentitySet

__all__ = ["escaped", "made", "report"]

#: the not-emulated errors each request's code made, by its ``ctx``, until the request is over
_MADE: WeakIdentityDict[Any, list[_errors.NotEmulatedError]] = WeakIdentityDict()

#: the requests over (told already): what their code makes later is told when the task or
#: callback making it ends. Only the ``ctx``, held weakly: a scope held here would keep a Worker
#: load alive past its request (its cycles then freed by a later collection than their own)
_OVER: WeakIdentitySet[Any] = WeakIdentitySet()

#: the texts already told, per import scope (one Worker load)
_TOLD: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()

#: the dev server's requests and a test's share these (a thread of ``run_sync``'s too)
_LOCK = threading.Lock()

#: the attribute an error carries once it has left its request (shown as its outcome or logged)
_SHOWN = "_workers_env_shown"


def made(ctx: Any, error: _errors.NotEmulatedError) -> None:
    """``error`` was made by the code of request ``ctx`` (``None``: test code's own call, outside
    any request, which sees the error itself)."""
    if ctx is None:
        return
    try:
        with _LOCK:
            over = ctx in _OVER
            if not over:
                _MADE.setdefault(ctx, []).append(error)
    except TypeError:  # a context that takes no weak reference: not followed
        return
    if over:
        _tell_later(error, getattr(ctx, "_scope", None))


def _tell_later(error: _errors.NotEmulatedError, scope: Any) -> None:
    """``error``, made by code of a request over, told once the task making it has ended (an
    error leaving it is marked shown by then: runtime/tasks.py), or after the callback making
    it (a listener's uncaught error is marked shown as it is logged)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return  # no loop: not followed
    task = asyncio.current_task(loop)
    if task is not None and not task.done():
        task.add_done_callback(lambda _: _tell([error], scope))
    else:
        loop.call_soon(_tell, [error], scope)


def escaped(error: BaseException | None) -> None:
    """``error`` left its request (the handler's exception, a ``waitUntil``'s, a task's) or was
    logged as uncaught: it and the exceptions it was raised from have been shown."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, _errors.NotEmulatedError):
            setattr(error, _SHOWN, True)
        error = error.__cause__ or error.__context__


def report(ctx: Any, scope: Any) -> None:
    """Request ``ctx`` is over: say which not-emulated errors its code caught and went on past."""
    try:
        with _LOCK:
            made = _MADE.pop(ctx, None)
            _OVER.add(ctx)
    except TypeError:
        return
    if made:
        _tell(made, scope)


def _tell(made: list[_errors.NotEmulatedError], scope: Any) -> None:
    for error in made:
        text = str(error)
        with _LOCK:
            try:
                told = _TOLD.setdefault(scope, set())
            except TypeError:
                told = set()
            if getattr(error, _SHOWN, False) or text in told:
                continue
            told.add(text)
        _loglevel.emit("warn", f"workers-env: the Worker's code caught {type(error).__name__} and went on, so "
                       f"this request's outcome is not production's, where that call runs: {text}", "stderr")
