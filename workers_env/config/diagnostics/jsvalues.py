"""How JavaScript sees a config value, for messages worded as wrangler words them.

wrangler's checks run on JavaScript values (``typeof``, truthiness, ``JSON.stringify``,
``Object.keys`` order, ``Array.prototype.join``), and its messages print them that way;
these helpers give the parsed Python values the same reading, and :data:`MISSING` stands
for ``undefined`` (an absent key) as opposed to ``null``.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Mapping
from typing import Any

from workers_env._jsvalues import js_key_order, js_string, js_truthy, json_typeof

__all__ = ["MISSING", "js_json", "is_js_identifier"]

#: Marks a key that is absent (JavaScript ``undefined``), as opposed to JSON ``null``.
MISSING: Any = object()


def _to_js(value: Any) -> Any:
    """What ``JSON.stringify`` would see: integral floats as ints, NaN as null, dates as ISO."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 1e21:
            return int(value)
        return value
    if isinstance(value, (_dt.date, _dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Mapping):
        items = {str(k): _to_js(v) for k, v in value.items()}
        return {k: items[k] for k in js_key_order(list(items))}
    if isinstance(value, (list, tuple)):
        return [_to_js(v) for v in value]
    return str(value)


def js_json(value: Any) -> str:
    """Compact JSON as JavaScript's ``JSON.stringify`` prints it (non-ASCII kept)."""
    return json.dumps(_to_js(value), separators=(",", ":"), ensure_ascii=False)


def _js_key(value: Any) -> str:
    return value if isinstance(value, str) else js_json(value)


def _js_list(items: list[str]) -> str:
    """``Intl.ListFormat("en-US")``: ``A``, ``A and B``, ``A, B, and C``."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"


def _is_object(value: Any) -> bool:
    """JavaScript ``typeof value === "object" && value !== null`` (arrays included)."""
    return isinstance(value, (dict, list))


def _keys(value: Any) -> list[str]:
    """``Object.keys`` of an object or array (integer-like keys first, as JavaScript orders them)."""
    if isinstance(value, dict):
        return js_key_order([str(k) for k in value])
    if isinstance(value, list):
        return [str(i) for i in range(len(value))]
    return []


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
