"""What workers-env cannot do offline that a request's own code caught and went on past.

A :class:`~workers_env.NotEmulatedError` (an R2 bucket's ``get``, ``env.AI.toMarkdown()``, a
``js`` global the stand-in lacks) is no ``JsException``, so Worker code that catches the
service's errors lets it through; but code that catches every ``Exception`` -- ``try: await
env.BUCKET.put(...) except Exception: return Response("error", status=500)`` -- swallows it,
and the request answers as if production's call had failed, with nothing said. Each such error
is noted here as it is made, in the request whose code makes it; one that leaves the request (its
handler's exception, a ``waitUntil``'s, or any exception they were raised from) has been shown;
the others are told on stderr once the request is over, once per text per Worker load.
"""

from __future__ import annotations

import sys
import weakref
from typing import Any

from workers_env import _errors
from workers_env.runtime.byidentity import WeakIdentityDict

__all__ = ["escaped", "made", "report"]

#: the not-emulated errors each request's code made, by its ``ctx``
_MADE: WeakIdentityDict[Any, list[_errors.NotEmulatedError]] = WeakIdentityDict()

#: the texts already told, per import scope (one Worker load)
_TOLD: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()

#: the attribute an error carries once it has left its request (shown as its outcome or logged)
_SHOWN = "_workers_env_shown"


def made(ctx: Any, error: _errors.NotEmulatedError) -> None:
    """``error`` was made by the code of request ``ctx`` (``None``: test code's own call, outside
    any request, which sees the error itself)."""
    if ctx is None:
        return
    try:
        _MADE.setdefault(ctx, []).append(error)
    except TypeError:  # a context that takes no weak reference: not followed
        pass


def escaped(error: BaseException | None) -> None:
    """``error`` left its request (the handler's exception, a ``waitUntil``'s): it and the
    exceptions it was raised from have been shown."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, _errors.NotEmulatedError):
            setattr(error, _SHOWN, True)
        error = error.__cause__ or error.__context__


def report(ctx: Any, scope: Any) -> None:
    """Request ``ctx`` is over: say which not-emulated errors its code caught and went on past."""
    try:
        made = _MADE.pop(ctx, None)
    except TypeError:
        return
    if not made:
        return
    try:
        told = _TOLD.setdefault(scope, set())
    except TypeError:
        told = set()
    for error in made:
        text = str(error)
        if getattr(error, _SHOWN, False) or text in told:
            continue
        told.add(text)
        print(f"workers-env: the Worker's code caught {type(error).__name__} and went on, so this "
              f"request's outcome is not production's, where that call runs: {text}", file=sys.stderr)
