"""``JSON.parse(text, reviver)``: ECMAScript's ``InternalizeJSONProperty`` walk over the parsed
value, with V8's third reviver argument (the JSON.parse source text access proposal, in V8 since
11.4 and so in workerd).

Measured against Pyodide 0.26.0a4 and 0.28.2 (under Node 24, V8 13.6):

- the reviver is called depth first, children before their parent, an array's items in index
  order and an object's keys in its own property order (integer keys first, ascending), last
  with key ``""`` for the whole value;
- it gets three arguments, ``(key, value, context)``: ``key`` a string (an array index too),
  ``value`` as Pyodide hands a JS value to Python (``null`` the era's null, a whole number an
  ``int``, an object or array a JsProxy), ``context`` a JS object with ``source`` -- the value's
  JSON text -- for a primitive, empty for an object or array; a Python reviver taking two
  arguments is Python's ``TypeError`` (``takes 2 positional arguments but 3 were given``);
- what it returns replaces the value in its holder; ``None`` (``undefined``) deletes the
  property (an array keeps its length: the item reads back ``None``); a Python container it
  returns is a PyProxy JavaScript keeps (not a borrowed one), read back as that very object;
- an exception it raises propagates as itself (a ``RecursionError`` too: the walk runs once,
  with room for its own levels as workers-env's conversions have -- :mod:`workers_env._deep`).
"""

from __future__ import annotations

import json.scanner
import re
from collections.abc import Callable
from json.decoder import scanstring  # type: ignore[attr-defined]  # (typeshed leaves it out)
from typing import Any

from workers_env._deep import ROOMY_FROM, deeper
from workers_env._errors import NotEmulatedError
from workers_env._jsontext import DEEP_JSON
from workers_env.runtime.jsproxy import JsArray, JsObject, read_stored

_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, i: int) -> int:
    """The index past the JSON whitespace at ``i``."""
    return i + len(_WHITESPACE.match(text, i).group(0))  # type: ignore[union-attr]  # (it matches empty)

#: the source text of a parsed value: a primitive's JSON text, an object's (key -> source) or an
#: array's [source] -- the shape of the parsed value
Sources = Any


def json_sources(text: str) -> Sources:
    """The source text of every primitive of the JSON ``text`` (already parsed without error),
    shaped as the value is (a duplicate key's last one, as ``JSON.parse`` keeps)."""
    return _scan(text, 0)[0]


def _scan(text: str, i: int) -> tuple[Sources, int]:
    i = _skip(text, i)
    c = text[i]
    if c == "{":
        members: dict[str, Sources] = {}
        i = _skip(text, i + 1)
        if text[i] == "}":
            return members, i + 1
        while True:
            i = _skip(text, i)
            key, i = scanstring(text, i + 1)
            i = _skip(text, i) + 1  # past the ":"
            members[key], i = _scan(text, i)
            i = _skip(text, i)
            if text[i] != ",":
                return members, i + 1
            i += 1
    if c == "[":
        items: list[Sources] = []
        i = _skip(text, i + 1)
        if text[i] == "]":
            return items, i + 1
        while True:
            item, i = _scan(text, i)
            items.append(item)
            i = _skip(text, i)
            if text[i] != ",":
                return items, i + 1
            i += 1
    if c == '"':
        end = scanstring(text, i + 1)[1]
        return text[i:end], end
    number = json.scanner.NUMBER_RE.match(text, i)
    if number is not None:
        return number.group(0), number.end()
    for literal in ("true", "false", "null"):
        if text.startswith(literal, i):
            return literal, i + len(literal)
    raise AssertionError(i)  # pragma: no cover - the text parsed already (no message: never shown)


def revive(value: Any, sources: Sources, reviver: Callable[..., Any]) -> Any:
    """What ``JSON.parse`` returns for the parsed JS ``value`` (a tree of JsObject/JsArray and
    primitives, ``jsnull`` for null) walked with ``reviver`` (the module docstring): the value
    of the last call, with key ``""``, as the Python value a JS function returning it hands back."""
    holder = JsObject({"": value})
    return _internalize(holder, "", sources, reviver, 1)


def _internalize(holder: JsObject | JsArray, key: str, sources: Sources, reviver: Callable[..., Any],
                 level: int) -> Any:
    if isinstance(holder, JsArray):
        index = int(key)
        raw = holder._items[index] if index < len(holder._items) else None
    else:
        raw = holder._props.get(key)
    if level >= ROOMY_FROM and isinstance(raw, (JsArray, JsObject)):  # deep: the levels below get room
        return deeper(level, lambda: NotEmulatedError(DEEP_JSON), lambda: _walk(holder, raw, key, sources, reviver, level))
    return _walk(holder, raw, key, sources, reviver, level)


def _walk(holder: JsObject | JsArray, raw: Any, key: str, sources: Sources, reviver: Callable[..., Any],
          level: int) -> Any:
    if isinstance(raw, JsArray):
        for i in range(len(raw._items)):  # the length read once, as ECMAScript does
            below = sources[i] if isinstance(sources, list) and i < len(sources) else None
            revived = _internalize(raw, str(i), below, reviver, level + 1)
            if revived is None:  # ``delete array[i]``: a hole, which reads back undefined
                raw._items[i] = None
            else:
                raw[i] = revived
    elif isinstance(raw, JsObject):
        for name in list(raw._props):
            below = sources.get(name) if isinstance(sources, dict) else None
            revived = _internalize(raw, name, below, reviver, level + 1)
            if revived is None:
                raw._props.pop(name, None)
            else:
                JsObject.__setattr__(raw, name, revived)
    primitive = not isinstance(raw, (JsArray, JsObject))
    context = JsObject({"source": sources} if primitive and isinstance(sources, str) else {})
    return reviver(key, read_stored(holder, raw), context)
