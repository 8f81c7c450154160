"""``to_js`` of a buffer -- a ``memoryview``, an ``array.array``, a numpy array, any object with
the buffer protocol (a ``pickle.PickleBuffer``, a ctypes array, an ``mmap``) -- is the typed array
Pyodide makes of it (python2js_buffer.js: named after the buffer's format character, ``'b'``
``Int8Array``, ``'d'`` ``Float64Array``, ...; each last dimension's bytes copied into an
``ArrayBuffer`` of its own, more dimensions nested in Arrays), made from a copy of the bytes in
one step rather than through the list of its numbers (1e6 float64s took a second). Held here to
what Pyodide's rules give, read on every property Worker code reads. An object with the buffer
protocol other than those workers-env knew by type was a PyProxy, a memoryview of booleans
(format ``'?'``) an error: Pyodide makes them a typed array and an Array of booleans (checked
against Pyodide 0.26.2 and 0.28.2, tools/pyodide group "buffer-to-js")."""

from __future__ import annotations

import array
import ctypes
import mmap
import pickle
import struct
import sys

import numpy as np
import pytest
from worker_helpers import snippet_answers

from workers_env import to_js

#: Pyodide's typed array for a buffer's format character (processBufferFormatString), and the
#: struct format of its elements
KINDS = {"b": ("Int8Array", "b"), "B": ("Uint8Array", "B"), "c": ("Uint8Array", "B"), "h": ("Int16Array", "h"),
         "H": ("Uint16Array", "H"), "i": ("Int32Array", "i"), "l": ("Int32Array", "i"), "I": ("Uint32Array", "I"),
         "L": ("Uint32Array", "I"), "q": ("BigInt64Array", "q"), "Q": ("BigUint64Array", "Q"),
         "f": ("Float32Array", "f"), "d": ("Float64Array", "d")}


def seen(made):
    """What Worker code reads of a typed array (rows of one nested in Arrays, as lists)."""
    if made.constructor.name == "Array":
        return [seen(row) for row in made]
    return [made.constructor.name, made.length, made.byteOffset, made.byteLength, made.buffer.byteLength,
            made.BYTES_PER_ELEMENT, [repr(x) for x in made], made.to_bytes()]


def expected(fmt, values, shape):
    """What Pyodide's rules give for a buffer of format character ``fmt``, its items ``values``
    (flat, C order) and ``shape``."""
    name, element = KINDS[fmt]
    if len(shape) > 1:
        step = len(values) // shape[0] if shape[0] else 0
        return [expected(fmt, values[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]
    size = struct.calcsize(element)
    data = struct.pack(f"<{len(values)}{element}", *values)
    items = [repr(_number(v)) for v in memoryview(data).cast(element).tolist()]
    return [name, len(values), 0, len(data), len(data), size, items, data]


def _number(value):
    """A JS number as Pyodide hands it to Python: an integral one (-0 too) an int."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def flat(view):
    values = view.tolist() if view.ndim else [view.cast("B").cast(view.format).tolist()[0]]
    while values and isinstance(values[0], list):
        values = [v for row in values for v in row]
    return [v[0] if isinstance(v, bytes) else v for v in values]


BUFFERS = [
    *[array.array(code, [1, 2, 3]) for code in "bBhHiIlLqQfd"],
    array.array("d", [1.5, -0.0, float("inf"), float("nan")]),
    array.array("b", [-128, 127]),
    array.array("f", [0.1]),
    array.array("q", [-2**63, 2**53 + 1]),
    array.array("d"),
    memoryview(bytes(range(10)))[::3],
    memoryview(bytes(range(8))).cast("h"),
    memoryview(bytes(range(8))).cast("d"),
    memoryview(b"ab").cast("c"),
    memoryview(bytes(range(6))).cast("B", [2, 3]),
    memoryview(bytes(range(24))).cast("h", [2, 3, 2]),
    memoryview(bytes(range(24))).cast("i", [2, 3])[::-1],
    memoryview(bytes(1 << 16)).cast("I"),
]


@pytest.mark.parametrize("value", BUFFERS, ids=lambda v: f"{type(v).__name__}-{getattr(v, 'typecode', None) or v.format}")
def test_a_buffer_is_the_typed_array_of_its_format(value):
    view = memoryview(value)
    shape = view.shape or (1,)
    assert seen(to_js(value)) == expected(view.format[-1], flat(view), shape)


NUMPY = [np.arange(5, dtype=dtype) for dtype in ("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
                                                  "uint64", "float32", "float64")] + [
    np.arange(12, dtype="float64").reshape(3, 4), np.arange(12, dtype="int32").reshape(3, 4).T,
    np.arange(10, dtype="int16")[::2], np.float32(2.5).reshape(()), np.zeros((2, 0, 3)), np.arange(3, dtype=">f8"),
]
NUMPY_FORMATS = {("i", 1): "b", ("u", 1): "B", ("i", 2): "h", ("u", 2): "H", ("i", 4): "i", ("u", 4): "I",
                 ("i", 8): "q", ("u", 8): "Q", ("f", 4): "f", ("f", 8): "d"}


@pytest.mark.parametrize("value", NUMPY, ids=lambda v: f"{v.dtype.str}-{v.shape}")
def test_a_numpy_array_is_the_typed_array_of_its_dtype(value):
    fmt = NUMPY_FORMATS[value.dtype.kind, value.dtype.itemsize]
    assert seen(to_js(value)) == expected(fmt, value.reshape(-1).tolist(), value.shape or (1,))


def test_other_objects_with_the_buffer_protocol_are_typed_arrays():
    with mmap.mmap(-1, 4) as memory:
        memory.write(b"\x01\x02\x03\x04")
        assert seen(to_js(memory)) == expected("B", [1, 2, 3, 4], (4,))
    assert seen(to_js(pickle.PickleBuffer(b"ab"))) == expected("B", [97, 98], (2,))
    assert seen(to_js((ctypes.c_int32 * 3)(1, -2, 3))) == expected("i", [1, -2, 3], (3,))


def test_a_memoryview_of_booleans_is_an_array_of_them():
    made = to_js(memoryview(b"\x00\x01").cast("?"))
    assert (made.constructor.name, made.to_py()) == ("Array", [False, True])


def test_the_typed_array_is_a_copy():
    source = array.array("i", [1, 2])
    made = to_js(source)
    source[0], made[1] = 9, 7
    assert (list(source), list(made)) == ([9, 2], [1, 7])
    grid = np.zeros((2, 2), dtype="float64")
    rows = to_js(grid)
    grid[0, 0] = 5.0
    assert [list(row) for row in rows] == [[0.0, 0.0], [0.0, 0.0]]


CHECK = """
import array
def seen(a):
    return [a.constructor.name, a.length, a.byteOffset, a.byteLength, a.buffer.byteLength, a.BYTES_PER_ELEMENT,
            [str(x) for x in a], a.to_bytes()]
"""


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"], ids=["pyodide-0.26", "pyodide-0.28"])
def test_in_a_worker_of_either_era(tmp_path, date):
    snippets = [CHECK + "seen(to_js(array.array('d', [0.5, -2.0])))",
                CHECK + "[seen(r) for r in to_js(memoryview(bytes(range(4))).cast('B', [2, 2]))]"]
    assert snippet_answers(tmp_path, snippets, date) == [
        "['Float64Array', 2, 0, 16, 16, 8, ['0.5', '-2'], " + repr(struct.pack("<2d", 0.5, -2.0)) + "] (list)",
        "[['Uint8Array', 2, 0, 2, 2, 1, ['0', '1'], b'\\x00\\x01'], ['Uint8Array', 2, 0, 2, 2, 1, ['2', '3'], "
        "b'\\x02\\x03']] (list)"]


BYTE_ORDERED = [((ctypes.c_int32.__ctype_be__ * 3)(258, -2, 3), "i", [258, -2, 3]),
                ((ctypes.c_double.__ctype_be__ * 2)(1.5, -0.25), "d", [1.5, -0.25]),
                ((ctypes.c_uint16.__ctype_be__ * 2)(513, 2), "H", [513, 2])]


@pytest.mark.parametrize("value, fmt, values", BYTE_ORDERED, ids=lambda v: getattr(v, "_type_", v).__name__
                         if not isinstance(v, (str, list)) else None)
def test_a_big_endian_buffer_is_the_typed_array_of_its_items(value, fmt, values):
    """A format naming big-endian order (a ctypes ``__ctype_be__`` array's ``'>i'``): Pyodide swaps
    the bytes into its typed array (get_converter), so the items are the buffer's. workers-env
    failed with ``NotImplementedError: memoryview: unsupported format >i``."""
    assert seen(to_js(value)) == expected(fmt, values, (len(values),))


def test_a_ctypes_array_of_booleans_is_an_array_of_them():
    """A ctypes ``c_bool`` array (format ``'<?'``): an Array of booleans, as a ``'?'`` memoryview's
    (workers-env failed with ``NotImplementedError: memoryview: unsupported format <?``)."""
    made = to_js((ctypes.c_bool * 2)(True, False))
    assert (made.constructor.name, made.to_py()) == ("Array", [True, False])


@pytest.mark.parametrize("fmt, name, values", [("n", "Int32Array", [1, -2]), ("N", "Uint32Array", [1, 2]),
                                               ("P", "Uint32Array", [1, 2])])
def test_formats_of_sizes_and_pointers_are_32_bit_typed_arrays(fmt, name, values):
    """``'n'``/``'N'``/``'P'`` (``ssize_t``, ``size_t``, a pointer; a ctypes ``c_void_p`` array's
    ``'<P'``): Pyodide's ``Int32Array``/``Uint32Array`` (4 bytes on wasm32), of the buffer's items
    -- workers-env refused them as ``Unrecognized format character``."""
    view = memoryview(array.array("l" if fmt == "n" else "L", values)).cast("B").cast(fmt)
    made = to_js(view)
    assert (made.constructor.name, [int(x) for x in made]) == (name, values)
    pointers = to_js((ctypes.c_void_p * 2)())
    assert (pointers.constructor.name, list(pointers)) == ("Uint32Array", [0, 0])


def test_a_masked_numpy_array_gives_the_values_its_buffer_holds():
    """A numpy masked array (an ndarray subclass whose ``tobytes()`` fills the masked items):
    Pyodide reads its buffer, the values stored, masked or not -- workers-env gave the fill value
    (999999) for a masked item."""
    masked = np.ma.masked_array(np.array([1, 2, 3], dtype="int32"), mask=[False, True, False])
    assert seen(to_js(masked)) == expected("i", [1, 2, 3], (3,))


def test_a_format_of_more_than_two_characters_is_pyodides_error():
    """A ctypes Structure array's buffer (format ``'T{<i:a:}'``): Pyodide's
    ``processBufferFormatString`` refuses a format longer than two characters before reading its
    last one (workers-env said ``Unrecognized format character '}'``)."""

    class Point(ctypes.Structure):
        _fields_ = [("a", ctypes.c_int32)]

    with pytest.raises(Exception) as raised:
        to_js((Point * 2)())
    cause = raised.value.__cause__
    assert (_named(raised.value), str(raised.value), type(cause).__name__, str(cause)) == (
        "pyodide.ffi.ConversionError", "Conversion from python to javascript failed", "JsException",
        "Error: Expected format string to have length <= 2, got 'T{<i:a:}'.")


#: an array of UCS-4 characters (buffer format "w"): typecode "w" from Python 3.13, where "u" is
#: deprecated (removed in 3.16); "u" before, the same array on Linux and macOS
_UCS4 = "w" if sys.version_info >= (3, 13) else "u"


@pytest.mark.parametrize("value, error", [
    (array.array(_UCS4, "ab"), "Error: Unrecognized format character 'w'."),
    (np.zeros(2, dtype="float16"), "Error: Javascript has no Float16 support."),
    (memoryview(np.zeros(2, dtype="float16")), "Error: Javascript has no Float16 support."),  # format "e"
    (memoryview(np.zeros(2, dtype=complex)), "Error: Unrecognized alignment character Z."),  # format "Zd"
    (np.array([None, 1], dtype=object), "Error: Unrecognized format character 'O'."),
], ids=["array-u", "float16", "memoryview-float16", "memoryview-complex", "object"])
def test_a_buffer_pyodide_cannot_convert_is_a_conversion_error(value, error):
    """As python2js.c wraps any failure of ``to_js``: ``ConversionError: Conversion from python to
    javascript failed``, the JS Error of python2js_buffer.js as its cause (Pyodide 0.26.0a4 and
    0.28.2, tools/pyodide group "buffer-to-js"); workers-env raised the JsException itself. The
    texts of formats "e", "Zd" and "O" are processBufferFormatString's in real Pyodide 0.26.0a4,
    0.28.2 and 314.0.6 (called under Node; "e" also through to_js of a memoryview)."""
    with pytest.raises(Exception, match="^Conversion from python to javascript failed$") as raised:
        to_js(value)
    assert (_named(raised.value), str(raised.value.__cause__)) == ("pyodide.ffi.ConversionError", error)


def _named(error):
    return f"{type(error).__module__}.{type(error).__name__}"
