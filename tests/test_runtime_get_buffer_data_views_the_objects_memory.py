"""``create_proxy(obj).getBuffer(kind).data`` views the object's memory, as Pyodide's does.

Pyodide's ``data`` is a typed array over the WASM heap where the object keeps its bytes: a write
through it is seen by the object and a write to the object through it, a strided buffer's data
spans every byte from its lowest to its highest item (``offset`` where the first one is), and
the object's buffer stays exported until ``release()`` (a ``bytearray`` cannot grow). Formats
and kinds beyond ``B b h H i I f d`` read as its ``processBufferFormatString`` and
``type_to_array_map`` read them, with its error texts. workers-env gave a copy and refused the
other formats. Expected values: Pyodide 314.0.6, 0.28.2 and 0.26.0a4 under Node
(``tools/pyodide/pyodide_differential.py --groups get-buffer``).
"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

# Python 3.13 deprecates array's 'u' code, which one case uses on purpose (its buffer format 'w' is
# one Pyodide refuses); the warning is Python's own
pytestmark = pytest.mark.filterwarnings("ignore:The 'u' type code is deprecated:DeprecationWarning")

ENTRY = """\
    import array
    import ctypes
    from pyodide.ffi import create_proxy
    from workers import Response, WorkerEntrypoint

    def gb(obj, kind=None, then=None):
        px = create_proxy(obj)
        try:
            b = px.getBuffer() if kind is None else px.getBuffer(kind)
        except Exception as e:
            return f"{type(e).__name__}: {e}"
        finally:
            px.destroy()
        d = b.data
        name = d.constructor.name
        items = [d.getUint8(i) for i in range(d.byteLength)] if name == "DataView" else [x for x in d]
        out = [name, items, b.offset, b.nbytes, list(b.strides), b.readonly]
        if then is not None:
            out.append(then(obj, d))
        b.release()
        return out

    def both_ways(obj, d):
        d[0] = 122
        obj[1] = 121
        return [bytes(obj).decode(), list(d)]

    def ints(obj, d):
        d[1] = -7
        obj[0] = 9
        return [list(obj), list(d)]

    def strided(obj, d):
        d[0] = 88
        return [bytes(obj.obj).decode(), list(d)]

    def little(obj, d):
        d.setInt16(0, 258, True)
        return bytes(obj).decode("latin-1")

    def grows(b):
        try:
            b.append(99)
            return bytes(b).decode()
        except BufferError as e:
            return f"BufferError: {e}"

    def held():
        b = bytearray(b"ab")
        px = create_proxy(b)
        buf = px.getBuffer()
        px.destroy()
        d = buf.data
        out = [grows(b)]
        buf.release()
        out.append(grows(b))
        b[0] = 65  # after release the data keeps the bytes it held
        out.append(list(d))
        buf.release()
        return out

    def readonly():
        b = b"xy"
        px = create_proxy(b)
        buf = px.getBuffer()
        px.destroy()
        try:
            buf.data[0] = 1
            return bytes(b).decode()
        except Exception as e:
            return f"{type(e).__name__}: {e}"
        finally:
            buf.release()

    def cases():
        be = (ctypes.c_int32.__ctype_be__ * 2)(1, 2)
        return [
            gb(bytearray(b"abc"), None, both_ways),
            gb(array.array("i", [1, 2]), None, ints),
            gb(memoryview(bytearray(b"abcdef"))[::2], None, strided),
            gb(memoryview(bytes(range(10)))[::-2]),
            gb(bytearray(b"abcd"), "dataview", little),
            gb(array.array("q", [1, -2])),
            gb(bytes(range(8)), "i16"),
            gb(bytes(range(8)), "u64"),
            gb(memoryview(bytes(range(8))).cast("?")),
            gb(memoryview(bytes(range(8))).cast("c")),
            gb(bytes(range(8)), ""),
            gb(bytearray()),
            gb(memoryview(bytes(range(9)))[1:], "f64"),
            gb(memoryview(bytes(range(9)))[1:], "dataview"),
            gb(be),
            gb(be, "dataview"),
            gb(array.array("u", "ab")),
            held(),
            readonly(),
        ]

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json(cases())
"""

#: every era's answer (the big-endian text aside)
EXPECTED = [
    ["Uint8Array", [97, 98, 99], 0, 3, [1], 0, ["zyc", [122, 121, 99]]],
    ["Int32Array", [1, 2], 0, 8, [1], 0, [[9, -7], [9, -7]]],
    ["Uint8Array", [97, 98, 99, 100, 101], 0, 5, [2], 0, ["Xbcdef", [88, 98, 99, 100, 101]]],
    ["Uint8Array", [1, 2, 3, 4, 5, 6, 7, 8, 9], 8, 9, [-2], 1],
    ["DataView", [97, 98, 99, 100], 0, 4, [1], 0, "\x02\x01cd"],
    ["BigInt64Array", [1, -2], 0, 16, [1], 0],
    ["Int16Array", [256, 770, 1284, 1798], 0, 8, [0.5], 1],
    ["BigUint64Array", [506097522914230528], 0, 8, [0.125], 1],
    ["Uint8Array", [0, 1, 2, 3, 4, 5, 6, 7], 0, 8, [1], 1],
    ["Uint8Array", [0, 1, 2, 3, 4, 5, 6, 7], 0, 8, [1], 1],
    ["Uint8Array", [0, 1, 2, 3, 4, 5, 6, 7], 0, 8, [1], 1],
    ["Uint8Array", [], 0, 0, [1], 0],
    "JsException: Error: Buffer does not have valid alignment for a Float64Array",
    ["DataView", [1, 2, 3, 4, 5, 6, 7, 8], 0, 8, [1], 1],
    None,  # the big-endian refusal, per era
    ["DataView", [0, 0, 0, 1, 0, 0, 0, 2], 0, 8, [4], 0],
    "JsException: Error: Unrecognized format character 'w'. In this case, you can pass an explicit type argument.",
    ["BufferError: Existing exports of data: object cannot be re-sized", "abc", [97, 98]],
    "TypeError: cannot modify read-only memory",
]
BIG_ENDIAN = ("{} has no native support for big endian buffers. In this case, you can pass an explicit type argument. "
              "For instance, `getBuffer('dataview')` will return a `DataView`which has native support for reading big "
              "endian data. Alternatively, toJs will automatically convert the buffer to little endian.")


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "spelling"), [("2025-09-01", "Javascript"), ("2025-10-01", "JavaScript"),
                                                ("2026-09-08", "JavaScript")])
async def test_get_buffer_data_is_a_view_as_pyodides(tmp_path, date, spelling):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    got = await (await worker.fetch("/")).json()
    expected = list(EXPECTED)
    expected[14] = "JsException: Error: " + BIG_ENDIAN.format(spelling)
    assert got == expected


STRIDED_NUMPY = """\
    import numpy as np
    from pyodide.ffi import create_proxy
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            whole = np.arange(6, dtype=np.uint8).reshape(2, 3)
            px = create_proxy(whole[:, ::2])
            b = px.getBuffer()
            px.destroy()
            d = b.data
            seen = [list(d), b.offset, b.nbytes, list(b.shape), list(b.strides)]
            d[1] = 99  # a copy: the array keeps its byte
            seen.append(whole.tolist())
            b.release()
            return Response.json(seen)
"""


@pytest.mark.asyncio
async def test_a_strided_numpy_arrays_data_is_a_copy_of_its_whole_span(tmp_path):
    """Pyodide's data views the array's memory, gaps included; here the span's bytes (gaps too)
    are copied -- a view over another exporter's raw address could outlive its memory (README)."""
    (tmp_path / "requirements.txt").write_text("numpy\n")
    worker = load_worker(one_file_worker(tmp_path, STRIDED_NUMPY))
    got = await (await worker.fetch("/")).json()
    assert got == [[0, 1, 2, 3, 4, 5], 0, 6, [2, 2], [3, 2], [[0, 1, 2], [3, 4, 5]]]
