"""``create_proxy(obj).getBuffer()``: a bytes-like object's PyProxy gives Pyodide's ``PyBuffer``.

The SDKs' ASGI bridge hands a response body to JavaScript with ``create_proxy(body).getBuffer()``
and its ``.data``; a Worker that vendors that bridge (a public FastAPI Worker does) answered every
request with ``AttributeError: getBuffer`` here. The expected values are real Pyodide 0.28.2's
(npm, under Node): each format's typed array, ``readonly``/``c_contiguous`` as the numbers 1 and
0, strides in items, ``getBuffer("i8")`` choosing the array, ``Unknown type`` for another name,
and no ``getBuffer`` on an object without the buffer protocol. A buffer with a shape or steps
(``m[::2]``, ``m[::-1]``, a 2-D cast) is laid out as Pyodide lays it out (``data`` from its lowest
item to its highest, gaps included, read through ``offset`` and ``strides``; a span not aligned for
the typed array refused): ``tools/pyodide/getbuffer_probe.mjs``, the same 18 answers on 0.26.0a4,
0.28.2 and 314.0.6 (audit24: before, ``data`` held the items alone in index order, so ``offset``
and ``strides`` pointed past it, and a misaligned span was read as if aligned).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import array
    from pyodide.ffi import create_proxy
    from workers import Response, WorkerEntrypoint

    CASES = [(b"hi", None), (bytearray(b"ab"), None), (array.array("i", [1, 2]), None),
             (array.array("d", [1.5]), None), (b"hi", "i8"), (b"hi", "bogus"), (object(), None)]

    def look(obj, kind):
        px = create_proxy(obj)
        try:
            buf = px.getBuffer() if kind is None else px.getBuffer(kind)
            out = [buf.data.constructor.name, list(buf.data.to_py()), buf.readonly, buf.format, buf.itemsize,
                   buf.ndim, buf.nbytes, list(buf.shape), list(buf.strides), buf.c_contiguous, buf.offset]
            buf.release()
            buf.release()
            return out
        except Exception as e:
            return f"{type(e).__name__}: {e}"
        finally:
            px.destroy()

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/body"):  # as the SDK's asgi.acquire_js_buffer hands a body over
                px = create_proxy(b"hello")
                buf = px.getBuffer()
                px.destroy()
                try:
                    return Response(buf.data)
                finally:
                    buf.release()
            return Response.json([look(obj, kind) for obj, kind in CASES])
"""


@pytest.mark.asyncio
async def test_get_buffer_is_pyodides(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    response = await worker.fetch("/")
    assert await response.json() == [
        ["Uint8Array", [104, 105], 1, "B", 1, 1, 2, [2], [1], 1, 0],
        ["Uint8Array", [97, 98], 0, "B", 1, 1, 2, [2], [1], 1, 0],
        ["Int32Array", [1, 2], 0, "i", 4, 1, 8, [2], [1], 1, 0],
        ["Float64Array", [1.5], 0, "d", 8, 1, 8, [1], [1], 1, 0],
        ["Int8Array", [104, 105], 1, "B", 1, 1, 2, [2], [1], 1, 0],
        "JsException: Error: Unknown type bogus",
        "AttributeError: getBuffer",
    ]


@pytest.mark.asyncio
async def test_a_body_handed_over_as_the_sdks_bridge_does(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    response = await worker.fetch("/body")
    assert (response.status, await response.text()) == (200, "hello")


SHAPED_ENTRY = """\
    import array, json
    from pyodide.ffi import create_proxy
    from workers import Response, WorkerEntrypoint

    import getbuffer_cases

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/q"):
                try:
                    create_proxy(array.array("q", [1])).getBuffer()
                except Exception as e:
                    return Response(f"{type(e).__name__}: {e}")
            return Response(getbuffer_cases.answers())
"""

#: real Pyodide's answers (tools/pyodide/getbuffer_probe.mjs: 0.26.0a4, 0.28.2, 314.0.6 alike)
SHAPED = {
    '2d': ['Uint8Array', [97, 98, 99, 100, 101, 102], 6, [2, 3], [3, 1], 0, 1, 0],
    '2d-i': ['Int32Array', [0, 1, 2, 3, 4, 5], 24, [3, 2], [2, 1], 0, 1, 0],
    'step2': ['Uint8Array', [97, 98, 99, 100, 101], 5, [3], [2], 0, 0, 0],
    'rev': ['Uint8Array', [97, 98, 99, 100, 101, 102], 6, [6], [-1], 5, 0, 0],
    'step2-i': ['Int32Array', [1, 2, 3, 4, 5], 20, [3], [2], 0, 0, 0],
    'rev-h': ['Int16Array', [0, 1, 2, 3], 8, [4], [-1], 3, 0, 0],
    'scalar': ['Int32Array', [7], 4, [], [], 0, 1, 1],
    'empty-2d': ['Uint8Array', [], 0, [0, 3], [3, 1], 0, 1, 1],
    'middle': ['Uint8Array', [99, 100], 2, [2], [1], 0, 1, 1],
    'native-i': ['Int32Array', [1684234849, 1751606885], 8, [2], [1], 0, 1, 1],
    'u8clamped': ['Uint8ClampedArray', [104, 105], 2, [2], [1], 0, 1, 1],
    'u16': ['Uint16Array', [25185, 25699], 4, [4], [0.5], 0, 1, 1],
    'odd-u16': 'JsException: Error: Buffer does not have valid alignment for a Uint16Array',
    'rev-u16': 'JsException: Error: Buffer does not have valid alignment for a Uint16Array',
    'step3-u16': 'JsException: Error: Buffer does not have valid alignment for a Uint16Array',
    'middle-u16': 'JsException: Error: Buffer does not have valid alignment for a Uint16Array',
    'bytearray-u32': 'JsException: Error: Buffer does not have valid alignment for a Uint32Array',
    'array-u32': 'JsException: Error: Buffer does not have valid alignment for a Uint32Array',
}


@pytest.mark.asyncio
async def test_a_shaped_or_stepped_buffer_is_laid_out_as_pyodide_lays_it_out(tmp_path):
    folder = one_file_worker(tmp_path, SHAPED_ENTRY)
    shutil.copy(Path(__file__).with_name("getbuffer_cases.py"), folder / "src")  # the probe's cases
    assert await (await load_worker(folder).fetch("/")).json() == SHAPED
