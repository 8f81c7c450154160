"""``pyodide.ffi.wrappers``: Pyodide's own Python module, on the runtime's JS timers.

Pyodide's ``src/py/pyodide/ffi/wrappers.py`` (the same in 0.26.0a2 and 0.28.x but for the
event listeners' store) is Python code over ``js.setTimeout`` and friends, ``create_proxy``
and ``create_once_callable``; it is followed line by line here so that it behaves as it does
in production: ``set_timeout``/``set_interval`` return the timer's id (a number from workerd),
a timer's callback is called with no argument, ``set_timeout``'s once (its once-callable is
destroyed by the call, even one that raises), ``clear_timeout``/``clear_interval`` clear the
timer and destroy its proxy, and the errors are Pyodide's (``remove_event_listener`` of a
listener never added is a ``KeyError``; ``clear_timeout`` of a timeout whose callback raised
destroys its spent once-callable again: ``Error: OnceProxy has already been destroyed``).
The timers are :mod:`.timers`': they belong to their request, at a module's top level they
are workerd's global-scope error, and ``clear_timeout`` clears only its own request's.

The event listeners work on the JavaScript objects the runtime has that are EventTargets: an
``EventTarget.new()``, an ``AbortSignal`` (``request.signal``, ``AbortController().signal``), a
``WebSocket``, and the global scope (``add_event_listener(js, ...)``: workerd's global scope is
an EventTarget, whose listeners ``js.dispatchEvent`` calls). Pyodide 0.28 keeps a weak reference
to each listener's proxy (``to_weakref()``), 0.26 the proxy itself.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any, Protocol

from workers_env.runtime import timers
from workers_env.runtime.jsbase import JsWeakRef
from workers_env.runtime.current import pyodide_028
from workers_env.runtime.jsevents import global_scope_target
from workers_env.runtime.jsfunctions import create_once_callable, create_proxy

__all__ = [  # noqa: RUF022 - Pyodide's order (its wrappers.__all__)
    "add_event_listener",
    "remove_event_listener",
    "set_timeout",
    "clear_timeout",
    "set_interval",
    "clear_interval",
]


class Destroyable(Protocol):
    """:meta private:"""

    def destroy(self) -> None:
        pass


class DUMMY_DESTROYABLE:
    """What ``TIMEOUTS.pop(id, DUMMY_DESTROYABLE)`` gives for a timer already done: a no-op ``destroy``."""

    @staticmethod
    def destroy() -> None:
        pass


EVENT_LISTENERS: dict[tuple[int, str, Callable[[Any], None]], Any] = {}
TIMEOUTS: dict[int, Destroyable] = {}
INTERVAL_CALLBACKS: dict[int, Destroyable] = {}


def _target(elt: Any) -> Any:
    """``elt``, or for the global scope (the ``js`` module, Pyodide's proxy of ``globalThis``)
    the EventTarget standing in for it (:func:`~workers_env.runtime.jsevents.global_scope_target`)."""
    return global_scope_target() if isinstance(elt, ModuleType) and elt.__name__ == "js" else elt


def add_event_listener(elt: Any, event: str, listener: Callable[[Any], None]) -> None:
    """Wrapper for JavaScript's ``addEventListener`` which automatically manages the lifetime
    of a JsProxy corresponding to the ``listener`` parameter."""
    elt = _target(elt)
    proxy = create_proxy(listener)
    EVENT_LISTENERS[(elt.js_id, event, listener)] = proxy.to_weakref() if pyodide_028() else proxy
    elt.addEventListener(event, proxy)


def remove_event_listener(elt: Any, event: str, listener: Callable[[Any], None]) -> None:
    """Wrapper for JavaScript's ``removeEventListener`` which automatically manages the
    lifetime of a JsProxy corresponding to the ``listener`` parameter."""
    elt = _target(elt)
    stored = EVENT_LISTENERS.pop((elt.js_id, event, listener))
    proxy = stored.deref() if isinstance(stored, JsWeakRef) else stored
    if proxy is None:
        return
    elt.removeEventListener(event, proxy)
    proxy.destroy()


def _id_of(retval: Any) -> Any:
    return retval if isinstance(retval, int) else retval.js_id


def set_timeout(callback: Callable[[], None], timeout: int) -> Any:
    """Wrapper for JavaScript's ``setTimeout`` which automatically manages the lifetime of a
    JsProxy corresponding to the callback param."""
    timer_id = -1

    def wrapper() -> None:
        callback()
        TIMEOUTS.pop(timer_id, None)

    callable_ = create_once_callable(wrapper)
    timeout_retval = timers.set_timeout(callable_, timeout)
    timer_id = _id_of(timeout_retval)
    TIMEOUTS[timer_id] = callable_
    return timeout_retval


def clear_timeout(timeout_retval: Any) -> None:
    """Wrapper for JavaScript's ``clearTimeout`` which automatically manages the lifetime of a
    JsProxy corresponding to the callback param."""
    timers.clear_timer(timeout_retval)
    TIMEOUTS.pop(_id_of(timeout_retval), DUMMY_DESTROYABLE).destroy()


def set_interval(callback: Callable[[], None], interval: int) -> Any:
    """Wrapper for JavaScript's ``setInterval`` which automatically manages the lifetime of a
    JsProxy corresponding to the callback param."""
    proxy = create_proxy(callback)
    interval_retval = timers.set_interval(proxy, interval)
    INTERVAL_CALLBACKS[_id_of(interval_retval)] = proxy
    return interval_retval


def clear_interval(interval_retval: Any) -> None:
    """Wrapper for JavaScript's ``clearInterval`` which automatically manages the lifetime of
    a JsProxy corresponding to the callback param."""
    timers.clear_timer(interval_retval)
    INTERVAL_CALLBACKS.pop(_id_of(interval_retval), DUMMY_DESTROYABLE).destroy()
