"""``create_proxy(obj).getBuffer(kind)`` of buffers with a shape, steps or a misaligned span: one
source, run by real Pyodide (``tools/pyodide/getbuffer_probe.mjs``) and by a Worker under
workers-env (``test_runtime_create_proxy_get_buffer.py``), so both sides answer the same cases."""

import array
import json

from pyodide.ffi import create_proxy

CASES = {
    "2d": (memoryview(b"abcdef").cast("B", (2, 3)), None),
    "2d-i": (memoryview(array.array("i", range(6))).cast("B").cast("i", (3, 2)), None),
    "step2": (memoryview(b"abcdef")[::2], None),
    "rev": (memoryview(b"abcdef")[::-1], None),
    "step2-i": (memoryview(array.array("i", range(6)))[1::2], None),
    "rev-h": (memoryview(array.array("h", range(4)))[::-1], None),
    "scalar": (memoryview(array.array("i", [7])).cast("B").cast("i", ()), None),
    "empty-2d": (memoryview(b"abcdef").cast("B", (2, 3))[0:0], None),
    "middle": (memoryview(b"abcdef")[2:4], None),
    "native-i": (memoryview(bytearray(b"abcdefgh")).cast("@i"), None),
    "u8clamped": (b"hi", "u8clamped"),
    "u16": (b"abcd", "u16"),
    "odd-u16": (b"abc", "u16"),
    "rev-u16": (memoryview(b"abcdef")[::-1], "u16"),
    "step3-u16": (memoryview(b"abcdefgh")[1::3], "u16"),
    "middle-u16": (memoryview(b"abcdef")[1:5], "u16"),
    "bytearray-u32": (memoryview(bytearray(b"abcdefgh"))[2:6], "u32"),
    "array-u32": (memoryview(array.array("h", range(6)))[1:5], "u32"),
}


def answers() -> str:
    """Each case's buffer as JSON: its data's array and items, nbytes, shape, strides, offset and
    contiguity, or the error getBuffer raised."""
    out = {}
    for name, (obj, kind) in CASES.items():
        px = create_proxy(obj)
        try:
            buf = px.getBuffer() if kind is None else px.getBuffer(kind)
            out[name] = [buf.data.constructor.name, list(buf.data.to_py()), buf.nbytes, list(buf.shape),
                         list(buf.strides), buf.offset, buf.c_contiguous, buf.f_contiguous]
            buf.release()
        except Exception as e:  # noqa: BLE001 - the error is the answer
            out[name] = f"{type(e).__name__}: {e}"
        finally:
            px.destroy()
    return json.dumps(out)
