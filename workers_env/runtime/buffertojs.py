"""``to_js`` of a buffer (a ``memoryview``, an ``array.array``, a numpy array, any object with
the buffer protocol) in one step: the typed array Pyodide makes of it, built from a copy of the
buffer's bytes rather than from the list of its numbers (runtime/jsconvert.py's general path,
``_sentvalues.to_js``, which 1e6 float64s took a second to go through).

Pyodide's conversion (python2js_buffer.js) names the typed array after the buffer's format
character (``processBufferFormatString``: ``'b'`` ``Int8Array``, ``'d'`` ``Float64Array``, ...),
copies each last dimension's bytes as they are into an ``ArrayBuffer`` of its own
(``python2js_buffer_1d_contiguous``/``_noncontiguous``) and nests the rows of more dimensions in
Arrays. Here the bytes are the buffer's as ``tobytes()`` gives them (C order, strides followed),
so only a buffer whose items are the typed array's elements as they are -- little-endian, of
the element's size on this host -- takes this path: anything else (booleans, which are an Array
of them, float16's error, an unknown format, a ``'l'`` of 8 bytes on a 64-bit host, a
big-endian buffer) is the general path's, as before.
"""

from __future__ import annotations

import sys
from typing import Any

from workers_env.runtime.jsbuffers import JsBuffer, JsTypedArray
from workers_env.runtime.jsproxy import JsArray

__all__ = ["buffer_in_one_step"]

#: a format character's typed array and its element size (python2js_buffer.js ``processBufferFormatString``)
_FORMAT_ARRAYS = {
    "b": ("Int8Array", 1), "B": ("Uint8Array", 1), "c": ("Uint8Array", 1), "h": ("Int16Array", 2),
    "H": ("Uint16Array", 2), "i": ("Int32Array", 4), "l": ("Int32Array", 4), "I": ("Uint32Array", 4),
    "L": ("Uint32Array", 4), "q": ("BigInt64Array", 8), "Q": ("BigUint64Array", 8), "f": ("Float32Array", 4),
    "d": ("Float64Array", 8),
}
#: a numpy dtype's ``(kind, itemsize)``'s typed array (the general path reads numpy arrays so)
_NUMPY_ARRAYS = {
    ("i", 1): "Int8Array", ("u", 1): "Uint8Array", ("i", 2): "Int16Array", ("u", 2): "Uint16Array",
    ("i", 4): "Int32Array", ("u", 4): "Uint32Array", ("i", 8): "BigInt64Array", ("u", 8): "BigUint64Array",
    ("f", 4): "Float32Array", ("f", 8): "Float64Array",
}
#: the byte orders of a format (or numpy dtype) whose bytes are little-endian on this host
_LITTLE = ("", "@", "=", "<", "|") if sys.byteorder == "little" else ("<",)


def buffer_in_one_step(value: Any) -> Any:
    """The typed array (nested in Arrays for more than one dimension) Pyodide's ``to_js``
    makes of ``value``'s buffer, or ``None`` when the general path is to make it."""
    np = sys.modules.get("numpy")  # (no value is a numpy array before numpy is loaded)
    if np is not None and isinstance(value, np.ndarray):
        dtype = value.dtype
        name = _NUMPY_ARRAYS.get((dtype.kind, dtype.itemsize))
        if name is None or dtype.byteorder not in _LITTLE:
            return None
        # ndarray's own tobytes: the bytes its buffer holds (a masked array's fills its masked items)
        return _nested(name, dtype.itemsize, np.ndarray.tobytes(value), value.shape or (1,))
    try:
        view = memoryview(value)
    except TypeError:
        return None
    with view:
        fmt = view.format
        made = _FORMAT_ARRAYS.get(fmt[-1:])
        if made is None or fmt[:-1] not in _LITTLE or view.itemsize != made[1]:
            return None
        return _nested(made[0], made[1], view.tobytes(), view.shape or (1,))


def _nested(name: str, size: int, data: bytes, shape: tuple[int, ...]) -> Any:
    """``data`` (C order) as ``shape``: a typed array of its own buffer per last dimension."""
    if len(shape) <= 1:
        return JsTypedArray(name, buffer=JsBuffer(data), length=len(data) // size)
    step = len(data) // shape[0] if shape[0] else 0
    return JsArray([_nested(name, size, data[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])])
