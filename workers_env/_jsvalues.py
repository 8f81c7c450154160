"""Values as they cross the JavaScript boundary of a Python Worker.

In production, binding results travel JS -> Python through Pyodide: objects become a
:class:`JsDict`, ``null`` becomes ``None`` and whole-number floats become ``int``.
Arguments travel Python -> JS and the SDK refuses tuples and bytearrays. This module
reproduces both directions so code that breaks in production breaks here too.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

__all__ = ["JsDict", "JsMapResult", "ReadableBytes", "check_sendable", "compact_json", "float32_decimals", "float32_rows", "js_number", "to_py"]

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


class ReadableBytes:
    """A ``ReadableStream`` of bytes, as a binding hands one out (KV's ``get(key, "stream")``).

    It reads like the JS object: ``getReader()`` gives a reader whose ``await read()``
    returns ``{"done", "value"}`` (``value`` a ``memoryview`` chunk), ``async for chunk in
    stream`` works, and ``Response(stream)`` sends it. A stream can be read once.
    """

    _js_name = "ReadableStream"
    CHUNK = 64 * 1024

    def __init__(self, data: bytes):
        self._data = bytes(data)
        self.locked = False

    @property
    def constructor(self) -> Any:
        return type("ReadableStreamConstructor", (), {"name": "ReadableStream"})()

    def _take(self) -> bytes:
        if self.locked:
            raise TypeError("This ReadableStream is currently locked to a reader.")
        self.locked = True
        data, self._data = self._data, b""
        return data

    def getReader(self) -> _StreamReader:
        return _StreamReader(self._take(), self.CHUNK)

    def read_all(self) -> bytes:
        """Every remaining byte at once (Python-side helper; locks the stream)."""
        return self._take()

    def __aiter__(self) -> Any:
        return self.getReader().__aiter__()

    def __repr__(self) -> str:
        return "[object ReadableStream]"


class _StreamReader:
    def __init__(self, data: bytes, chunk: int):
        self._data = data
        self._pos = 0
        self._chunk = chunk

    async def read(self) -> JsDict:
        if self._pos >= len(self._data):
            return JsDict(done=True, value=None)
        piece = memoryview(self._data)[self._pos : self._pos + self._chunk]
        self._pos += len(piece)
        return JsDict(done=False, value=piece)

    def releaseLock(self) -> None:
        pass

    async def __anext_chunk(self) -> memoryview:
        result = await self.read()
        if result["done"]:
            raise StopAsyncIteration
        return result["value"]

    def __aiter__(self) -> _StreamReader:
        return self

    async def __anext__(self) -> memoryview:
        return await self.__anext_chunk()


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
