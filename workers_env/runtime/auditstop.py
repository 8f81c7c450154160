"""Calling a CPython function only up to its audit event: its own argument checks, nothing after.

``socket.getnameinfo``, ``getservbyname`` and ``getservbyport``, and (Python 3.12 on)
``_thread``'s thread starters raise an audit event right after checking their arguments and
before doing anything; Pyodide answers them differently from there on (runtime/sockets.py,
runtime/threadpool.py). :func:`until_event` calls one with an audit hook that stops it at that
event, so a wrong call is still the function's own error, worded as there.

Audit hooks cannot be removed and run for every audited event of the process (``open``,
``import``, ``compile``, ``sys._getframe`` ...): the hook is added the first time Worker code
makes such a call -- loading Workers adds none -- and then costs each event of the process the
call of a hook reading a global (``id()`` under ``timeit``: ~0.7 µs for a process's first hook,
which also has CPython build each event's arguments, ~0.25 µs for a further one); it stops only
the call :func:`until_event` is making on that thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["until_event"]


class _Stopped(Exception):  # noqa: N818 - not an error: the hook's signal that the function reached its event
    """The function :func:`until_event` called reached the audit event it waits for."""


_STOPPING = threading.local()
_LOCK = threading.Lock()
_hooked = False
#: how many :func:`until_event` calls are under way, in any thread: the hook reads this global
#: first, as a thread-local's missing attribute costs an ``AttributeError`` for every event
_active = 0


def _stop(event: str, args: tuple[Any, ...]) -> None:
    if _active and getattr(_STOPPING, "event", None) == event:
        raise _Stopped


def _count(step: int) -> None:
    global _active
    with _LOCK:
        _active += step


def _hook() -> None:
    global _hooked
    with _LOCK:
        if not _hooked:
            sys.addaudithook(_stop)
            _hooked = True


def until_event(event: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """Call ``function(*args, **kwargs)`` until it raises the audit event ``event``: ``True``
    there (its argument checks passed, nothing else done); its own error where a check fails
    first; ``False`` when it returned without the event (a Python that raises none)."""
    if not _hooked:
        _hook()
    _STOPPING.event = event
    _count(1)
    try:
        function(*args, **kwargs)
    except _Stopped:
        return True
    finally:
        _STOPPING.event = None
        _count(-1)
    return False
