"""``Uint8Array.new(items)`` of a Python list stores each item as JavaScript reads it: a number
wrapped to a byte, and a Python object that is not a number -- which crosses as a PyProxy, whose
number is that of its ``str()`` (pyproxy.ts ``toString``; no ``valueOf``) -- as 0 when that text
is not a number, even when Python could take it as an int (``__index__``). workers-env's quick
path for ``to_js(bytes)`` took any list ``bytes()`` accepted as it was: such an object stored its
``__index__``. A list ``to_js`` made of a buffer is still taken in one step."""

from __future__ import annotations

from workers_env import js, to_js


class _Indexed:
    def __index__(self) -> int:
        return 9


def test_an_object_with_an_index_is_not_a_number_to_javascript():
    assert list(js.Uint8Array.new([_Indexed(), 7]).to_bytes()) == [0, 7]


def test_numbers_and_booleans_are_stored_as_bytes():
    assert list(js.Uint8Array.new([1, 255, 256, -1, 1.9, True]).to_bytes()) == [1, 255, 0, 255, 1, 1]


def test_to_js_of_bytes_is_a_uint8array_of_a_copy():
    data = bytearray(b"abc")
    made = to_js(data)
    data[0] = 0
    assert [made.byteOffset, made.byteLength, made.buffer.byteLength, bytes(made.to_bytes())] == [0, 3, 3, b"abc"]
