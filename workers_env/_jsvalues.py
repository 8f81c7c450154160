"""Values as they cross the JavaScript boundary of a Python Worker.

In production, binding results travel JS -> Python through Pyodide: objects become a
:class:`JsDict`, ``null`` becomes ``None`` and whole-number floats become ``int``.
Arguments travel Python -> JS and the SDK refuses tuples and bytearrays. This module
reproduces both directions so code that breaks in production breaks here too.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import numpy as np

from workers_env._errors import JsException

__all__ = [
    "MAX_NESTING_DEPTH",
    "ByteStream",
    "JsDict",
    "JsMapResult",
    "check_sendable",
    "compact_json",
    "float32_decimals",
    "float32_rows",
    "js_number",
    "nests_deeper_than",
    "number_list",
    "to_py",
]

MAX_SAFE_INTEGER = 2**53 - 1


class JsDict(dict):  # type: ignore[type-arg]
    """A ``dict`` whose keys also read as attributes, as Python Workers receive JS objects.

    Dict attributes win over keys: ``match.values`` is the dict method, the vector is
    ``match["values"]`` -- exactly the production pitfall.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class JsMapResult(JsDict):
    """A result that is a JavaScript ``Map`` (KV's bulk ``get``): JS code sees a ``Map``,
    Python code a :class:`JsDict` (Pyodide turns a ``Map`` into a ``dict``)."""


class ByteStream:
    """A body a binding returns in chunks: what JavaScript holds as a ``ReadableStream`` of bytes.

    Bindings return it as plain data (the runtime hands Worker code a ``ReadableStream``
    built from it); called directly, iterate it (``for chunk in stream``, ``async for``) or
    read it whole with :meth:`read`. Like a stream, it can be read once.
    """

    def __init__(self, chunks: Iterable[bytes], *, content_type: str | None = None):
        self._chunks: list[bytes] | None = [bytes(c) for c in chunks]
        self.content_type = content_type

    @property
    def consumed(self) -> bool:
        return self._chunks is None

    def take(self) -> list[bytes]:
        """Every chunk, once; a second read raises ``TypeError`` as a locked stream does."""
        if self._chunks is None:
            raise TypeError("This ReadableStream has already been read; a stream can be read once.")
        chunks, self._chunks = self._chunks, None
        return chunks

    def read(self) -> bytes:
        return b"".join(self.take())

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.take())

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.take():
            yield chunk

    def __repr__(self) -> str:
        return f"<ByteStream {self.content_type or ''}{' (read)' if self.consumed else ''}>"


def compact_json(value: Any) -> str:
    """``JSON.stringify(value)``: no spaces, text kept as is; NaN and Infinity (which JSON
    cannot hold) raise ``ValueError``, non-JSON values ``TypeError``."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def js_number(value: Any) -> Any:
    """A JS number as Pyodide hands it to Python: safe whole numbers become ``int``."""
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_SAFE_INTEGER:  # NaN, inf: not integers
        return int(value)
    return value


def number_list(value: list[Any]) -> list[Any] | None:
    """A list of ``float`` (or of ``int``) as Pyodide hands it over, converted at C speed;
    ``None`` when it holds anything else (or whole floats), for the element-wise path.
    Vectors (embeddings, query values) are the common case."""
    kinds = set(map(type, value))
    if kinds == {float}:
        return None if any(map(float.is_integer, value)) else list(value)
    if kinds == {int}:
        return list(value)
    return None


def to_py(value: Any) -> Any:
    """Convert a plain result tree (dicts, lists, numbers) the way Pyodide would."""
    if type(value) is float:  # a match score, the per-query common case: skip the chain below
        return js_number(value)
    if type(value) is list and value:
        numbers = number_list(value)
        if numbers is not None:
            return numbers
    if isinstance(value, dict):
        return JsDict({k: to_py(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return [to_py(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return js_number(value)
    if isinstance(value, np.generic):
        return to_py(value.item())
    return value


_POW10 = 10.0 ** np.arange(0, 23)


def float32_decimals(row: np.ndarray) -> list[int | float]:
    """Float32 values as the shortest decimals that round-trip, as JS prints them.

    A float32 ``0.2321`` is the double ``0.23209999501705170``; the service returns the
    short form. Vectorised: round to p significant digits for p = 1..9 and keep the first
    p that maps back to the same float32. Whole numbers come back as ``int``.
    """
    f32 = np.ascontiguousarray(row, dtype=np.float32)
    x = f32.astype(np.float64)
    out = x.copy()
    todo = (x != 0.0) & np.isfinite(x)
    nz = np.abs(np.where(todo, x, 1.0))
    exp10 = np.floor(np.log10(nz)).astype(np.int64)
    slow = np.zeros(x.shape, dtype=bool)
    for p in range(1, 10):
        if not todo.any():
            break
        shift = p - 1 - exp10  # digits after the decimal point
        ok_shift = todo & (shift >= -22) & (shift <= 22)
        slow |= todo & ~ok_shift  # powers of ten past 1e22 are inexact in float64
        todo &= ok_shift
        pos = ok_shift & (shift >= 0)
        neg = ok_shift & (shift < 0)
        cand = np.full_like(x, np.nan)
        if pos.any():
            m = _POW10[shift[pos]]
            cand[pos] = np.round(x[pos] * m) / m
        if neg.any():
            m = _POW10[-shift[neg]]
            cand[neg] = np.round(x[neg] / m) * m
        with np.errstate(over="ignore", invalid="ignore"):
            hit = ok_shift & (cand.astype(np.float32) == f32)
        out[hit] = cand[hit]
        todo &= ~hit
    for i in np.flatnonzero(todo | slow):  # extreme exponents: exact per-element fallback
        out[i] = float(np.format_float_positional(f32[i], unique=True, trim="-"))
    values = out.tolist()
    whole = (out == np.floor(out)) & (np.abs(out) <= MAX_SAFE_INTEGER)
    if whole.any():
        for i in np.flatnonzero(whole).tolist():
            values[i] = int(values[i])
    return values


def float32_rows(matrix: np.ndarray) -> list[list[int | float]]:
    """:func:`float32_decimals` for every row of a 2-D array, in one vectorised pass."""
    rows, dims = matrix.shape
    flat = float32_decimals(matrix.reshape(-1))
    return [flat[i * dims : (i + 1) * dims] for i in range(rows)]


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
        raise TypeError(f"{type(value)} cannot be sent over RPC.")
    if isinstance(value, (dict, list)) and _walk(value, 1):
        _refuse_circle(value)


def _walk(container: Any, depth: int) -> bool:
    """The tuple/bytearray check below ``container``; True if it reaches the depth limit."""
    deep = False
    for child in container.values() if isinstance(container, dict) else container:
        if type(child) in _SCALARS:
            continue
        if isinstance(child, _UNSENDABLE):
            raise TypeError(f"{type(child)} cannot be sent over RPC.")
        if isinstance(child, (dict, list)):
            if depth >= MAX_NESTING_DEPTH:
                deep = True
            elif _walk(child, depth + 1):
                deep = True
    return deep


def _refuse_circle(value: Any) -> None:
    """V8's circular-structure error if ``value`` contains itself within the depth limit."""
    # depth-first without recursion; `path` holds (container, key of the child being walked)
    path: list[tuple[Any, Any]] = [(value, None)]
    walking: list[Iterator[tuple[Any, Any]]] = [_children(value)]
    on_path = {id(value)}
    while walking:
        for key, child in walking[-1]:
            if not isinstance(child, (dict, list)) or len(walking) > MAX_NESTING_DEPTH:
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
                walking.append(iter(child.values() if isinstance(child, dict) else child))
                break
        else:
            walking.pop()
    return False
