"""Float32 values as the shortest decimals that round-trip, as JavaScript prints them.

What Vectorize answers with for an index's float32 values (``0.2321``, not the double
``0.23209999501705170``). numpy's vectorised arithmetic of its own, kept apart from
_jsvalues.py's conversions, which never need it; only the Vectorize binding calls it.
"""

from __future__ import annotations

import functools
import math
import struct
from typing import TYPE_CHECKING

from workers_env._jsvalues import MAX_SAFE_INTEGER, numpy

if TYPE_CHECKING:
    import numpy as np

__all__ = ["float32_decimals", "float32_rows"]


@functools.cache
def _pow10() -> np.ndarray:
    return 10.0 ** numpy().arange(0, 23)  # type: ignore[no-any-return]


@functools.cache
def _pow10_list() -> list[float]:
    return _pow10().tolist()  # type: ignore[no-any-return]


def _shortest(value: np.float32) -> float:
    """The shortest decimal that round-trips float32 ``value``, by numpy's exact printing: the
    fallback of :func:`float32_decimals` where the powers of ten are inexact in float64."""
    return float(numpy().format_float_positional(value, unique=True, trim="-"))


def float32_decimals(row: np.ndarray) -> list[int | float]:
    """Float32 values as the shortest decimals that round-trip, as JS prints them.

    A float32 ``0.2321`` is the double ``0.23209999501705170``; the service returns the
    short form. Vectorised: round to p significant digits for p = 1..9 and keep the first
    p that maps back to the same float32. Whole numbers come back as ``int``.
    """
    np = numpy()
    f32 = np.ascontiguousarray(row, dtype=np.float32)
    x = f32.astype(np.float64)
    if x.size <= _FEW:
        return _few_float32_decimals(x)
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
            m = _pow10()[shift[pos]]
            cand[pos] = np.round(x[pos] * m) / m
        if neg.any():
            m = _pow10()[-shift[neg]]
            cand[neg] = np.round(x[neg] / m) * m
        with np.errstate(over="ignore", invalid="ignore"):
            hit = ok_shift & (cand.astype(np.float32) == f32)
        out[hit] = cand[hit]
        todo &= ~hit
    for i in np.flatnonzero(todo | slow):  # extreme exponents: exact per-element fallback
        out[i] = _shortest(f32[i])
    values = out.tolist()
    whole = (out == np.floor(out)) & (np.abs(out) <= MAX_SAFE_INTEGER)
    if whole.any():
        for k in np.flatnonzero(whole).tolist():
            values[k] = int(values[k])
    return values


#: up to this many values, :func:`float32_decimals` works value by value in Python floats: the
#: same operations on the same doubles (so the same results), without ~150 numpy calls on a
#: handful of values (a 3-value row took ~0.3 ms vectorised, ~10 us so)
_FEW = 32
_PACK_F32 = struct.Struct("f")


def _few_float32_decimals(x: np.ndarray) -> list[int | float]:
    """:func:`float32_decimals` of a few float32 values (given as doubles), one at a time:
    the vectorised steps per value -- numpy's ``log10`` for the exponent (taken for all at
    once, as there), ``round`` half to even like ``np.round``, the same powers of ten (exact
    up to 1e22), float32 rounding by ``struct`` like ``astype(float32)`` (to nearest, ties
    to even; past float32's range no candidate matches, as numpy's ``inf`` does not)."""
    np = numpy()
    with np.errstate(divide="ignore"):
        exponents = np.floor(np.log10(np.abs(x))).tolist()
    pack, unpack = _PACK_F32.pack, _PACK_F32.unpack
    pow10 = _pow10_list()
    values: list[int | float] = []
    for v, e in zip(x.tolist(), exponents):
        if v == 0.0 or not math.isfinite(v):
            values.append(int(v) if v == 0.0 else v)
            continue
        exp10 = int(e)
        for p in range(1, 10):
            shift = p - 1 - exp10
            if not -22 <= shift <= 22:  # powers of ten past 1e22 are inexact in float64
                v = _shortest(np.float32(v))
                break
            if shift >= 0:
                m = pow10[shift]
                cand = round(v * m) / m
            else:
                m = pow10[-shift]
                cand = round(v / m) * m
            try:
                if unpack(pack(cand))[0] == v:
                    v = cand
                    break
            except OverflowError:  # beyond float32's range: not this value
                pass
        else:  # no p matched (never seen: 9 digits always round-trip a float32)
            v = _shortest(np.float32(v))
        values.append(int(v) if v == math.floor(v) and abs(v) <= MAX_SAFE_INTEGER else v)
    return values


def float32_rows(matrix: np.ndarray) -> list[list[int | float]]:
    """:func:`float32_decimals` for every row of a 2-D array, in one vectorised pass."""
    rows, dims = matrix.shape
    flat = float32_decimals(matrix.reshape(-1))
    return [flat[i * dims : (i + 1) * dims] for i in range(rows)]
