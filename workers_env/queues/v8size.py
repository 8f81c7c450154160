"""How many bytes V8's serializer writes for a Queue message of content type ``v8`` (workerd's
``serializeV8``: ``jsg::Serializer`` at version 15, its header included), which Miniflare's broker
compares with the 128,000-byte limit and counts in ``backlogBytes``.

V8's format (``value-serializer.cc``): a two-byte header; ``undefined``, ``null``, ``true``,
``false`` one tag; a small integer (a Smi, 31 bits) a tag and its zigzag varint, any other number
a tag and 8 bytes; a string whose characters all fit in one byte a tag, its length and its bytes,
any other a tag, its byte length and UTF-16 (after a padding byte when that would leave it
unaligned); an array a tag, its length, its items and a tag with two more varints; an object a
tag, its keys and values and a tag with its count; a ``Map`` the same with its entries; a
``Date`` a tag and 8 bytes; an ``ArrayBuffer`` a tag, its length and its bytes; a typed array its
buffer, then a tag, its kind and three varints. Measured: a 128,000-character string is 128,006
bytes (wrangler dev 4.164.0's refusal names the figure).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workers_env._jsvalues import UNDEFINED, JsDate, JsMapArgument, JsTypedArray, is_array_index, typed_array_bytes

__all__ = ["v8_size"]

#: The header (``0xFF``, version 15).
_HEADER = 2
#: A Smi on a 64-bit V8 with pointer compression (workerd's): 31 bits.
_SMI = range(-(2**30), 2**30)


def _varint(n: int) -> int:
    return max(1, (n.bit_length() + 6) // 7)


def _string(text: str, at: int) -> int:
    """A string written where ``at`` bytes have been written already."""
    if all(ord(c) < 256 for c in text):
        return 1 + _varint(len(text)) + len(text)
    units = len(text.encode("utf-16-le", "surrogatepass"))
    pad = (at + 1 + _varint(units)) & 1  # kPadding, so that the two-byte data starts aligned
    return pad + 1 + _varint(units) + units


def _number(value: int | float) -> int:
    if float(value).is_integer() and int(value) in _SMI:
        n = int(value)
        return 1 + _varint((n << 1) ^ (n >> 63))  # ZigZag
    return 9


def _bigint(value: int) -> int:
    digits = max(1, (abs(value).bit_length() + 63) // 64) if value else 0
    return 1 + _varint(digits * 16) + digits * 8


def _size(value: Any, at: int) -> int:
    if value is None or value is UNDEFINED or isinstance(value, bool):
        return 1
    if isinstance(value, int):
        return _number(value) if -(2**53) < value < 2**53 else _bigint(value)
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, str):
        return _string(value, at)
    if isinstance(value, JsDate):
        return 9
    if isinstance(value, (bytes, bytearray, memoryview)):  # an ArrayBuffer
        return 1 + _varint(len(value)) + len(value)
    if isinstance(value, JsTypedArray):
        data = typed_array_bytes(value)
        return 1 + _varint(len(data)) + len(data) + 1 + 1 + 1 + _varint(len(data)) + 1
    if isinstance(value, JsMapArgument):
        return _entries(list(value.items()), at, 1, lambda n: 2 * n)
    if isinstance(value, Mapping):
        keys = [(int(k) if isinstance(k, str) and is_array_index(k) else str(k), v) for k, v in value.items()]
        return _entries(keys, at, 1, lambda n: n)
    if isinstance(value, (list, tuple)):
        start = at + 1 + _varint(len(value))
        for item in value:
            start += _size(item, start)
        return start - at + 1 + _varint(0) + _varint(len(value))
    return 1  # no other value reaches a producer with a clonable form


def _entries(pairs: list[tuple[Any, Any]], at: int, opening: int, count: Any) -> int:
    start = at + opening
    for key, item in pairs:
        start += _size(key, start)
        start += _size(item, start)
    return start - at + 1 + _varint(count(len(pairs)))


def v8_size(value: Any) -> int:
    """The bytes of ``value`` serialised as workerd sends a ``v8`` message."""
    return _HEADER + _size(value, _HEADER)
