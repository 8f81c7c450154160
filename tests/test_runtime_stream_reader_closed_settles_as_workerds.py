"""``reader.closed`` of a stream still being written, as workerd settles it (each case checked under
wrangler dev, tools/wrangler/jsapi_differential.py): a JavaScript stream's (``TransformStream``,
``new ReadableStream``) resolves once it is closed and its last chunk has been read, or it is
canceled, and rejects with its error at once (standard.c++ ``ReadableImpl``); an internal stream's
(``IdentityTransformStream``, ``FixedLengthStream``) settles only when a read meets the end or the
error (internal.c++ ``doClose``/``doError`` from the read). ``releaseLock()`` rejects a pending one
with ``This ReadableStream reader has been released.`` and leaves a settled one as it was
(readable.c++, ``releaseReader``). Before, ``reader.closed`` was a bare AttributeError."""

from __future__ import annotations

import pytest
from worker_helpers import STATE, json_answer, one_file_worker

ENTRY = """
import asyncio
from js import Error, FixedLengthStream, IdentityTransformStream, Object, ReadableStream, TransformStream, Uint8Array
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

""" + STATE + """
MAKE = {"transform": TransformStream.new, "identity": IdentityTransformStream.new,
        "fixed": lambda: FixedLengthStream.new(1)}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit("/", 1)[1]
        out = []
        if kind == "source":
            controllers = []
            for end in ("close", "error"):
                stream = ReadableStream.new(to_js({"start": controllers.append}, dict_converter=Object.fromEntries))
                reader = stream.getReader()
                await asyncio.sleep(0)
                controllers[-1].enqueue(Uint8Array.new(1))
                if end == "close":
                    controllers[-1].close()
                else:
                    controllers[-1].error(Error.new("boom"))
                out.append(await state(reader.closed))
                out.append(await outcome(reader.read()))
                out.append(await state(reader.closed))
            return Response.json(out)
        make = MAKE[kind]
        stream = make()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        closed = reader.closed
        out.append(await state(closed))
        writing, closing = writer.write(Uint8Array.new(1)), writer.close()
        out.append(await state(closed))
        out.append(await outcome(reader.read()))  # the last chunk
        out.append(await state(closed))
        out.append(await outcome(reader.read()))  # the end
        out.append(await state(closed))
        reader.releaseLock()
        out.append(await state(reader.closed))  # settled before: stays so
        stream = make()
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        writer.abort(Error.new("why"))
        out.append(await state(reader.closed))
        reader.releaseLock()
        out.append(await state(reader.closed))
        stream = make()
        reader = stream.readable.getReader()
        waiting = reader.closed
        reader.releaseLock()
        out += [await state(waiting), await state(reader.closed), await state(stream.readable.getReader().closed)]
        reader = make().readable.getReader()
        await reader.cancel(Error.new("enough"))
        out.append(await state(reader.closed))
        return Response.json(out)
"""

RELEASED = "TypeError: This ReadableStream reader has been released."


def test_a_transform_streams_reader_closed(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/transform") == [
        "pending", "pending", "resolved", "resolved", "resolved", "resolved", "resolved",
        "Error: why", "Error: why",
        RELEASED, RELEASED, "pending", "resolved"]


@pytest.mark.parametrize("kind", ["identity", "fixed"])
def test_an_internal_streams_reader_closed_settles_at_the_read(tmp_path, kind):
    assert json_answer(one_file_worker(tmp_path, ENTRY), f"/{kind}") == [
        "pending", "pending", "resolved", "pending", "resolved", "resolved", "resolved",
        "pending", RELEASED,
        RELEASED, RELEASED, "pending", "resolved"]


def test_a_sourced_streams_reader_closed(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY), "/source") == [
        "pending", "resolved", "resolved",
        "Error: boom", "Error: boom", "Error: boom"]
