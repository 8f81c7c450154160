"""A reader of a JavaScript ``TransformStream`` (or a ``new ReadableStream(source)``) gets each
chunk as it was written, as workerd's JavaScript streams pass values on (only a whole read of
the body and the body pump need bytes: standard.c++ ``AllReader``): Python sees a ``str`` for a
string, an ``int``/``float`` for a number (a whole float an ``int``, as Pyodide converts a JS
number), ``None`` for ``undefined``, and a ``Uint8Array`` for a buffer; a tee's branches get the
same values. A whole read (``Response(readable).text()``) still fails with workerd's ``This
ReadableStream did not return bytes.``, and a Python ``bytes`` written unconverted (a PyProxy)
still fails the read with it (the whole read through ``workers.Response`` is Pyodide 0.28's
``AbortError`` of the message). workers-env's reader failed on every value that was not a buffer."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Object, ReadableStream, TransformStream, Uint8Array
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

async def outcome(awaitable):
    try:
        return await awaitable
    except Exception as exc:
        return str(exc)

def described(value):
    if isinstance(value, (str, int, float, type(None))):
        return [type(value).__name__, value]
    return ["Uint8Array", value.length]

async def write_all(writer, chunks):
    for chunk in chunks:
        await writer.write(chunk)
    await writer.close()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        writing = asyncio.ensure_future(write_all(writer, ["hi", 7, 2.5, 3.0, None, Uint8Array.new(4)]))
        reader = stream.readable.getReader()
        while not (read := await reader.read()).done:
            out.append(described(read.value))
        await writing
        stream = TransformStream.new()
        writing = asyncio.ensure_future(write_all(stream.writable.getWriter(), ["a", 1]))
        first, second = stream.readable.tee()
        one, two = first.getReader(), second.getReader()
        out.append([described((await one.read()).value), described((await two.read()).value),
                    described((await one.read()).value), described((await two.read()).value)])
        await writing
        def start(controller):
            controller.enqueue("text")
            controller.close()
        source = ReadableStream.new(to_js({"start": start}, dict_converter=Object.fromEntries))
        out.append(described((await source.getReader().read()).value))
        stream = TransformStream.new()
        writing = asyncio.ensure_future(write_all(stream.writable.getWriter(), ["whole"]))
        out.append(await outcome(Response(stream.readable).text()))
        await outcome(writing)
        stream = TransformStream.new()
        writing = asyncio.ensure_future(outcome(stream.writable.getWriter().write(b"raw")))
        out.append(await outcome(stream.readable.getReader().read()))
        return Response.json(out)
"""

NOT_BYTES = "TypeError: This ReadableStream did not return bytes."


def test_a_reader_gets_the_values_written_and_a_whole_read_still_needs_bytes(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/") == [
        ["str", "hi"], ["int", 7], ["float", 2.5], ["int", 3], ["NoneType", None], ["Uint8Array", 4],
        [["str", "a"], ["str", "a"], ["int", 1], ["int", 1]],
        ["str", "text"],
        # the workers.Response's text() on Pyodide 0.28 is pyodide.http.AbortError of the JS error's message
        # (_abort_on_cancel); the reader's read() is the JS error itself
        NOT_BYTES.removeprefix("TypeError: "), NOT_BYTES]
