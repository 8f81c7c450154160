"""What Miniflare's ratelimit worker (wrangler 4.164.0, ``ratelimit.worker.js``) accepts of a
``limit()`` call, and its error texts, checked in its order: the options an object, no name
beyond ``key``/``limit``/``period``/``delta``, ``key`` a string, ``limit`` and ``period``
numbers, the period 10 or 60, then ``delta`` as workerd's uint32 conversion reads it."""

from __future__ import annotations

import math
from typing import Any

from workers_env._errors import ConfigError, JsException
from workers_env._jsvalues import js_string
from workers_env._sentvalues import json_typeof

__all__ = ["MAX_UINT32", "OPTION_KEYS", "PERIODS", "bad_options", "check_delta", "config_refusal", "invalid_key",
           "invalid_options", "not_a_number", "unsupported_period"]

#: The names an options object may hold (``RatelimitOptionKeys``), in Miniflare's order.
OPTION_KEYS = ("key", "limit", "period", "delta")
#: The window lengths in seconds (``RatelimitPeriodValues``), in config and calls alike.
PERIODS = (10, 60)
MAX_UINT32 = 4294967295


def _error(message: str, name: str = "Error") -> JsException:
    return JsException(message, name=name)


def invalid_options() -> JsException:
    """The options are no object (missing, ``None``, a string, a number)."""
    return _error("invalid rate limit options")


def bad_options(names: list[str]) -> JsException:
    """Names beyond :data:`OPTION_KEYS`, listed in the object's key order."""
    return _error(f"bad rate limit options: [{','.join(names)}]")


def invalid_key(key: Any) -> JsException:
    return _error(f"invalid key: {js_string(key)}")


def not_a_number(field: str, value: Any) -> JsException:
    """``limit`` or ``period`` given as something other than a number."""
    return _error(f"{field} must be a number: {js_string(value)}")


def unsupported_period(period: Any) -> JsException:
    return _error(f"unsupported period: {js_string(period)}")


def _as_number(value: Any) -> float:
    """JavaScript's unary ``+`` of a plain value (``Number(value)``)."""
    if value is True or value is False:
        return float(value)
    if isinstance(value, int):
        if abs(value) > 2**53 - 1:  # Pyodide hands such an int to JavaScript as a BigInt
            raise _error("Cannot convert a BigInt value to a number", "TypeError")
        return float(value)
    if isinstance(value, float):
        return value
    if value is None:  # null (undefined took the default before this)
        return 0.0
    if isinstance(value, str):
        text = value.strip(" \t\n\v\f\r\u00a0\ufeff")
        if not text:
            return 0.0
        if "_" in text or text.lower().lstrip("+-") in ("inf", "nan", "infinity") and "Infinity" not in text:
            return math.nan  # Python's float() reads these, JavaScript's Number() does not
        try:
            return float(int(text, 0)) if text[:2].lower() in ("0x", "0o", "0b") else float(text)
        except ValueError:
            return math.nan
    if isinstance(value, (list, tuple)):  # an array: Number of its join
        return _as_number(js_string(value)) if len(value) <= 1 else math.nan
    return math.nan  # an object


def check_delta(delta: Any) -> int:
    """``toDelta``: the call's weight, a whole number from 1 to 2**32 - 1 (a fraction cut off)."""
    value = _as_number(delta)
    if not math.isfinite(value):
        raise _error("The value cannot be converted because it is not an integer.", "TypeError")
    if value < 0:
        raise _error("The value cannot be converted because it is negative and this API expects a positive number.",
                     "TypeError")
    if value > MAX_UINT32:
        raise _error(f"Value out of range. Must be less than or equal to {MAX_UINT32}.", "TypeError")
    weight = math.trunc(value)
    if weight == 0:
        raise _error("delta must be non-zero", "RangeError")
    return weight


def config_refusal(where: str, namespace: Any, simple: Any) -> ConfigError | None:
    """What Miniflare's schema of a rate limit refuses, so that ``wrangler dev`` does not start
    (zod's texts, measured under 4.164.0): a ``namespace_id`` that is no string, no ``simple``
    table, a ``simple.limit`` that is no number or not above 0, a ``simple.period`` other than
    10 or 60 (absent: 60). wrangler's own checks pass an ``[[unsafe.bindings]]`` entry and a
    ``[[ratelimits]]`` limit of 0 or less on to it."""
    zod = None
    if namespace is not None and not isinstance(namespace, str):
        zod, field = f"Invalid input: expected string, received {json_typeof(namespace)}", "namespace_id"
    elif not isinstance(simple, dict):
        zod, field = "Invalid input", "simple"
    elif isinstance(simple.get("limit"), bool) or not isinstance(simple.get("limit"), (int, float)):
        zod, field = f"Invalid input: expected number, received {_zod_type(simple.get('limit'))}", "simple.limit"
    elif not simple["limit"] > 0:
        zod, field = "Too small: expected number to be >0", "simple.limit"
    elif "period" in simple and simple["period"] not in PERIODS:
        zod, field = "Invalid input", "simple.period"
    if zod is None:
        return None
    return ConfigError(f'{where}.{field}: wrangler dev refuses to start with it (Miniflare: "{zod}"); a rate limit '
                       "needs a string namespace_id and simple = { limit = <a number above 0>, period = 10 or 60 }")


def _zod_type(value: Any) -> str:
    return "undefined" if value is None else json_typeof(value)
