"""``env.<NAME>`` for a ``[[ratelimits]]`` entry: ``limit({key})`` answering ``{success}``.

The checks and the counting are Miniflare's (wrangler 4.164.0): ``limits`` says what a call may
hold, :class:`~workers_env.ratelimit.counter.RateLimitCounter` counts it. A call may also carry
``limit``, ``period`` and ``delta`` (its weight), which Miniflare's worker reads; the
binding's own ``simple.limit`` and ``simple.period`` are the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env._clock import SYSTEM_CLOCK, Clock
from workers_env._jsvalues import UNDEFINED, JsDict, is_safe_int, js_key, js_key_order
from workers_env.ratelimit.counter import RateLimitCounter
from workers_env.ratelimit.limits import (
    OPTION_KEYS,
    PERIODS,
    bad_options,
    check_delta,
    invalid_key,
    invalid_options,
    not_a_number,
    unsupported_period,
)

__all__ = ["RateLimit", "read_options"]


def _is_number(value: Any) -> bool:
    """``typeof value == "number"`` (an int past 2**53 - 1 crosses as a BigInt)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, float) or (isinstance(value, int) and is_safe_int(value))


def read_options(options: Any) -> dict[str, Any]:
    """The members of ``options`` Miniflare's ``limit`` reads (absent ones left out), after its
    first two checks: an object (a dict, a list, any object but a string, number or boolean),
    holding no name beyond :data:`~workers_env.ratelimit.limits.OPTION_KEYS`. A ``None`` member
    is JavaScript's ``null``, as the external SDK hands it over (``python_to_rpc``), so it
    takes no default (``{"key": None}`` is ``invalid key: null``); where Pyodide makes it
    ``undefined`` (a dict's PyProxy, keywords to the JavaScript binding) the runtime leaves it out."""
    if options is None or options is UNDEFINED or isinstance(options, (str, int, float, bool, bytes)):
        raise invalid_options()
    if isinstance(options, Mapping):
        named = {js_key(k): v for k, v in options.items()}
    elif isinstance(options, (list, tuple)):  # an array: its indexes are its keys
        named = {str(i): v for i, v in enumerate(options)}
    else:  # another object: its attributes, as a PyProxy's properties read, and no own key
        named = {name: getattr(options, name) for name in OPTION_KEYS if hasattr(options, name)}
    extra = [k for k in js_key_order(named) if k not in OPTION_KEYS]
    if extra:
        raise bad_options(extra)
    return {k: v for k, v in named.items() if v is not UNDEFINED}


class RateLimit:
    """One Rate Limiting binding (``Ratelimit`` to Worker code): ``await env.LIMITER.limit({"key": k})``."""

    JS_METHODS = ("limit",)
    #: The argument of each method that is an options object (a dict there is a PyProxy).
    JS_OPTION_ARGS = {"limit": 0}

    def __init__(self, counter: RateLimitCounter | None = None, *, binding: str = "RATE_LIMITER",
                 namespace_id: str | None = None, limit: int | float = 100, period: int = 60,
                 clock: Clock | None = None):
        self._counter = counter if counter is not None else RateLimitCounter()
        self.binding = binding
        self.namespace_id = namespace_id if namespace_id is not None else binding
        #: ``simple.limit`` and ``simple.period``: a call's defaults
        self.limit_value = limit
        self.period = period
        self._clock = clock if clock is not None else SYSTEM_CLOCK

    def __repr__(self) -> str:
        return (f"<RateLimit {self.binding} namespace={self.namespace_id!r} "
                f"limit={self.limit_value!r} period={self.period!r}>")

    @property
    def counter(self) -> RateLimitCounter:
        """The counts of this binding's namespace (shared by bindings of the same ``namespace_id``)."""
        return self._counter

    @property
    def clock(self) -> Clock:
        """The clock the windows are measured against (``load_env(..., clock=ManualClock())``)."""
        return self._clock

    def limit_sync(self, options: Any = UNDEFINED, /, *_rest: Any, **kwargs: Any) -> JsDict:
        """``limit(options)`` answered at once; keyword arguments are the options object when no
        positional one is given (Pyodide passes them as one object after the others)."""
        if options is UNDEFINED and kwargs:
            options = kwargs
        read = read_options(options)
        key = read.get("key", "")
        limit = read.get("limit", self.limit_value)
        period = read.get("period", self.period)
        if not isinstance(key, str):
            raise invalid_key(key)
        if not _is_number(limit):
            raise not_a_number("limit", limit)
        if not _is_number(period):
            raise not_a_number("period", period)
        if period not in PERIODS:
            raise unsupported_period(period)
        delta = check_delta(read["delta"]) if "delta" in read else 1
        success = self._counter.take(key, float(limit), int(period), delta, self._clock.now_ms())
        return JsDict(success=success)

    async def limit(self, options: Any = UNDEFINED, /, *rest: Any, **kwargs: Any) -> JsDict:
        """``await limit({"key": ...})`` -> ``{"success": bool}``."""
        return self.limit_sync(options, *rest, **kwargs)
