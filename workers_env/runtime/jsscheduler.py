"""``scheduler``: workerd's ``Scheduler`` object (api/scheduler.h), whose one method is
``wait(delay, {signal})`` -- a promise that resolves to ``undefined`` (``None``) after ``delay``
milliseconds, as ``setTimeout`` counts them (a delay that is NaN or at most 0 is 0).

Measured under ``wrangler dev`` 4.164.0: ``String(scheduler)`` is ``[object Scheduler]`` (no
``Scheduler`` global); ``wait()`` without a delay rejects with jsg's ``TypeError: Failed to execute
'wait' on 'Scheduler': parameter 1 is not of type 'number'.``, options that are no object jsg's
``parameter 2 is not of type 'WaitOptions'.`` and a ``signal`` that is no ``AbortSignal`` (``null``
too) ``Incorrect type for the 'signal' field on 'WaitOptions' ...``; an aborted signal rejects with
its reason (``AbortError: The operation was aborted``), one aborted while waiting too (a reason
that is no error as an ``Error`` carrying its string, ``Error: why``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.abort import JsAbortSignal, raise_reason
from workers_env.runtime.current import GLOBAL_SCOPE_ERROR, in_global_scope
from workers_env.runtime.jsbase import js_type_error
from workers_env.runtime.jspromise import promise_call
from workers_env.runtime.jsproxy import options_member
from workers_env.runtime.timers import delay_seconds

__all__ = ["Scheduler"]

_MISSING: Any = object()


async def _wait(delay: Any = _MISSING, options: Any = None, *_ignored: Any) -> None:
    if delay is _MISSING or delay is None:
        raise js_type_error("Failed to execute 'wait' on 'Scheduler': parameter 1 is not of type 'number'.")
    seconds = delay_seconds(delay)
    if isinstance(options, (bool, int, float, str)):  # jsg's WaitOptions struct: an object, null or undefined
        raise js_type_error("Failed to execute 'wait' on 'Scheduler': parameter 2 is not of type 'WaitOptions'.")
    signal = options_member(options, "signal")
    if signal is not None and not isinstance(signal, JsAbortSignal):  # null too
        raise js_type_error("Incorrect type for the 'signal' field on 'WaitOptions': the provided value is not of "
                            "type 'AbortSignal'.")
    if in_global_scope():
        raise JsException(GLOBAL_SCOPE_ERROR)
    if signal is not None and signal.aborted:
        raise_reason(signal.reason)
    if signal is None:
        await asyncio.sleep(seconds)
        return
    loop = asyncio.get_running_loop()
    done: asyncio.Future[bool] = loop.create_future()  # whether the signal ended the wait
    key = object()

    def settle(aborted: bool) -> None:
        if not done.done():
            done.set_result(aborted)

    def check_timeout() -> None:  # AbortSignal.timeout(ms): its deadline is checked when read
        if signal.aborted:
            settle(True)

    signal._listen(key, lambda _event: settle(True))
    timers = [loop.call_later(seconds, settle, False)]
    left = signal.seconds_left()
    if left is not None:
        timers.append(loop.call_later(left, check_timeout))
    try:
        aborted = await done
    finally:
        signal._unlisten(key)
        for timer in timers:
            timer.cancel()
    if aborted:
        raise_reason(signal.reason)


class Scheduler:
    """The members of ``scheduler`` (``js.scheduler`` wraps it as a JS object). ``wait``'s promise
    is a web object's method's, as Pyodide hands one over (:func:`~.jspromise.promise_call`):
    pending right after the call even when refused at once, settled in a microtask after the
    calling step."""

    wait = staticmethod(promise_call(_wait))
