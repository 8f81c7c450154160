"""``create_proxy(obj).getBuffer()``: a bytes-like object's PyProxy gives Pyodide's ``PyBuffer``.

The SDKs' ASGI bridge hands a response body to JavaScript with ``create_proxy(body).getBuffer()``
and its ``.data``; a Worker that vendors that bridge (a public FastAPI Worker does) answered every
request with ``AttributeError: getBuffer`` here. The expected values are real Pyodide 0.28.2's
(npm, under Node): each format's typed array, ``readonly``/``c_contiguous`` as the numbers 1 and
0, strides in items, ``getBuffer("i8")`` choosing the array, ``Unknown type`` for another name,
and no ``getBuffer`` on an object without the buffer protocol.
"""

from __future__ import annotations

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
