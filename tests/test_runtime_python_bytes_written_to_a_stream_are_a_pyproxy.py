"""A Python ``bytes`` (or ``bytearray``/``memoryview``) that Worker code writes to a stream
unconverted reaches JavaScript as a PyProxy: Pyodide converts only ``int``, ``float``, ``str``,
``bool`` and ``None`` implicitly (its type-conversions docs), and neither SDK wraps
``js.TransformStream`` & co. So the writable of workerd's internal streams
(``IdentityTransformStream``, ``FixedLengthStream``, a ``TransformStream`` before 2022-11-30)
refuses it with its ``TypeError`` and console warning (internal.c++
``WritableStreamInternalController::write``), and a JavaScript ``TransformStream`` (or a
``ReadableStream`` whose source enqueues one) passes it on, to fail the body with ``This
ReadableStream did not return bytes.``. workers-env took the bytes as bytes. workerd's texts
stay exact; a note on the exception says to write ``to_js(data)``. Both SDK eras alike."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, ReadableStream, TransformStream, Object, Response as JsResponse
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def failure(exc):
    return [str(exc), getattr(exc, "__notes__", [])]

async def refused(make):
    out = []
    for data in (b"abc", bytearray(b"abc"), memoryview(b"abc")):
        writer = make().writable.getWriter()
        try:
            await writer.write(data)
            out.append("written")
        except Exception as exc:
            out.append(failure(exc))
    stream = make()
    writer = stream.writable.getWriter()
    writing = asyncio.ensure_future(writer.write(to_js(b"abc")))  # a Uint8Array: written
    out.append(bytes((await stream.readable.getReader().read()).value.to_bytes()).decode())
    await writing
    return out

async def body_of(stream, produce):
    task = asyncio.ensure_future(produce())
    try:
        return await JsResponse.new(stream.readable).text()
    except Exception as exc:
        return failure(exc)
    finally:
        await task

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        what = request.url.rsplit("/", 1)[1]
        if what == "identity":
            return Response.json(await refused(IdentityTransformStream.new))
        if what == "fixed":
            return Response.json(await refused(lambda: FixedLengthStream.new(3)))
        if what == "transform":  # before 2022-11-30 an IdentityTransformStream, a JavaScript one after
            return Response.json(await refused(TransformStream.new))
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def produce():
            await writer.write(b"abc")  # passed on, as any value: the body fails instead
            await writer.close()

        out = [await body_of(stream, produce)]

        def start(controller):
            controller.enqueue(b"abc")
            controller.close()

        source = ReadableStream.new(to_js({"start": start}, dict_converter=Object.fromEntries))
        try:
            out.append(await JsResponse.new(source).text())
        except Exception as exc:
            out.append(failure(exc))
        return Response.json(out)
"""

NOT_A_BYTE_CHUNK = ("TypeError: This TransformStream is being used as a byte stream, but received an object of "
                    "non-ArrayBuffer/ArrayBufferView type on its writable side.")
NOT_BYTES = "TypeError: This ReadableStream did not return bytes."


def note(kind: str) -> list[str]:
    return [f"workers-env: a Python {kind} reaches JavaScript as a PyProxy, not a Uint8Array (Pyodide converts only "
            "int, float, str, bool and None); write to_js(data) (from pyodide.ffi), which is one"]


REFUSED = [[NOT_A_BYTE_CHUNK, note("bytes")], [NOT_A_BYTE_CHUNK, note("bytearray")],
           [NOT_A_BYTE_CHUNK, note("memoryview")], "abc"]

#: the built-in SDK's era and the external SDK's (the SDKs convert nothing on this path)
ERAS = ["2025-10-01", "2026-05-01"]


@pytest.mark.parametrize("date", ERAS)
@pytest.mark.parametrize("path", ["/identity", "/fixed"])
def test_an_internal_streams_writable_refuses_a_python_buffer_with_workerds_type_error(tmp_path, caplog, date, path):
    caplog.set_level(logging.WARNING)
    assert json_answer(one_file_worker(tmp_path, ENTRY, date=date), path) == REFUSED
    warned = [r.getMessage() for r in caplog.records if r.name == "workers_env.runtime"]
    assert warned == [NOT_A_BYTE_CHUNK.removeprefix("TypeError: ")] * 3  # throwTypeErrorAndConsoleWarn


def test_an_old_transform_stream_is_a_byte_stream_that_refuses_it_too(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2022-11-29", flags=("python_no_global_handlers",))
    assert json_answer(folder, "/transform") == REFUSED


@pytest.mark.parametrize("date", ERAS)
def test_a_javascript_stream_passes_it_on_and_the_body_fails(tmp_path, date):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/standard") == [
        [NOT_BYTES, note("bytes")], [NOT_BYTES, note("bytes")],
    ]
