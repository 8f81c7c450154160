"""V8's ``Math`` object as Worker code reads it on ``js``: its eight constants and its
functions, with JavaScript's rules -- each argument converted by ``ToNumber`` (``undefined`` NaN,
``null`` 0, ``"3"`` 3, ``true`` 1), NaN propagating, ``Math.round`` rounding half up
(``Math.round(-2.5)`` is -2), ``Math.max()`` -Infinity, a domain error NaN and an overflow
Infinity where Python's ``math`` raises -- and each result a JS number as Pyodide hands it to
Python (:func:`~workers_env._jsvalues.js_number`: a safe whole number an ``int``, so ``-0`` is
``0``)."""

from __future__ import annotations

import builtins
import math
import random as _random
import struct
from collections.abc import Callable
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

from workers_env._jsvalues import js_number
from workers_env.runtime.jsnumbers import to_number

__all__ = ["math_object"]

_INF = math.inf
_NAN = math.nan
_TWO_32 = 2 ** 32


def _num(value: Any) -> float:
    """``ToNumber`` as a float (ints past 2**53 are floats in JavaScript)."""
    return float(to_number(value))


def _unary(compute: Callable[[float], float], name: str) -> Callable[..., Any]:
    """A one-argument ``Math`` function: ``compute`` of ``ToNumber(x)`` (``undefined`` when
    absent); a ``ValueError`` of Python's ``math`` is NaN (JavaScript's domain error)."""

    def function(x: Any = None, *_ignored: Any) -> Any:
        number = _num(x)
        try:
            return js_number(compute(number))
        except ValueError:
            return _NAN

    function.__name__ = function.__qualname__ = name
    return function


def _whole(rounding: Callable[[float], int]) -> Callable[[float], float]:
    """``floor``/``ceil``/``trunc`` kept a float (NaN and the infinities as they are)."""
    return lambda x: x if not math.isfinite(x) else float(rounding(x))


def _round(x: float) -> float:
    """``Math.round``: the nearest whole number, a half rounded up (towards +Infinity)."""
    if not math.isfinite(x) or x.is_integer():
        return x
    below = float(math.floor(x))
    result = below + 1.0 if x - below >= 0.5 else below
    return math.copysign(result, x) if result == 0 else result  # -0.4 is -0


def _log(compute: Callable[[float], float], pole: float) -> Callable[[float], float]:
    """A logarithm: -Infinity at its pole (``log(0)``, ``log1p(-1)``), NaN below it."""
    return lambda x: -_INF if x == pole else compute(x)


def _atanh(x: float) -> float:
    return math.copysign(_INF, x) if abs(x) == 1 else math.atanh(x)


def _overflowing(compute: Callable[[float], float], sign: Callable[[float], float]) -> Callable[[float], float]:
    """``compute``, an ``OverflowError`` Infinity of the sign ``sign(x)`` gives."""

    def guarded(x: float) -> float:
        try:
            return compute(x)
        except OverflowError:
            return math.copysign(_INF, sign(x))
    return guarded


def _cbrt(x: float) -> float:
    """The cube root, exact for a cube (``Math.cbrt(27)`` is 3, as V8's fdlibm gives it; the C
    library's may be an ulp off): the neighbour of C's answer whose cube is nearest."""
    root = math.cbrt(x)
    if not math.isfinite(root) or root == 0:
        return root
    exact = Fraction(x)
    return builtins.min((math.nextafter(root, -_INF), root, math.nextafter(root, _INF)),
                        key=lambda r: abs(Fraction(r) ** 3 - exact))


def _sign(x: float) -> float:
    return x if x != x or x == 0 else math.copysign(1.0, x)


def _fround(x: float) -> float:
    try:
        return float(struct.unpack("f", struct.pack("f", x))[0])
    except OverflowError:  # rounds past float32's largest
        return math.copysign(_INF, x)


def _to_uint32(x: float) -> int:
    return 0 if not math.isfinite(x) else int(x) % _TWO_32


def _clz32(x: float) -> float:
    return float(32 - _to_uint32(x).bit_length())


def _pow(base: float, exponent: float) -> float:
    """ECMAScript's ``Number::exponentiate``: C's ``pow`` but for ``1 ** NaN`` and ``(-)1 **
    Infinity``, NaN in JavaScript."""
    if exponent != exponent:
        return _NAN
    if exponent == 0:
        return 1.0
    if base != base or (abs(base) == 1 and math.isinf(exponent)):
        return _NAN
    odd = exponent.is_integer() and math.isfinite(exponent) and exponent % 2 == 1
    if base == 0 and exponent < 0:
        return math.copysign(_INF, base) if odd else _INF
    try:
        return math.pow(base, exponent)
    except OverflowError:
        return -_INF if base < 0 and odd else _INF
    except ValueError:  # a negative base, a fractional exponent
        return _NAN


def pow(x: Any = None, y: Any = None, *_ignored: Any) -> Any:  # noqa: A001 - JS name
    return js_number(_pow(_num(x), _num(y)))


def atan2(y: Any = None, x: Any = None, *_ignored: Any) -> Any:
    return js_number(math.atan2(_num(y), _num(x)))


def imul(a: Any = None, b: Any = None, *_ignored: Any) -> Any:
    product = (_to_uint32(_num(a)) * _to_uint32(_num(b))) % _TWO_32
    return product - _TWO_32 if product >= 2 ** 31 else product


def max(*values: Any) -> Any:  # noqa: A001 - JS name
    """``Math.max``: -Infinity of no argument, NaN if any is (every argument converted)."""
    numbers = [_num(v) for v in values]
    if any(n != n for n in numbers):
        return _NAN
    best = -_INF
    for n in numbers:
        if n > best or (n == 0 and best == 0 and math.copysign(1, best) < 0):  # +0 over -0
            best = n
    return js_number(best)


def min(*values: Any) -> Any:  # noqa: A001 - JS name
    """``Math.min``: Infinity of no argument, NaN if any is (every argument converted)."""
    numbers = [_num(v) for v in values]
    if any(n != n for n in numbers):
        return _NAN
    best = _INF
    for n in numbers:
        if n < best or (n == 0 and best == 0 and math.copysign(1, n) < 0):  # -0 under +0
            best = n
    return js_number(best)


def hypot(*values: Any) -> Any:
    """``Math.hypot``: 0 of no argument, Infinity if any is infinite (even beside a NaN)."""
    return js_number(math.hypot(*(_num(v) for v in values)))


#: V8's generator is per isolate; Worker code's own ``random`` module is none of it
_GENERATOR = _random.Random()


def random(*_ignored: Any) -> Any:
    """``Math.random``: a number in [0, 1). Allowed at a Worker's top level: workerd refuses only
    what goes through ``IoContext::current()`` (``crypto.getRandomValues``), and V8's
    ``Math.random`` does not."""
    return js_number(_GENERATOR.random())


_UNARY: dict[str, Callable[[float], float]] = {
    "abs": math.fabs, "acos": math.acos, "acosh": math.acosh, "asin": math.asin, "asinh": math.asinh,
    "atan": math.atan, "atanh": _atanh, "cbrt": _cbrt, "ceil": _whole(math.ceil), "clz32": _clz32,
    "cos": math.cos, "cosh": _overflowing(math.cosh, lambda x: 1.0),
    "exp": _overflowing(math.exp, lambda x: 1.0), "expm1": _overflowing(math.expm1, lambda x: 1.0),
    "floor": _whole(math.floor), "fround": _fround, "log": _log(math.log, 0.0), "log10": _log(math.log10, 0.0),
    "log1p": _log(math.log1p, -1.0), "log2": _log(math.log2, 0.0), "round": _round, "sign": _sign,
    "sin": math.sin, "sinh": _overflowing(math.sinh, lambda x: x), "sqrt": lambda x: x if x == 0 else math.sqrt(x),
    "tan": math.tan, "tanh": math.tanh, "trunc": _whole(math.trunc),
}


def math_object() -> SimpleNamespace:
    """The members of ``Math`` (the target :class:`~workers_env.runtime.jsglobalproxies.JsGlobalObject`
    shows as ``[object Math]``)."""
    return SimpleNamespace(
        E=math.e, LN10=math.log(10), LN2=math.log(2), LOG10E=0.4342944819032518, LOG2E=1.4426950408889634,  # V8's literals
        PI=math.pi, SQRT1_2=math.sqrt(0.5), SQRT2=math.sqrt(2),
        **{name: _unary(compute, name) for name, compute in _UNARY.items()},
        atan2=atan2, hypot=hypot, imul=imul, max=max, min=min, pow=pow, random=random,
    )
