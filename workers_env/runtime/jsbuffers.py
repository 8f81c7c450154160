"""``ArrayBuffer``, the typed arrays and ``DataView`` as Python Worker code holds them.

In JavaScript a typed array or a ``DataView`` is a view of an ``ArrayBuffer``'s bytes:
``subarray`` and ``.buffer`` share them, ``slice`` copies. Numbers are stored as the view's
element type stores them (integers wrap, ``Uint8ClampedArray`` clamps and rounds half to even,
``Float32Array`` rounds, BigInt arrays take only BigInts), with V8's error texts. On the Python
side every one of them is Pyodide's ``JsBuffer``: ``to_py()``/``to_memoryview()`` (a writable
copy), ``to_bytes()``, ``to_string()``, ``assign()``/``assign_to()`` with Pyodide's checks.
"""

from __future__ import annotations

import contextlib
import math
import struct
from collections.abc import Callable, Iterable, Iterator
from types import SimpleNamespace
from typing import Any

from workers_env._errors import JsException, NotEmulatedError
from workers_env._jsvalues import BigInt, is_safe_int, js_number, js_string, numpy, with_this
from workers_env._jsvalues import JsTypedArray as _PlainTypedArray
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsnumbers import JS_WHITESPACE, RADIX_LITERAL, to_number

__all__ = [
    "TYPED_ARRAY_NAMES",
    "JsBuffer",
    "JsBufferSource",
    "JsDataView",
    "JsTypedArray",
    "READ_BUFFER_SIZE",
    "read_buffer_view",
    "array_buffer_class",
    "buffer_bytes",
    "byob_read_view",
    "data_view_class",
    "relative_index",
    "typed_array_class",
]

#: element formats (``struct``/``memoryview``) of the typed arrays Pyodide 0.26-0.29 knows
#: (Float16Array: not before Pyodide 0.30, pyodide/pyodide#6005)
_FORMATS = {
    "Int8Array": "b", "Uint8Array": "B", "Uint8ClampedArray": "B", "Int16Array": "h", "Uint16Array": "H",
    "Int32Array": "i", "Uint32Array": "I", "Float32Array": "f", "Float64Array": "d",
    "BigInt64Array": "q", "BigUint64Array": "Q",
}
TYPED_ARRAY_NAMES = tuple(_FORMATS)
_DATA_VIEW_TYPES = {
    "Int8": "b", "Uint8": "B", "Int16": "h", "Uint16": "H", "Int32": "i", "Uint32": "I",
    "Float32": "f", "Float64": "d", "BigInt64": "q", "BigUint64": "Q",
}
def _range_error(message: str) -> JsException:
    return JsException(message, name="RangeError")


def _to_bigint(value: Any) -> int:
    """JavaScript's ``ToBigInt``: BigInts, booleans and integer strings; a Number refuses."""
    if isinstance(value, BigInt) or (type(value) is int and not is_safe_int(value)):
        return int(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        text = value.strip(JS_WHITESPACE)
        try:
            return int(text, 0) if RADIX_LITERAL.fullmatch(text) else int(text or "0", 10)
        except ValueError:
            raise JsException(f"Cannot convert {value} to a BigInt", name="SyntaxError") from None
    raise js_type_error(f"Cannot convert {js_string(js_number(value))} to a BigInt")


def _element(fmt: str, clamped: bool, value: Any) -> int | float:
    """``value`` as an element of format ``fmt`` stores it (what ``struct.pack`` then takes)."""
    if fmt in "qQ":
        whole = _to_bigint(value) % (1 << 64)
        return whole - (1 << 64) if fmt == "q" and whole >= 1 << 63 else whole
    number = to_number(value)
    if fmt == "d":
        return float(number)
    if fmt == "f":
        np = numpy()
        with np.errstate(over="ignore"):
            return float(np.float32(number))
    if clamped:
        if number != number:
            return 0
        return round(min(max(float(number), 0.0), 255.0))  # round() ties to even, as the spec does
    if isinstance(number, float):
        if not math.isfinite(number):
            return 0
        number = math.trunc(number)
    bits = 8 * struct.calcsize(fmt)
    whole = number % (1 << bits)
    return whole - (1 << bits) if fmt.islower() and whole >= 1 << (bits - 1) else whole


def _index(value: Any) -> int:
    """JavaScript's ``ToIntegerOrInfinity`` for indices and offsets (NaN -> 0)."""
    number = to_number(value)
    if number != number:
        return 0
    if isinstance(number, float) and math.isinf(number):
        return -(1 << 62) if number < 0 else 1 << 62
    return math.trunc(number)


def relative_index(value: Any, length: int, default: int) -> int:
    """A ``begin``/``end`` argument of ``slice``/``subarray``/``fill``/``splice``/``includes``
    (typed arrays' and Arrays' alike): ``ToIntegerOrInfinity``, negative from the end,
    clamped to ``[0, length]``; ``undefined`` is ``default``."""
    if value is None:
        return default
    at = _index(value)
    return max(length + at, 0) if at < 0 else min(at, length)


class JsBufferSource(JsProxy):
    """What Pyodide's ``JsBuffer`` offers Python code on any buffer-backed JS value."""

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy

    __slots__ = ()
    _js_name = "ArrayBuffer"
    _format = "B"

    def _raw(self) -> memoryview:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    @property
    def byteLength(self) -> int:  # noqa: N802 - JS name
        return self._raw().nbytes

    def to_bytes(self) -> bytes:
        return self._raw().tobytes()

    def to_memoryview(self) -> memoryview:
        """A writable copy with the view's element format (Pyodide's ``to_memoryview``)."""
        copy = memoryview(bytearray(self._raw()))
        return copy if self._format == "B" else copy.cast(self._format)  # type: ignore[call-overload]  # a run-time format

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        return self.to_memoryview()

    def to_string(self, encoding: str | None = None) -> str:
        """Pyodide's ``JsBuffer_DecodeString_js``: the runtime's ``TextDecoder(encoding, {fatal:
        true, ignoreBOM: true})`` -- its RangeError for an encoding it does not know as it is, a
        decoding error Pyodide's ValueError."""
        from workers_env.runtime.jsglobals import TextDecoder
        from workers_env.runtime.jsproxy import JsObject

        decoder = TextDecoder(encoding, JsObject({"fatal": True, "ignoreBOM": True}))
        try:
            return decoder.decode(self)
        except JsException as exc:
            if exc.name != "TypeError":
                raise
            raise ValueError(f"Failed to decode Javascript TypedArray as {encoding or 'utf8'}") from None

    def assign(self, source: Any) -> None:
        """Copy a Python buffer of the same byte length into this JS buffer (Pyodide's
        ``JsBuffer_assign``, its texts -- the two lengths as it swaps them -- included)."""
        with memoryview(source) as view:
            if view.nbytes != self.byteLength:
                raise ValueError(f"cannot assign to TypedArray of length {view.nbytes} from buffer of length "
                                 f"{self.byteLength}")
            self._check_item_size(view)
            self._raw()[:] = view.cast("B") if view.format != "B" or view.ndim != 1 else view

    def assign_to(self, target: Any) -> None:
        """Copy this JS buffer into a writable Python buffer of the same byte length (Pyodide's
        ``JsBuffer_assign_to``)."""
        with memoryview(target) as view:
            if view.readonly:  # PyObject_GetBuffer(PyBUF_WRITABLE): the object's own BufferError
                raise BufferError("memoryview: underlying buffer is not writable" if isinstance(target, memoryview)
                                  else "Object is not writable.")
            if view.nbytes != self.byteLength:
                raise ValueError(f"cannot assign from TypedArray of length {self.byteLength} to buffer of length {view.nbytes}")
            self._check_item_size(view)
            (view.cast("B") if view.format != "B" or view.ndim != 1 else view)[:] = self._raw()

    def _check_item_size(self, view: memoryview) -> None:
        """A typed array takes only a buffer of its item size (an ArrayBuffer or DataView any):
        ``check_buffer_compatibility``, which asks for no format, so compares item sizes."""
        if self._js_name not in ("ArrayBuffer", "DataView") and view.itemsize != struct.calcsize(self._format):
            raise ValueError("TypedArray and memorybuffer have incompatible formats")


class JsBuffer(JsBufferSource):
    """A JS ``ArrayBuffer``: bytes that typed arrays and ``DataView`` objects view."""

    _js_name = "ArrayBuffer"
    __slots__ = ("_bytes",)
    typeof = "object"

    def __init__(self, data: Any = b""):
        self._bytes = bytearray(data)

    def _raw(self) -> memoryview:
        return memoryview(self._bytes)

    def slice(self, begin: Any = 0, end: Any = None) -> JsBuffer:
        n = len(self._bytes)
        start, stop = relative_index(begin, n, 0), relative_index(end, n, n)
        return JsBuffer(self._bytes[start:max(start, stop)])


class JsTypedArray(JsBufferSource):
    """A JS typed array (``Uint8Array``, ``Float32Array``, ...) viewing an ``ArrayBuffer``."""

    __slots__ = ("_name", "_buffer", "_offset", "_length")
    typeof = "object"

    def __init__(self, name: str, values: Iterable[Any] = (), *, buffer: JsBuffer | None = None,
                 offset: int = 0, length: int | None = None):
        fmt = _FORMATS[name]
        self._name = name
        if buffer is None:
            data = None
            if name in ("Uint8Array", "Uint8ClampedArray") and isinstance(values, (bytes, bytearray, memoryview)):
                data = bytes(values)
            elif name == "Uint8Array" and isinstance(values, _PlainTypedArray):  # ``to_js(bytes)``'s plain
                # model, a buffer's numbers: taken in one step (not any list: a Python object there is a
                # PyProxy to JavaScript, whose number is its ``str()``'s, whatever its ``__index__``)
                with contextlib.suppress(TypeError, ValueError):  # only ints 0-255 are taken as they are
                    data = bytes(values)
            if data is None:
                data = b"".join(struct.pack(fmt, _element(fmt, name == "Uint8ClampedArray", v)) for v in values)
            buffer, offset, length = JsBuffer(data), 0, len(data) // struct.calcsize(fmt)
        self._buffer, self._offset = buffer, offset
        self._length = (buffer.byteLength - offset) // struct.calcsize(fmt) if length is None else length

    @property
    def _js_name(self) -> str:  # type: ignore[override]
        return self._name

    @property
    def _format(self) -> str:  # type: ignore[override]
        return _FORMATS[self._name]

    @property
    def BYTES_PER_ELEMENT(self) -> int:  # noqa: N802 - JS name
        return struct.calcsize(self._format)

    def _raw(self) -> memoryview:
        size = self.BYTES_PER_ELEMENT
        return memoryview(self._buffer._bytes)[self._offset : self._offset + self._length * size]

    def _items(self) -> memoryview[Any]:
        return self._raw().cast(self._format)  # type: ignore[call-overload]  # a run-time format

    # -- JavaScript's side ------------------------------------------------------------------
    @property
    def length(self) -> int:
        return self._length

    @property
    def byteOffset(self) -> int:  # noqa: N802 - JS name
        return self._offset

    @property
    def buffer(self) -> JsBuffer:
        """The ``ArrayBuffer`` this array views (shared: writes show through)."""
        return self._buffer

    def subarray(self, begin: Any = 0, end: Any = None) -> JsTypedArray:
        """A new view of the same bytes (``begin``/``end`` count elements, negative from the end)."""
        start, stop = relative_index(begin, self._length, 0), relative_index(end, self._length, self._length)
        return JsTypedArray(self._name, buffer=self._buffer, offset=self._offset + start * self.BYTES_PER_ELEMENT,
                            length=max(stop - start, 0))

    def slice(self, begin: Any = 0, end: Any = None) -> JsTypedArray:
        """A copy of elements ``begin`` to ``end`` in a buffer of its own."""
        view = self.subarray(begin, end)
        return JsTypedArray(self._name, buffer=JsBuffer(view._raw()), offset=0, length=view._length)

    def set(self, source: Any, offset: Any = 0) -> None:
        """Copy ``source``'s elements in, starting at element ``offset``."""
        at = _index(offset)
        values = list(source.numbers()) if isinstance(source, JsTypedArray) else list(_iterate(source))
        if at < 0 or at + len(values) > self._length:
            raise _range_error("offset is out of bounds")
        if isinstance(source, JsTypedArray) and source._format in "qQ" and self._format not in "qQ":
            raise js_type_error("Cannot mix BigInt and other types, use explicit conversions")
        for i, value in enumerate(values):
            self[at + i] = value

    def fill(self, value: Any, start: Any = None, end: Any = None) -> JsTypedArray:
        first, stop = relative_index(start, self._length, 0), relative_index(end, self._length, self._length)
        stored = _element(self._format, self._name == "Uint8ClampedArray", value)
        items = self._items()
        for i in range(first, stop):
            items[i] = stored
        return self

    def at(self, index: Any) -> Any:
        at = _index(index)
        at = at + self._length if at < 0 else at
        return self[at] if 0 <= at < self._length else None

    def join(self, separator: Any = ",") -> str:
        return ("," if separator is None else str(separator)).join(js_string(v) for v in self.numbers())

    def toString(self) -> str:  # noqa: N802 - JS name
        return self.join(",")

    def __repr__(self) -> str:
        return self.toString()  # Pyodide: JavaScript's String(typed array), "97,98"

    # -- Python's side (Pyodide's JsTypedArray: a sequence and a buffer) --------------------
    def __len__(self) -> int:
        return self._length

    def _read(self, value: Any) -> Any:
        """An element as Pyodide hands it to Python (a BigInt as an ``int``)."""
        return js_number(value) if self._format in "fd" else value

    def __getitem__(self, index: int) -> Any:
        if not isinstance(index, int):
            raise TypeError(f"list indices must be integers or slices, not {type(index).__name__}")
        at = index + self._length if index < 0 else index
        if not 0 <= at < self._length:
            raise IndexError(index)
        return self._read(self._items()[at])

    def __setitem__(self, index: int, value: Any) -> None:
        at = index + self._length if index < 0 else index
        if not 0 <= at < self._length:
            raise IndexError(index)
        self._items()[at] = _element(self._format, self._name == "Uint8ClampedArray", value)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items().tolist() if self._format in "qQ" else self.numbers())

    def numbers(self) -> list[Any]:
        """The elements as JavaScript values (whole floats as ``int``, BigInts as :class:`BigInt`)."""
        items = self._items().tolist()
        if self._format in "fd":
            return [js_number(v) for v in items]
        if self._format in "qQ":
            return [BigInt(v) for v in items]
        return items


#: the size of the buffer an internal stream's default reader reads into: workerd allocates a
#: ``Uint8Array`` of ``DEFAULT_AUTO_ALLOCATE_CHUNK_SIZE`` for each read (streams/common.h, 4096;
#: 16 KiB only under the ``UPDATED_AUTO_ALLOCATE_CHUNK_SIZE`` autogate, off in wrangler dev) and
#: gives a view of the bytes the read put at its start (internal.c++ ``read``)
READ_BUFFER_SIZE = 4096


def read_buffer_view(data: Any) -> JsTypedArray:
    """What an internal stream's default read gives: a ``Uint8Array`` of ``data`` (at most
    :data:`READ_BUFFER_SIZE` bytes) at offset 0 of a buffer of its own, :data:`READ_BUFFER_SIZE` long."""
    buffer = JsBuffer()
    raw = buffer._bytes = bytearray(READ_BUFFER_SIZE)
    size = len(data)
    raw[:size] = data
    return JsTypedArray("Uint8Array", buffer=buffer, offset=0, length=size)


def byob_read_view(view: JsTypedArray | JsDataView, data: Any) -> JsTypedArray:
    """What a BYOB reader's read into ``view`` gives (internal.c++ ``read`` with a view; wrangler dev
    4.164.0): the view's buffer transferred -- the view and the old buffer detached, length 0 --
    and a ``Uint8Array`` of the bytes read at the view's offset in it, whatever the view's type."""
    old, offset = view._buffer, view._offset
    moved = JsBuffer()
    moved._bytes, old._bytes = old._bytes, bytearray()
    view._offset = view._length = 0
    moved._bytes[offset:offset + len(data)] = data
    return JsTypedArray("Uint8Array", buffer=moved, offset=offset, length=len(data))


class JsDataView(JsBufferSource):
    """A JS ``DataView``: typed reads and writes at byte offsets, big-endian unless asked."""

    _js_name = "DataView"
    __slots__ = ("_buffer", "_offset", "_length")
    typeof = "object"

    def __init__(self, buffer: JsBuffer, offset: int, length: int):
        self._buffer, self._offset, self._length = buffer, offset, length

    def _raw(self) -> memoryview:
        return memoryview(self._buffer._bytes)[self._offset : self._offset + self._length]

    @property
    def buffer(self) -> JsBuffer:
        return self._buffer

    @property
    def byteOffset(self) -> int:  # noqa: N802 - JS name
        return self._offset

    def _at(self, offset: Any, size: int) -> int:
        at = _index(offset)
        if at < 0 or at + size > self._length:
            raise _range_error("Offset is outside the bounds of the DataView")
        return self._offset + at

    def _get(self, fmt: str, offset: Any, little: Any) -> Any:
        size = struct.calcsize(fmt)
        at = self._at(offset, size)
        (value,) = struct.unpack_from(("<" if little else ">") + fmt, self._buffer._bytes, at)
        return js_number(value) if fmt in "fd" else value  # a BigInt reaches Python as an int

    def _set(self, fmt: str, offset: Any, value: Any, little: Any) -> None:
        stored = _element(fmt, False, value)
        at = self._at(offset, struct.calcsize(fmt))
        struct.pack_into(("<" if little else ">") + fmt, self._buffer._bytes, at, stored)


def _accessors(kind: str, fmt: str) -> tuple[Callable[..., Any], Callable[..., Any]]:
    def get(self: JsDataView, byteOffset: Any = 0, littleEndian: Any = False) -> Any:  # noqa: N803 - JS names
        return self._get(fmt, byteOffset, littleEndian)

    def set_(self: JsDataView, byteOffset: Any = 0, value: Any = None, littleEndian: Any = False) -> None:  # noqa: N803
        self._set(fmt, byteOffset, value, littleEndian)

    get.__name__, set_.__name__ = f"get{kind}", f"set{kind}"
    get.__doc__ = f"The {kind} at ``byteOffset`` (big-endian unless ``littleEndian``)."
    set_.__doc__ = f"Store ``value`` as a {kind} at ``byteOffset`` (big-endian unless ``littleEndian``)."
    return get, set_


for _kind, _fmt in _DATA_VIEW_TYPES.items():
    _get, _set = _accessors(_kind, _fmt)
    setattr(JsDataView, f"get{_kind}", _get)
    setattr(JsDataView, f"set{_kind}", _set)
del _kind, _fmt, _get, _set


def buffer_bytes(data: Any) -> bytes:
    """The bytes of a ``BufferSource`` argument (an ArrayBuffer, a view, a Python buffer) its caller
    has checked."""
    if isinstance(data, JsBufferSource):
        return data.to_bytes()
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    # not reached: each caller has checked the argument first, as jsg converts it (its own text)
    raise TypeError(type(data).__name__)


def _iterate(init: Any) -> Iterable[Any]:
    """The items of an iterable or array-like argument (a JS Array, a Python list's PyProxy)."""
    if isinstance(init, JsTypedArray):
        return init.numbers()
    items = getattr(init, "_items", None)
    if isinstance(items, list):  # a JsArray
        return items
    try:
        return list(init)
    except TypeError:
        return []


def _new_typed_array(name: str, init: Any = None, byte_offset: Any = None, length: Any = None) -> JsTypedArray:
    """``new <name>(init, byteOffset, length)`` as V8 builds it."""
    size = struct.calcsize(_FORMATS[name])
    if isinstance(init, JsBuffer):  # a view of that ArrayBuffer (a Python buffer is not one)
        buffer = init
        offset = 0 if byte_offset is None else _index(byte_offset)
        if offset < 0:
            raise _range_error(f"Start offset {offset} is outside the bounds of the buffer")
        if offset % size:
            raise _range_error(f"start offset of {name} should be a multiple of {size}")
        if length is None:
            if buffer.byteLength % size:
                raise _range_error(f"byte length of {name} should be a multiple of {size}")
            if offset > buffer.byteLength:
                raise _range_error(f"Start offset {offset} is outside the bounds of the buffer")
            return JsTypedArray(name, buffer=buffer, offset=offset)
        count = _index(length)
        if count < 0 or offset + count * size > buffer.byteLength:
            raise _range_error(f"Invalid typed array length: {count}")
        return JsTypedArray(name, buffer=buffer, offset=offset, length=count)
    if init is None or isinstance(init, (bool, int, float, str)):  # a length
        count = _index(0 if init is None else init)
        if count < 0 or count > 2**32:
            shown = js_string(float(init)) if isinstance(init, float) else count  # Infinity as such
            raise _range_error(f"Invalid typed array length: {shown}")
        return JsTypedArray(name, buffer=JsBuffer(bytes(count * size)), offset=0, length=count)
    if isinstance(init, JsTypedArray) and (init._format in "qQ") != (name.startswith("Big")):
        raise js_type_error("Cannot mix BigInt and other types, use explicit conversions")
    if isinstance(init, JsDataView):  # an object without a length: no elements
        return JsTypedArray(name, ())
    return JsTypedArray(name, _iterate(init))


def typed_array_class(name: str) -> SimpleNamespace:
    """``js.<name>``: ``new``, ``of``, ``from``, ``BYTES_PER_ELEMENT``, ``name``."""

    def new(init: Any = None, byteOffset: Any = None, length: Any = None) -> JsTypedArray:  # noqa: N803 - JS name
        return _new_typed_array(name, init, byteOffset, length)

    def of(*items: Any) -> JsTypedArray:
        return JsTypedArray(name, items)

    def from_(source: Any, map_fn: Callable[..., Any] | None = None, *this_arg: Any) -> JsTypedArray:
        from workers_env.runtime.jsfunctions import call_relaxed

        items = list(_iterate(source))
        if map_fn is not None:
            map_fn = with_this(map_fn, this_arg)  # ``Uint8Array.from(items, f, thisArg)``
            items = [call_relaxed(map_fn, v, i) for i, v in enumerate(items)]
        return JsTypedArray(name, items)

    # ``from`` is a Python keyword: Pyodide reads ``X.from_`` as ``X.from``
    return SimpleNamespace(new=new, of=of, name=name, BYTES_PER_ELEMENT=struct.calcsize(_FORMATS[name]),
                           from_=from_, **{"from": from_})


def array_buffer_class() -> SimpleNamespace:
    """``js.ArrayBuffer``: ``new(byteLength)`` (zeros) and ``isView``; a resizable one
    (``new ArrayBuffer(length, {maxByteLength})``) is refused, never made fixed-length."""

    def new(length: Any = 0, options: Any = None) -> JsBuffer:
        count = _index(length)
        if count < 0 or count > 2**32:
            raise _range_error("Invalid array buffer length")
        if isinstance(options, JsProxy) and getattr(options, "maxByteLength", None) is not None:
            raise NotEmulatedError("new ArrayBuffer(length, {maxByteLength}), a resizable ArrayBuffer, is not "
                                   "emulated by workers-env; new ArrayBuffer(length) is")
        return JsBuffer(bytes(count))

    def is_view(value: Any) -> bool:
        return isinstance(value, (JsTypedArray, JsDataView))

    return SimpleNamespace(new=new, isView=is_view, name="ArrayBuffer")


def data_view_class() -> SimpleNamespace:
    """``js.DataView``: ``new(buffer, byteOffset, byteLength)``."""

    def new(buffer: Any = None, byteOffset: Any = None, byteLength: Any = None) -> JsDataView:  # noqa: N803 - JS names
        if not isinstance(buffer, JsBuffer):
            raise js_type_error("First argument to DataView constructor must be an ArrayBuffer")
        offset = 0 if byteOffset is None else _index(byteOffset)
        if offset < 0 or offset > buffer.byteLength:
            raise _range_error(f"Start offset {offset} is outside the bounds of the buffer")
        count = buffer.byteLength - offset if byteLength is None else _index(byteLength)
        if count < 0 or offset + count > buffer.byteLength:
            raise _range_error(f"Invalid DataView length {count}")
        return JsDataView(buffer, offset, count)

    return SimpleNamespace(new=new, name="DataView")
