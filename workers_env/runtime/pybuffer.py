"""``create_proxy(obj).getBuffer()``: the ``PyBuffer`` Pyodide's PyProxy gives for an object with
the buffer protocol (``bytes``, ``bytearray``, ``memoryview``, an ``array.array``).

The SDKs' ``asgi.acquire_js_buffer`` -- which Workers that vendor the ASGI bridge copy -- hands a
response body's bytes to JavaScript so: ``create_proxy(body).getBuffer()``, then ``.data`` (a
typed array of the format's kind) and ``.release()``. Pyodide's ``data`` views the WASM heap;
here it is a copy, which a Worker cannot tell from a view of an immutable ``bytes``.
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import JsException, NotEmulatedError
from workers_env.runtime.jsbuffers import JsBuffer, JsTypedArray
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
    Pyodide 0.28.2, ``readonly`` and the ``*_contiguous`` flags are the numbers 1 and 0, and
    ``strides`` count items, not bytes."""

    def __init__(self, view: memoryview, array: str):
        self.offset = 0
        self.readonly = int(view.readonly)
        self.format = view.format
        self.itemsize = view.itemsize
        self.ndim = view.ndim
        self.nbytes = view.nbytes
        self.shape = JsArray(list(view.shape or ()))
        self.strides = JsArray([stride // view.itemsize for stride in view.strides or ()])
        self.c_contiguous = int(view.c_contiguous)
        self.f_contiguous = int(view.f_contiguous)
        raw = view.tobytes()
        self.data = JsTypedArray(array, buffer=JsBuffer(raw))
        self._released = False

    def release(self) -> None:
        """Let the buffer go (Pyodide: the object may then be freed; a second call does nothing)."""
        self._released = True


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
