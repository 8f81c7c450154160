"""How JavaScript sees a config value, for messages worded as wrangler words them.

wrangler's checks run on JavaScript values (``typeof``, truthiness, ``JSON.stringify``,
``Object.keys`` order, ``Array.prototype.join``), and its messages print them that way;
these helpers give the parsed Python values the same reading, and :data:`MISSING` stands
for ``undefined`` (an absent key) as opposed to ``null``.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any

from workers_env._jscoercions import js_to_number, js_truthy
from workers_env._jsontext import json_text
from workers_env._jsvalues import js_key_order, js_length, js_string
from workers_env._sentvalues import json_typeof

__all__ = ["MISSING", "is_js_identifier", "js_double", "js_json", "toml_date_text"]

#: Marks a key that is absent (JavaScript ``undefined``), as opposed to JSON ``null``.
MISSING: Any = object()


def toml_date_text(value: _dt.date | _dt.time) -> str:
    """A TOML date or time as wrangler hands it on -- the JSON text of smol-toml's ``TomlDate``
    (its ``toISOString``, what ``JSON.stringify`` writes for a var holding one): milliseconds
    always, cut not rounded (``00:32:00.999999`` is ``.999``); a local date ``1979-05-27``, a
    local time ``07:32:00.000``, a local date-time without a zone, an offset one in its own
    wall time and offset (``...T00:32:00.999-07:00``), UTC ``Z`` or ``+00:00``/``-00:00`` as written
    (measured: the bindings table of wrangler dev 4.164.0)."""
    if isinstance(value, _dt.time):
        return f"{value:%H:%M:%S}.{value.microsecond // 1000:03d}"
    if not isinstance(value, _dt.datetime):
        return f"{value.year:04d}-{value:%m-%d}"
    text = f"{value.year:04d}-{value:%m-%dT%H:%M:%S}.{value.microsecond // 1000:03d}"
    offset = value.utcoffset()
    if offset is None:
        return text
    if not offset:  # smol-toml keeps "+00:00" and "-00:00" as written (its reader: their tzname)
        name = value.tzname()
        return f"{text}{name if name in ('+00:00', '-00:00') else 'Z'}"
    minutes = int(offset.total_seconds()) // 60
    return f"{text}{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _js_date_string(value: _dt.date | _dt.time) -> str:
    """``${date}`` of a TOML date: JavaScript's ``Date.prototype.toString``, as a process in UTC prints
    it (smol-toml reads a local date or time as UTC; a local time is a time of day in the year 0)."""
    if isinstance(value, _dt.time):
        return f"Sat Jan 01 0000 {value:%H:%M:%S} GMT+0000 (Coordinated Universal Time)"
    if isinstance(value, _dt.datetime) and value.utcoffset() is not None:
        value = value.astimezone(_dt.timezone.utc)
    moment = value if isinstance(value, _dt.datetime) else _dt.datetime(value.year, value.month, value.day)
    return f"{moment:%a %b %d} {moment.year:04d} {moment:%H:%M:%S} GMT+0000 (Coordinated Universal Time)"


def _js_date_number(value: _dt.date | _dt.time) -> float:
    """``Number(date)`` of a TOML date: milliseconds since 1970 in UTC (a time of day: in the year 0)."""
    if isinstance(value, _dt.time):
        return -62167219200000.0
    if not isinstance(value, _dt.datetime):
        value = _dt.datetime(value.year, value.month, value.day)
    if value.utcoffset() is None:
        value = value.replace(tzinfo=_dt.timezone.utc)
    return (value - _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)).total_seconds() * 1000


def js_double(value: int) -> float:
    """The double ``JSON.parse`` reads an integer literal as: ``Infinity`` (or ``-Infinity``) past the largest."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _to_js(value: Any) -> Any:
    """What ``JSON.stringify`` would see: integral floats as ints (in JavaScript's digits), NaN and
    numbers past the largest double as null, dates as smol-toml's ``TomlDate`` writes them."""
    if value is None or isinstance(value, (bool, str)) or (isinstance(value, int) and abs(value) <= 2**53):
        return value
    if isinstance(value, int):  # past 2**53, as JSON.parse reads it: a double (Infinity past the largest)
        value = js_double(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 1e21:  # JavaScript's digits: 2**60 is 1152921504606847000
            return int(js_string(value)) if abs(value) > 2**53 else int(value)
        return value
    if isinstance(value, (_dt.date, _dt.time)):  # datetime is a date
        return toml_date_text(value)
    if isinstance(value, Mapping):
        items = {str(k): _to_js(v) for k, v in value.items()}
        return {k: items[k] for k in js_key_order(list(items))}
    if isinstance(value, (list, tuple)):
        return [_to_js(v) for v in value]
    return str(value)


def js_json(value: Any, indent: str = "") -> str:
    """JSON as JavaScript's ``JSON.stringify(value, null, indent)`` prints it (non-ASCII kept),
    its numbers as JavaScript writes them (``1e-7``, ``0.000001``; :func:`json_text`)."""
    return json_text(_to_js(value), indent)


def _js_shown(value: Any) -> str:
    """``${JSON.stringify(value)}`` in a message: :func:`js_json`, ``undefined`` for an absent value."""
    return "undefined" if value is MISSING else js_json(value)


def _js_key(value: Any) -> str:
    return value if isinstance(value, str) else js_json(value)


def _js_list(items: list[str]) -> str:
    """``Intl.ListFormat("en-US")``: ``A``, ``A and B``, ``A, B, and C``."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"


def is_js_object(value: Any) -> bool:
    """``typeof value === "object" && value !== null`` of any value: a table, an array, or a TOML date
    (smol-toml's ``TomlDate``)."""
    return isinstance(value, (dict, list, _dt.date, _dt.time))


def _is_record(value: Any) -> bool:
    """``typeof value === "object" && value !== null && !Array.isArray(value)``: a table, or a TOML
    date (smol-toml's ``TomlDate`` is an object without keys of its own)."""
    return isinstance(value, (dict, _dt.date, _dt.time))


def _js_length_positive(value: Any) -> bool:
    """``value.length > 0``: an array's or a string's length, an object's ``length`` property
    compared as JavaScript compares it with 0 (``"2"``, ``true``, ``[1]`` are above it)."""
    if isinstance(value, (list, str)):
        return len(value) > 0
    length = value.get("length", MISSING) if isinstance(value, dict) else MISSING
    if length is MISSING or length is None or isinstance(length, dict):
        return False
    if isinstance(length, (int, float)):  # a bool too; an int past 2**53 stays a number, as JSON.parse reads it
        return length > 0
    if isinstance(length, (_dt.date, _dt.time)):
        return _js_date_number(length) > 0
    return bool(js_to_number(length) > 0)


def _keys(value: Any) -> list[str]:
    """``Object.keys`` of an object or array (integer-like keys first, as JavaScript orders them)."""
    if isinstance(value, dict):
        return js_key_order([str(k) for k in value])
    if isinstance(value, list):
        return [str(i) for i in range(len(value))]
    return []


def object_keys(value: Any) -> list[str]:
    """``Object.keys(value ?? {})`` of any value: :func:`_keys`, and a string's UTF-16 indexes."""
    if isinstance(value, str):
        return [str(i) for i in range(js_length(value))]
    return _keys(value)


def _has_str(value: Any, key: str) -> bool:
    return isinstance(value, dict) and isinstance(value.get(key), str)


def _optional_bool(value: Any, key: str) -> bool:
    return not isinstance(value, dict) or key not in value or isinstance(value[key], bool)


def is_js_identifier(name: str) -> bool:
    """A JavaScript IdentifierName: letters, digits, ``_`` and ``$``, not starting with a digit."""
    return bool(name) and name.replace("$", "_").isidentifier()


def _js_template(value: Any) -> str:
    """``${value}`` in a JavaScript template string."""
    if value is MISSING:
        return "undefined"
    if value is None:
        return "null"
    return _js_join_item(value)


def _js_join_item(item: Any) -> str:
    """How ``Array.prototype.join`` prints one item."""
    if item is None or item is MISSING:
        return ""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, list):
        return ",".join(_js_join_item(i) for i in item)
    if isinstance(item, dict):
        return "[object Object]"
    if isinstance(item, float):  # NaN, Infinity, 1e-7 as JavaScript prints them
        return js_string(item)
    if isinstance(item, int) and abs(item) > 2**53:  # a JSON integer is a double: Infinity past the largest
        return js_string(js_double(item))
    if isinstance(item, (_dt.date, _dt.time)):
        return _js_date_string(item)
    return _js_key(item)


def _js_typeof(value: Any) -> str:
    return "undefined" if value is MISSING else json_typeof(value)


def _destructured(value: Any) -> dict[str, Any]:
    """The properties ``const {...rest} = value`` sees: an array's or a string's indexes too."""
    if isinstance(value, dict):
        return value
    if isinstance(value, (list, str)):
        return {str(i): v for i, v in enumerate(value)}
    return {}


def _js_truthy(value: Any) -> bool:
    """JavaScript truthiness of a config value, an absent one (``MISSING``) falsy."""
    return value is not MISSING and js_truthy(value)
