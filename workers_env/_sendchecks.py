"""What a value may not cross into a binding with: the SDK's refusal of tuples and bytearrays,
V8's circular-structure error, and nesting past the depth every walk of it can follow.

Checked before any conversion (_sentvalues.py's ``to_js`` calls :func:`check_sendable` first), with
walks of their own that need no conversion, so they sit below it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from workers_env._errors import JsException, add_hint, users_mistake

__all__ = ["MAX_NESTING_DEPTH", "check_sendable", "circular_structure_error", "nests_deeper_than", "refuse_circle",
           "unsendable"]


_UNSENDABLE = (tuple, bytearray)
_SCALARS = frozenset({str, int, float, bool, type(None)})

#: The deepest nesting of objects and arrays a value crossing into a binding may have.
#: V8's JSON.stringify goes about 4,000 levels deep, the Python Workers SDK's recursive
#: conversion somewhat under Pyodide's recursion limit (1,000 frames); Python's json module
#: and our own walks stop at the interpreter's limit too, so a limit well below it is the
#: only way to answer every value with a clear error instead of a RecursionError.
MAX_NESTING_DEPTH = 256


def _children(value: Any) -> Iterator[tuple[Any, Any]]:
    return iter(value.items()) if isinstance(value, dict) else enumerate(value)


def _circular(path: list[tuple[Any, Any]], start: int, key: Any) -> JsException:
    """V8's ``TypeError`` for ``JSON.stringify`` of a value that contains itself."""

    def kind(container: Any) -> str:
        return "Array" if isinstance(container, list) else "Object"

    def name(parent: Any, k: Any) -> str:
        return f"index {k}" if isinstance(parent, list) else f"property '{k}'"

    lines = ["Converting circular structure to JSON", f"    --> starting at object with constructor '{kind(path[start][0])}'"]
    steps = [
        f"    |     {name(parent, k)} -> object with constructor '{kind(child)}'"
        for (parent, k), (child, _) in zip(path[start:], path[start + 1 :])
    ]
    if len(steps) > 3:  # V8 keeps the first two and the last step
        steps = [*steps[:2], "    |     ...", steps[-1]]
    lines.extend(steps)
    lines.append(f"    --- {name(path[-1][0], key)} closes the circle")
    return JsException("\n".join(lines), name="TypeError")


def circular_structure_error(path: list[tuple[Any, Any]], start: int, key: Any) -> JsException:
    """V8's ``TypeError`` for ``JSON.stringify`` of a value that contains itself: ``path`` is
    the (container, key of the child walked) chain from the value down, ``path[start]`` the
    container met again under ``key`` of the last one."""
    return _circular(path, start, key)


def unsendable(value: Any) -> TypeError:
    """The Python Workers SDK's ``TypeError`` for a tuple or bytearray in a binding's argument,
    with workers-env's note on what to send instead (the SDK's text says only what failed)."""
    error = users_mistake(TypeError(f"{type(value)} cannot be sent over RPC."))
    if callable(value):
        add_hint(error, "workers-env: the built-in Python Workers SDK (compatibility_date before 2026-04-21, or "
                        "disable_python_external_sdk) refuses a plain function or lambda: send a bound method (self.method), or a "
                        "functools.partial of the function, which cross as a stub the other Worker can call")
        return error
    instead = "bytes(...) of it (a Uint8Array)" if isinstance(value, bytearray) else "list(...) of it"
    add_hint(error, f"workers-env: the Python Workers SDK sends lists, dicts, bytes and scalars to a binding, "
                    f"never a {type(value).__name__}: send {instead} instead")
    return error


def check_sendable(value: Any) -> None:
    """Raise what a value cannot cross into a binding with.

    The Python Workers SDK refuses tuples and bytearrays (``TypeError: <class 'tuple'>
    cannot be sent over RPC.``); a value that contains itself fails the binding's
    ``JSON.stringify`` with V8's ``TypeError: Converting circular structure to JSON``
    (a :class:`JsException`). Only ``MAX_NESTING_DEPTH`` levels are walked: what lies deeper
    is refused by :func:`nests_deeper_than` wherever it would be used, and only a value that
    reaches that depth is searched for a circle.
    """
    if isinstance(value, _UNSENDABLE):
        raise unsendable(value)
    if isinstance(value, (set, frozenset)):  # the SDK walks every iterable
        _refuse_in_set(value)
    if isinstance(value, (dict, list)) and _walk(value, 1):
        _refuse_circle(value, MAX_NESTING_DEPTH)


def _refuse_in_set(items: Any) -> None:
    for item in items:  # a set holds only hashable values: tuples are the ones to refuse
        if isinstance(item, _UNSENDABLE):
            raise unsendable(item)


def _walk(container: Any, depth: int) -> bool:
    """The tuple/bytearray check below ``container``; True if it reaches the depth limit."""
    if type(container) is list and _SCALARS.issuperset(map(type, container)):
        return False  # a list of texts or numbers: nothing to refuse, nothing deeper (checked at C speed)
    deep = False
    for child in container.values() if isinstance(container, dict) else container:
        if type(child) in _SCALARS:
            continue
        if isinstance(child, _UNSENDABLE):
            raise unsendable(child)
        if isinstance(child, (set, frozenset)):
            _refuse_in_set(child)
        if isinstance(child, (dict, list)):
            if depth >= MAX_NESTING_DEPTH:
                deep = True
            elif _walk(child, depth + 1):
                deep = True
    return deep


def refuse_circle(value: Any, limit: int = MAX_NESTING_DEPTH) -> None:
    """V8's ``JSON.stringify`` error for ``value`` if it contains itself (within ``limit``
    levels), naming the path as V8 does; nothing otherwise."""
    if isinstance(value, (dict, list)):
        _refuse_circle(value, limit)


def _refuse_circle(value: Any, limit: int) -> None:
    """V8's circular-structure error if ``value`` contains itself within ``limit`` levels."""
    # depth-first without recursion; `path` holds (container, key of the child being walked)
    path: list[tuple[Any, Any]] = [(value, None)]
    walking: list[Iterator[tuple[Any, Any]]] = [_children(value)]
    on_path = {id(value)}
    while walking:
        for key, child in walking[-1]:
            if not isinstance(child, (dict, list)) or len(walking) > limit:
                continue
            path[-1] = (path[-1][0], key)
            if id(child) in on_path:
                start = next(i for i, (c, _) in enumerate(path) if c is child)
                raise _circular(path, start, key)
            path.append((child, None))
            walking.append(_children(child))
            on_path.add(id(child))
            break
        else:
            walking.pop()
            on_path.discard(id(path.pop()[0]))


def nests_deeper_than(value: Any, limit: int = MAX_NESTING_DEPTH) -> bool:
    """True when ``value`` has objects/arrays nested more than ``limit`` levels deep.

    A value that contains itself counts as infinitely deep. Walked without recursion and
    stopped at the limit, so it is safe on any input.
    """
    if not isinstance(value, (dict, list)):
        return False
    if type(value) is dict and _SCALARS.issuperset(map(type, value.values())):
        return False  # the usual metadata: one flat object
    walking: list[Iterator[Any]] = [iter(value.values() if isinstance(value, dict) else value)]
    while walking:
        for child in walking[-1]:
            if isinstance(child, (dict, list)):
                if len(walking) >= limit:
                    return True
                if type(child) is list and _SCALARS.issuperset(map(type, child)):
                    continue  # a list of texts or numbers: nothing below it (checked at C speed)
                walking.append(iter(child.values() if isinstance(child, dict) else child))
                break
        else:
            walking.pop()
    return False
