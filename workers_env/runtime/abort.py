"""``AbortController`` and ``AbortSignal`` as workerd has them (``src/workerd/api/basics.c++``).

A signal aborts once, with a reason: ``abort()``'s own value, else workerd's
``AbortError: The operation was aborted``; ``AbortSignal.timeout(ms)`` aborts with
``TimeoutError: The operation was aborted due to timeout`` once ``ms`` have passed (checked
when the signal is read, and fired on the running event loop when there is one).
``AbortSignal.any(signals)`` follows the first to abort. ``fetch`` and ``Request`` take one as
``signal``: an aborted signal fails the fetch with its reason, before or during the request.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Iterable
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jsnumbers import to_number

__all__ = ["JsAbortController", "JsAbortSignal", "abort_signal_class", "raise_reason"]

_MISSING: Any = object()


def _aborted_error() -> JsException:
    return JsException("The operation was aborted", name="AbortError")


def _timeout_error() -> JsException:
    return JsException("The operation was aborted due to timeout", name="TimeoutError")


def raise_reason(reason: Any) -> None:
    """Throw a signal's reason into Python: an error as it is, another value as an ``Error``
    carrying its string (JavaScript throws the value itself)."""
    if isinstance(reason, BaseException):
        raise reason
    raise JsException(js_text(reason))


class JsAbortSignal(JsProxy):
    """An ``AbortSignal``: ``aborted``, ``reason``, ``throwIfAborted()``, ``onabort`` and
    ``addEventListener("abort", ...)``."""

    _js_name = "AbortSignal"

    def __init__(self) -> None:
        self._aborted = False
        self._reason: Any = None
        self._deadline: float | None = None  # time.monotonic() at which a timeout signal aborts
        self._listeners: list[Any] = []
        self._followers: list[JsAbortSignal] = []
        self.onabort: Any = None

    def _check_deadline(self) -> None:
        if self._deadline is not None and not self._aborted and time.monotonic() >= self._deadline:
            self._trigger(_timeout_error())

    def _trigger(self, reason: Any) -> None:
        if self._aborted:
            return
        self._aborted, self._reason, self._deadline = True, reason, None
        event = _AbortEvent(self)
        for listener in [self.onabort, *self._listeners]:
            if listener is not None:
                (listener.handleEvent if hasattr(listener, "handleEvent") else listener)(event)
        for follower in self._followers:
            follower._trigger(reason)

    @property
    def aborted(self) -> bool:
        self._check_deadline()
        return self._aborted

    @property
    def reason(self) -> Any:
        self._check_deadline()
        return self._reason

    def seconds_left(self) -> float | None:
        """How long until a timeout signal aborts (``None``: no timeout)."""
        return None if self._deadline is None else max(self._deadline - time.monotonic(), 0.0)

    def throwIfAborted(self) -> None:  # noqa: N802 - JS name
        if self.aborted:
            raise_reason(self._reason)

    def addEventListener(self, kind: Any, listener: Any, *_ignored: Any) -> None:  # noqa: N802 - JS name
        if js_text(kind) == "abort" and listener is not None and listener not in self._listeners:
            self._listeners.append(listener)

    def removeEventListener(self, kind: Any, listener: Any, *_ignored: Any) -> None:  # noqa: N802 - JS name
        if js_text(kind) == "abort" and listener in self._listeners:
            self._listeners.remove(listener)

    def __repr__(self) -> str:
        return f"AbortSignal {{ aborted: {'true' if self.aborted else 'false'} }}"


class _AbortEvent(JsProxy):
    """The ``abort`` event a listener receives."""

    _js_name = "Event"
    type = "abort"

    def __init__(self, target: JsAbortSignal):
        self.target = self.currentTarget = target


class JsAbortController(JsProxy):
    """An ``AbortController``: its ``signal`` and ``abort(reason)``."""

    _js_name = "AbortController"

    def __init__(self) -> None:
        self.signal = JsAbortSignal()

    @staticmethod
    def new() -> JsAbortController:
        return JsAbortController()

    def abort(self, reason: Any = _MISSING, *_ignored: Any) -> None:
        """Abort the signal (a second call changes nothing); ``undefined`` means workerd's
        ``AbortError``."""
        self.signal._trigger(_aborted_error() if reason is _MISSING or reason is None else reason)


def _abort(reason: Any = _MISSING, *_ignored: Any) -> JsAbortSignal:
    signal = JsAbortSignal()
    signal._trigger(_aborted_error() if reason is _MISSING or reason is None else reason)
    return signal


def _timeout(delay: Any = _MISSING, *_ignored: Any) -> JsAbortSignal:
    if delay is _MISSING or delay is None:
        raise js_type_error("Failed to execute 'timeout' on 'AbortSignal': parameter 1 is not of type 'number'.")
    ms = to_number(delay)
    # as setTimeout reads a delay; its timer fires on a later turn of the event loop, so even a
    # zero delay leaves the signal unaborted for the code that made it (at least a millisecond)
    ms = 1.0 if ms != ms or ms < 1 else float(ms)
    signal = JsAbortSignal()
    signal._deadline = time.monotonic() + ms / 1000 if math.isfinite(ms) else None
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is not None and signal._deadline is not None:
        loop.call_later(ms / 1000, signal._check_deadline)
    return signal


def _any(signals: Iterable[Any], *_ignored: Any) -> JsAbortSignal:
    items = list(signals)
    for signal in items:
        if not isinstance(signal, JsAbortSignal):
            raise js_type_error("Failed to execute 'any' on 'AbortSignal': parameter 1 is not of type 'Array'.")
    for signal in items:
        if signal.aborted:
            return _abort(signal.reason)
    follower = JsAbortSignal()
    deadlines = [s._deadline for s in items if s._deadline is not None]
    follower._deadline = min(deadlines) if deadlines else None
    for signal in items:
        signal._followers.append(follower)
    return follower


def _illegal(*_args: Any, **_kwargs: Any) -> Any:
    raise js_type_error("Illegal constructor")


def abort_signal_class() -> Any:
    """``js.AbortSignal``: ``abort``, ``timeout``, ``any``; not constructible."""
    from types import SimpleNamespace

    return SimpleNamespace(abort=_abort, timeout=_timeout, any=_any, new=_illegal, name="AbortSignal")
