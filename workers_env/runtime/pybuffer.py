"""``create_proxy(obj).getBuffer()``: the ``PyBuffer`` Pyodide's PyProxy gives for an object with
the buffer protocol (``bytes``, ``bytearray``, ``memoryview``, an ``array.array``).

The SDKs' ``asgi.acquire_js_buffer`` -- which Workers that vendor the ASGI bridge copy -- hands a
response body's bytes to JavaScript so: ``create_proxy(body).getBuffer()``, then ``.data`` (a
typed array of the format's kind) and ``.release()``. Pyodide's ``data`` views the WASM heap;
here it is a copy, which a Worker cannot tell from a view of an immutable ``bytes``. As in
Pyodide, ``data`` holds the memory from the lowest to the highest item, in memory order: a view
with steps (``m[::2]``, ``m[::-1]``) is read through ``offset`` and ``strides``.
"""

from __future__ import annotations

import contextlib
import ctypes
import struct
from collections.abc import Iterator
from typing import Any

from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.jsbuffers import _FORMATS, JsBuffer, JsTypedArray
from workers_env.runtime.jsproxy import JsArray

__all__ = ["PyBuffer", "get_buffer", "has_buffer"]

#: a buffer's struct format -> the typed array Pyodide's ``data`` is (one-byte-and-standard-size kinds)
_ARRAYS = {"B": "Uint8Array", "b": "Int8Array", "h": "Int16Array", "H": "Uint16Array",
           "i": "Int32Array", "I": "Uint32Array", "f": "Float32Array", "d": "Float64Array"}

#: ``getBuffer(type)``'s names -> the typed array asked for instead of the format's
_TYPES = {"u8": "Uint8Array", "i8": "Int8Array", "u8clamped": "Uint8ClampedArray", "u16": "Uint16Array",
          "i16": "Int16Array", "u32": "Uint32Array", "i32": "Int32Array", "f32": "Float32Array",
          "f64": "Float64Array"}


def has_buffer(obj: Any) -> bool:
    """Whether ``obj`` supports the buffer protocol (its PyProxy then has ``getBuffer``)."""
    try:
        memoryview(obj).release()
    except TypeError:
        return False
    return True


class PyBuffer:
    """Pyodide's ``PyBuffer``: the buffer's shape and a typed array of its bytes (``data``). As in
    Pyodide 0.26.0a4, 0.28.2 and 314.0.6, ``readonly`` and the ``*_contiguous`` flags are the
    numbers 1 and 0; ``data`` spans the lowest to the highest item (``nbytes`` its bytes),
    ``offset`` is the first item's index in it, and ``offset`` and ``strides`` count elements of
    ``data`` (a half for a byte's stride in a ``Uint16Array``)."""

    def __init__(self, view: memoryview, array: str):
        size = struct.calcsize(_FORMATS[array])
        low, high = _reach(view)
        with _located(view) as first:  # the first item's address: alignment is the heap's
            if first % size or (first + low) % size or (high - low) % size:  # Pyodide's three checks
                raise JsException(f"Buffer does not have valid alignment for a {array}", name="Error")
            raw = ctypes.string_at(first + low, high - low) if high > low else b""
        self.offset = -low // size
        self.readonly = int(view.readonly)
        self.format = view.format
        self.itemsize = view.itemsize
        self.ndim = view.ndim
        self.nbytes = high - low
        self.shape = JsArray(list(view.shape or ()))
        self.strides = JsArray([stride // size if stride % size == 0 else stride / size
                                for stride in view.strides or ()])
        self.c_contiguous = int(view.c_contiguous)
        self.f_contiguous = int(view.f_contiguous)
        self.data = JsTypedArray(array, buffer=JsBuffer(raw))  # a copy of the span, gaps too
        self._released = False

    def release(self) -> None:
        """Let the buffer go (Pyodide: the object may then be freed; a second call does nothing)."""
        self._released = True


def _reach(view: memoryview) -> tuple[int, int]:
    """The byte offsets, from the first item, of the lowest item and past the highest one (Pyodide's
    ``smallest_ptr`` and ``largest_ptr``); ``(0, 0)`` for a buffer without items."""
    low, high = 0, view.itemsize
    for count, stride in zip(view.shape or (), view.strides or ()):
        if count == 0:
            return 0, 0
        if stride < 0:
            low += (count - 1) * stride
        else:
            high += (count - 1) * stride
    return low, high


class _PyBufferStruct(ctypes.Structure):
    """CPython's ``Py_buffer``: where a view's first item lies in memory (``buf``)."""

    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.c_void_p), ("len", ctypes.c_ssize_t),
                ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p), ("shape", ctypes.c_void_p), ("strides", ctypes.c_void_p),
                ("suboffsets", ctypes.c_void_p), ("internal", ctypes.c_void_p)]


_PYBUF_RECORDS_RO = 0x1C  # PyBUF_STRIDES | PyBUF_FORMAT: a strided buffer, read only
_GET_BUFFER = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.py_object, ctypes.POINTER(_PyBufferStruct), ctypes.c_int)(
    ("PyObject_GetBuffer", ctypes.pythonapi))
_RELEASE_BUFFER = ctypes.PYFUNCTYPE(None, ctypes.POINTER(_PyBufferStruct))(("PyBuffer_Release", ctypes.pythonapi))


@contextlib.contextmanager
def _located(view: memoryview) -> Iterator[int]:
    """The address of ``view``'s first item while it is held (Python gives a view's items, not
    where they lie: Pyodide's ``data`` holds the gaps of a stepped view too, and refuses a span
    not aligned for its typed array)."""
    buffer = _PyBufferStruct()
    _GET_BUFFER(view, ctypes.byref(buffer), _PYBUF_RECORDS_RO)  # a memoryview always has one (raises else)
    try:
        yield buffer.buf or 0
    finally:
        _RELEASE_BUFFER(ctypes.byref(buffer))


def get_buffer(obj: Any, kind: Any = None) -> PyBuffer:
    """``getBuffer(kind)`` of a PyProxy of ``obj``: its ``PyBuffer``, ``data`` of the format's typed
    array or of ``kind``'s (``"u8"``, ``"i32"``, ``"f64"``, ...)."""
    view = memoryview(obj)
    try:
        if kind is None:
            array = _ARRAYS.get(view.format.lstrip("@=<>!"))
            if array is None:
                raise NotEmulatedError(f"getBuffer() of a buffer of format {view.format!r}: workers-env "
                                       f"makes a typed array of formats {', '.join(_ARRAYS)} only")
        else:
            array = _TYPES.get(str(kind))
            if array is None:
                raise JsException(f"Unknown type {kind}", name="Error")
        return PyBuffer(view, array)
    finally:
        view.release()
