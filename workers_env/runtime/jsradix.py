"""``Number.prototype.toString(radix)``'s digits for a radix other than 10: V8's
``DoubleToRadixStringView`` (src/numbers/conversions.cc) step for step in doubles, so a
fraction's digits stop where V8's do (half an ULP of the value, ``delta``, says when the
remaining fraction no longer tells doubles apart) and round the way V8's do; held to Node on
random doubles by ``tools/radix_differential.py``."""

from __future__ import annotations

import math

__all__ = ["radix_string"]

_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"
_TINIEST = 5e-324  # Double(0.0).NextDouble()


def radix_string(value: float, radix: int) -> str:
    """The text of a finite ``value`` in ``radix`` (2-36, not 10) as V8 writes it; 0 and -0
    are ``"0"`` (V8's one-digit fast path)."""
    if value == 0:
        return "0"
    negative = value < 0
    value = -value if negative else value
    integer = float(math.floor(value))
    fraction = value - integer
    # fractional digits only up to the value's own precision
    delta = max(_TINIEST, 0.5 * (math.nextafter(value, math.inf) - value))
    digits: list[str] = []  # the fraction's digits
    if fraction >= delta:
        while True:
            fraction *= radix  # shift up by one digit
            delta *= radix
            digit = int(fraction)
            digits.append(_CHARS[digit])
            fraction -= digit
            if (fraction > 0.5 or (fraction == 0.5 and digit & 1)) and fraction + delta > 1:
                integer += _round_up(digits, radix)  # round to even, carrying back through the digits
                break
            if not fraction >= delta:
                break
    return ("-" if negative else "") + _integer_digits(integer, radix) + ("." + "".join(digits) if digits else "")


def _round_up(digits: list[str], radix: int) -> int:
    """Add one to the last written digit, dropping the digits that carry over (V8 backs its
    cursor over them); 1 when the carry reaches the integer part (no fraction digit left)."""
    while digits:
        digit = _CHARS.index(digits.pop())
        if digit + 1 < radix:
            digits.append(_CHARS[digit + 1])
            return 0
    return 1


def _integer_digits(integer: float, radix: int) -> str:
    """The integer part's digits: the places a double cannot hold (past 2**53 after dividing)
    written as zeros, as V8 does, then the rest by remainder."""
    zeros = 0
    while integer / radix >= 2.0**53:  # base::Double(integer / radix).Exponent() > 0
        integer /= radix
        zeros += 1
    digits: list[str] = []
    while True:
        remainder = math.fmod(integer, radix)
        digits.append(_CHARS[int(remainder)])
        integer = (integer - remainder) / radix
        if not integer > 0:
            break
    return "".join(reversed(digits)) + "0" * zeros
