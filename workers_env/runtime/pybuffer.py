"""``create_proxy(obj).getBuffer()``: the ``PyBuffer`` Pyodide's PyProxy gives for an object with
the buffer protocol (``bytes``, ``bytearray``, ``memoryview``, an ``array.array``, a ctypes array).

The SDKs' ``asgi.acquire_js_buffer`` -- which Workers that vendor the ASGI bridge copy -- hands a
response body's bytes to JavaScript so: ``create_proxy(body).getBuffer()``, then ``.data`` and
``.release()``. As Pyodide's (pyproxy.ts ``getBuffer``, pyproxy.c ``_pyproxy_get_buffer``),
``data`` views the object's own memory -- from the lowest to the highest byte any item touches,
so a strided buffer's gaps too -- and the object's buffer stays exported (a ``bytearray``
cannot grow) until ``release()``. After ``release()`` the data keeps the bytes it then held: in
Pyodide it still views memory the object may have freed. A strided buffer of an exporter that is
not a flat bytes-like object (a strided numpy array) gives a copy of its span, never a view made
from a raw address.
"""

from __future__ import annotations

import ctypes
from typing import Any

from workers_env._errors import JsException
from workers_env._sentvalues import buffer_format_array
from workers_env.runtime.current import pyodide_028
from workers_env.runtime.jsbuffers import JsBuffer, JsDataView, JsTypedArray
from workers_env.runtime.jsproxy import JsArray

__all__ = ["PyBuffer", "get_buffer", "has_buffer"]

#: ``getBuffer(type)``'s names -> the view asked for instead of the format's (pyproxy.ts ``type_to_array_map``)
_TYPES = {"i8": "Int8Array", "u8": "Uint8Array", "u8clamped": "Uint8ClampedArray", "i16": "Int16Array",
          "u16": "Uint16Array", "i32": "Int32Array", "u32": "Uint32Array", "i64": "BigInt64Array",
          "u64": "BigUint64Array", "f32": "Float32Array", "f64": "Float64Array", "dataview": "DataView"}

#: pyproxy.ts's texts (0.26 spells it "Javascript")
_SUFFIX = " In this case, you can pass an explicit type argument."
_BIG_ENDIAN = ("{} has no native support for big endian buffers. In this case, you can pass an explicit type "
               "argument. For instance, `getBuffer('dataview')` will return a `DataView`which has native support for "
               "reading big endian data. Alternatively, toJs will automatically convert the buffer to little endian.")


class _Py_buffer(ctypes.Structure):  # noqa: N801 - CPython's name
    """CPython's ``Py_buffer`` (stable since 3.11): only ``buf`` is read, for an address."""

    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.c_void_p), ("len", ctypes.c_ssize_t),
                ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p), ("shape", ctypes.c_void_p), ("strides", ctypes.c_void_p),
                ("suboffsets", ctypes.c_void_p), ("internal", ctypes.c_void_p)]


_PyBUF_RECORDS_RO = 0x1C  # PyBUF_STRIDES | PyBUF_FORMAT, as pyproxy.c asks
_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(_Py_buffer), ctypes.c_int]
_get_buffer.restype = ctypes.c_int
_release_buffer = ctypes.pythonapi.PyBuffer_Release
_release_buffer.argtypes = [ctypes.POINTER(_Py_buffer)]
_release_buffer.restype = None


def _address(view: memoryview) -> int:
    """Where ``view``'s first item lies in memory (its ``Py_buffer.buf``)."""
    raw = _Py_buffer()
    _get_buffer(view, ctypes.byref(raw), _PyBUF_RECORDS_RO)
    try:
        return raw.buf or 0
    finally:
        _release_buffer(ctypes.byref(raw))


def has_buffer(obj: Any) -> bool:
    """Whether ``obj`` supports the buffer protocol (its PyProxy then has ``getBuffer``)."""
    try:
        memoryview(obj).release()
    except TypeError:
        return False
    return True


class _HeapBuffer(JsBuffer):
    """The ``ArrayBuffer`` under a ``PyBuffer``'s data: the object's bytes themselves (Pyodide's
    WASM heap), kept exported while it views them."""

    __slots__ = ("_keep",)

    def __init__(self, span: memoryview, keep: memoryview):
        self._bytes = span  # type: ignore[assignment]  # a view, not a bytearray
        self._keep = keep  # what holds the object's memory for a view made from its address

    def let_go(self) -> None:
        """``release()``: from now on a copy of the bytes viewed, and the object's buffer freed."""
        span: memoryview = self._bytes  # type: ignore[assignment]  # a view until now
        self._bytes = bytearray(span) if not span.readonly else memoryview(bytes(span))  # type: ignore[assignment]
        for view in (span, self._keep):
            try:
                view.release()
            except BufferError:  # a view of it still in use: freed with it
                pass


def _span(view: memoryview, smallest: int, largest: int) -> memoryview:
    """The bytes from ``smallest`` to ``largest`` (addresses) of the memory ``view`` reads."""
    if view.c_contiguous:
        return view.cast("B")
    base = view.obj
    try:
        whole = memoryview(base).cast("B")  # a strided view of a flat object (bytes, bytearray...)
        at = _address(whole)
    except (TypeError, ValueError, BufferError):
        whole, at = None, 0
    if whole is not None and at <= smallest and largest <= at + whole.nbytes:
        span = whole[smallest - at : largest - at]
        return span.toreadonly() if view.readonly else span
    # another exporter's strided memory (a strided numpy array): a copy of its span, read while
    # ``view`` keeps it exported -- a view made from the raw address could outlive the memory
    span = memoryview(bytearray(ctypes.string_at(smallest, largest - smallest)))
    return span.toreadonly() if view.readonly else span


class PyBuffer:
    """Pyodide's ``PyBufferView``: the buffer's shape and ``data``, a view of its memory. As in
    Pyodide, ``readonly`` and the ``*_contiguous`` flags are the numbers 1 and 0, and ``strides``
    count the data's items (halves when a ``u8`` buffer is read as ``i16``)."""

    def __init__(self, view: memoryview, kind: str | None):
        if kind is None:
            kind, big_endian = buffer_format_array(view.format, _SUFFIX)
        else:
            big_endian = False
        size = int("".join(c for c in kind if c.isdigit()) or 8) // 8  # pyproxy.ts's alignment
        if big_endian and size > 1:
            raise JsException(_BIG_ENDIAN.format("JavaScript" if pyodide_028() else "Javascript"))
        start = smallest = largest = _address(view)
        shape, strides = list(view.shape or ()), list(view.strides or ())
        if not shape or view.nbytes:  # pyproxy.c: the lowest and highest byte an item touches (0-d: its one)
            for extent, stride in zip(shape, strides):
                if stride > 0:
                    largest += stride * (extent - 1)
                else:
                    smallest += stride * (extent - 1)
            largest += view.itemsize
        nbytes = largest - smallest
        if nbytes and (start % size or smallest % size or largest % size):
            raise JsException(f"Buffer does not have valid alignment for a {kind}")
        self._heap: _HeapBuffer | None = None
        if nbytes:
            self._heap = _HeapBuffer(_span(view, smallest, largest), view)
            buffer: JsBuffer = self._heap
        else:
            buffer = JsBuffer()
        self.data: Any = (JsDataView(buffer, 0, nbytes) if kind == "DataView"
                          else JsTypedArray(kind, buffer=buffer, length=nbytes // size))
        self.offset = (start - smallest) // size
        self.readonly = int(view.readonly)
        self.format = view.format
        self.itemsize = view.itemsize
        self.ndim = view.ndim
        self.nbytes = nbytes
        self.shape = JsArray(shape)
        self.strides = JsArray([stride // size if stride % size == 0 else stride / size for stride in strides])
        self.c_contiguous = int(view.c_contiguous)
        self.f_contiguous = int(view.f_contiguous)
        self._view: memoryview | None = view
        if self._heap is None:
            self.release()

    def release(self) -> None:
        """Let the buffer go (the object may then grow or be freed; a second call does nothing)."""
        heap, view = self._heap, self._view
        self._heap = self._view = None
        if heap is not None:
            heap.let_go()
        elif view is not None:
            view.release()


def get_buffer(obj: Any, kind: Any = None) -> PyBuffer:
    """``getBuffer(kind)`` of a PyProxy of ``obj``: its ``PyBuffer``, ``data`` of the format's typed
    array or of ``kind``'s (``"u8"``, ``"i64"``, ``"dataview"``...); an empty ``kind`` is none."""
    array = None
    if kind is not None and kind != "":  # pyproxy.ts: ``if (type)``
        array = _TYPES.get(str(kind))
        if array is None:
            raise JsException(f"Unknown type {kind}", name="Error")
    view = memoryview(obj)
    try:
        return PyBuffer(view, array)
    except BaseException:
        view.release()
        raise
