"""How many bytes V8's serializer writes for a Queue message of content type ``v8`` (workerd's
``serializeV8``: ``jsg::Serializer`` at version 15, its header included), which Miniflare's broker
compares with the 128,000-byte limit and counts in ``backlogBytes``.

V8's format (``value-serializer.cc``): a two-byte header; ``undefined``, ``null``, ``true``,
``false`` one tag; a small integer (a Smi, 31 bits) a tag and its zigzag varint, any other number
a tag and 8 bytes; a string whose characters all fit in one byte a tag, its length and its bytes,
any other a tag, its byte length and UTF-16 (after a padding byte when that would leave it
unaligned); an array a tag, its length, its items and a tag with two more varints -- an array of
numbers one of which is no Smi (``[1, 1.5]``) kept as doubles, each 9 bytes; an object a tag, its
keys (array indices first, as numbers) and values and a tag with its count; a ``Map`` the same with
its entries; a ``Set`` a tag, its items and a tag with their count; a ``Date`` a tag and 8 bytes;
an ``ArrayBuffer`` a tag, its length and its bytes; a typed array its buffer, then a tag, its kind
and three varints; an object written before (one Python dict twice in a list, which Pyodide's
``to_js`` makes one JS object) a tag and its id. Measured: a 128,000-character string is 128,006
bytes (wrangler dev 4.164.0's refusal names the figure); 42 sizes (``tools/wrangler/queue_probe.py
sizes``: ``-0`` 11, ``[1, 1.5]`` 25, ``[1, 1.5, "a"]`` 21, a ``Set`` of two 10, ``[o, o]`` 17; leftovers44: six ``Map`` shapes, ``new Map()`` 5,
``[["a", 1], [2, {b: 2}]]`` 20 -- a ``Map``'s entries are :class:`JsMapArgument`'s ``entries``).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping, Sequence
from typing import Any

from workers_env._deep import MAX_CONVERSION_DEPTH, ROOMY_FROM, clone_refusal, more_room, nesting, too_deep
from workers_env._jsvalues import (
    UNDEFINED,
    JsDate,
    JsMapArgument,
    JsSet,
    JsTypedArray,
    is_array_index,
    js_key_order,
    typed_array_bytes,
)

__all__ = ["body_members", "v8_size"]

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
    """A Smi (``-0`` is none: a double) a tag and its ZigZag varint, any other number 9 bytes."""
    if float(value).is_integer() and int(value) in _SMI and (value or math.copysign(1.0, value) > 0):
        n = int(value)
        return 1 + _varint((n << 1) ^ (n >> 63))  # ZigZag
    return 9


def _bigint(value: int) -> int:
    digits = max(1, (abs(value).bit_length() + 63) // 64) if value else 0
    return 1 + _varint(digits * 16) + digits * 8


def _double_array(items: Sequence[Any]) -> bool:
    """Whether V8 keeps an array of these items as doubles (``PACKED_DOUBLE_ELEMENTS``), writing
    each as a double, a whole number too: all numbers, one of them no Smi (``[1, 1.5]``)."""
    numbers = [v for v in items if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return (bool(items) and len(numbers) == len(items) and all(-(2**53) < v < 2**53 for v in numbers)
            and any(_number(v) == 9 for v in numbers))


class _Writer:
    """One serialisation: the bytes written so far (a two-byte string's padding depends on
    them) and the objects already written, which V8 writes again as a reference to their id."""

    def __init__(self) -> None:
        self.at = _HEADER
        self.ids: dict[int, int] = {}
        self.next_id = 0
        self._held: list[Any] = []  # keeps each seen object alive, so that no id() is reused

    def receiver(self, value: Any) -> bool:
        """Count an object V8 gives an id; True when it was written before (a reference written)."""
        if isinstance(value, (Mapping, list, tuple)):
            seen = self.ids.get(id(value))
            if seen is not None:
                self.at += 1 + _varint(seen)
                return True
            self.ids[id(value)] = self.next_id
            self._held.append(value)
        self.next_id += 1
        return False

    def write(self, value: Any) -> None:
        if value is None or value is UNDEFINED or isinstance(value, bool):
            self.at += 1
        elif isinstance(value, int):
            self.at += _number(value) if -(2**53) < value < 2**53 else _bigint(value)
        elif isinstance(value, float):
            self.at += _number(value)
        elif isinstance(value, str):
            self.at += _string(value, self.at)
        elif isinstance(value, JsDate):
            self.receiver(value)
            self.at += 9
        elif isinstance(value, (bytes, bytearray, memoryview)):  # an ArrayBuffer
            self.receiver(value)
            self.at += 1 + _varint(len(value)) + len(value)
        elif isinstance(value, JsTypedArray):  # its buffer, then the view: offset 0, its length, flags 0
            data = typed_array_bytes(value)
            if id(value) in self.ids:
                self.receiver(value)
            else:
                self.receiver(data)
                self.receiver(value)
                self.at += 1 + _varint(len(data)) + len(data) + 1 + 1 + 1 + _varint(len(data)) + 1
        elif self.receiver(value):
            pass
        elif isinstance(value, JsMapArgument):  # its entries, which are no properties
            self._entries(value.entries, 2)
        elif isinstance(value, Mapping):
            keys = js_key_order(str(k) for k in value)
            by_name = {str(k): v for k, v in value.items()}
            self._entries([(int(k) if is_array_index(k) else k, by_name[k]) for k in keys], 1)
        elif isinstance(value, JsSet):  # its items, then a tag and their count
            self.at += 1
            for item in value:
                self.write(item)
            self.at += 1 + _varint(len(value))
        elif isinstance(value, (list, tuple)):  # a dense array: its length, items, a tag, 0 properties, the length
            self.at += 1 + _varint(len(value))
            if _double_array(value):
                self.at += 9 * len(value)
            else:
                for item in value:
                    self.write(item)
            self.at += 1 + _varint(0) + _varint(len(value))
        else:
            self.at += 1  # no other value reaches a producer with a clonable form

    def _entries(self, pairs: list[tuple[Any, Any]], per_entry: int) -> None:
        self.at += 1
        for key, item in pairs:
            self.write(key)
            self.write(item)
        self.at += 1 + _varint(per_entry * len(pairs))


def body_members(value: Any) -> Any:
    """The members V8 writes of a container a message body holds; None for anything else."""
    if isinstance(value, JsMapArgument):
        return [part for pair in value.entries for part in pair]
    if isinstance(value, Mapping):
        return list(value.values())
    return list(value) if isinstance(value, (list, tuple, JsSet)) else None


def _is_array(value: Any) -> bool:
    """Whether V8 writes a container a message body holds as an array (a list or tuple)."""
    return isinstance(value, (list, tuple))


def v8_size(value: Any) -> int:
    """The bytes of ``value`` serialised as workerd sends a ``v8`` message; one nested too deep is
    V8's ``RangeError`` (or not emulated: :func:`~workers_env._deep.clone_refusal`)."""
    depth = nesting(value, body_members, MAX_CONVERSION_DEPTH + 1)
    if depth > MAX_CONVERSION_DEPTH:
        raise clone_refusal(value, body_members, _is_array, "A v8 queue message") or too_deep("A v8 queue message")
    writer = _Writer()
    with more_room(depth) if depth > ROOMY_FROM else contextlib.nullcontext():
        writer.write(value)
    return writer.at
