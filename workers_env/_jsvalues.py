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

__all__ = ["ByteStream", "JsDict", "check_sendable", "compact_json", "float32_decimals", "float32_rows", "js_number", "to_py"]

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


def to_py(value: Any) -> Any:
    """Convert a plain result tree (dicts, lists, numbers) the way Pyodide would."""
    if type(value) is float:  # a match score, the per-query common case: skip the chain below
        return js_number(value)
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


def check_sendable(value: Any) -> None:
    """Raise the Python Workers SDK's ``TypeError`` for values it refuses to send to JS."""
    if isinstance(value, _UNSENDABLE):
        raise TypeError(f"{type(value)} cannot be sent over RPC.")
    if isinstance(value, dict):
        for v in value.values():
            check_sendable(v)
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, (tuple, bytearray, dict, list)):
                check_sendable(v)
