"""workerd counts a ``FixedLengthStream``'s bytes as reads take them (identity-transform-stream.c++
``tryReadInternal``), not as they are written: a write past the length waits for a read like any
write (awaited with nothing reading, it is the hung-request error); the read that takes it fails
with ``TypeError: Attempt to write too many bytes through a FixedLengthStream.`` and cancels the
stream with that error, while the write itself resolves (the read took its chunk); the writer's
next write (or its ``close()``) fails with the same error, as does a pipe into it that ends then,
and from then on the writer is detached: a ``close()`` after that failed write is ``This
WritableStream has been closed.`` (checked under wrangler dev, tools/wrangler/jsapi_differential.py).
Too few bytes: ``close()`` resolves and the reader meets ``did not see all expected bytes`` at the
end. workers-env refused the write itself, at once."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import SETTLE, json_answer, one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, TextEncoder, Response as JsResponse
from workers import Response, WorkerEntrypoint

def data(text):
    return TextEncoder.new().encode(text)

async def outcome(awaitable):
    try:
        result = await awaitable
        if getattr(result, "done", None) is False:
            return bytes(result.value.to_bytes()).decode()
        return "done" if getattr(result, "done", None) else "ok"
    except Exception as exc:
        return str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        what = request.url.rsplit("/", 1)[1]
        stream = FixedLengthStream.new(5)
        writer, reader = stream.writable.getWriter(), stream.readable.getReader()
        out = []
        if what == "one-chunk":
            written = writer.write(data("hello!"))
            await settle()
            out.append(written.done())  # no read yet: it waits, as any write does
            out.append(await outcome(reader.read()))
            out.append(await outcome(written))
            out.append(await outcome(writer.write(data("x"))))
            out.append(await outcome(writer.close()))
            out.append(await outcome(reader.read()))
        elif what == "two-chunks":
            first, second = writer.write(data("hel")), writer.write(data("lo!"))
            out.append(await outcome(reader.read()))
            out.append(await outcome(reader.read()))
            out += [await outcome(first), await outcome(second), await outcome(writer.close())]
        elif what == "too-few":
            first = writer.write(data("hel"))
            closing = writer.close()
            out.append(await outcome(reader.read()))
            out += [await outcome(first), await outcome(closing)]
            out.append(await outcome(reader.read()))
        elif what == "pipe":
            reader.releaseLock()
            writer.releaseLock()
            piped = JsResponse.new("hello!").body.pipeTo(stream.writable)  # one chunk of 6 bytes
            out.append(await outcome(JsResponse.new(stream.readable).text()))
            out.append(await outcome(piped))
        elif what == "awaited":
            await writer.write(data("hello!"))  # nothing reads: hung, whatever the count
        return Response.json(out)
""" + SETTLE

TOO_MANY = "TypeError: Attempt to write too many bytes through a FixedLengthStream."
TOO_FEW = "TypeError: FixedLengthStream did not see all expected bytes before close()."


@pytest.mark.parametrize(("path", "expected"), [
    ("/one-chunk", [False, TOO_MANY, "ok", TOO_MANY, "TypeError: This WritableStream has been closed.", TOO_MANY]),
    ("/two-chunks", ["hel", TOO_MANY, "ok", "ok", TOO_MANY]),
    ("/too-few", ["hel", "ok", "ok", TOO_FEW]),
    ("/pipe", [TOO_MANY, TOO_MANY]),
])
def test_the_read_that_takes_too_many_bytes_fails_and_the_writer_learns_it_next(tmp_path, path, expected):
    assert json_answer(one_file_worker(tmp_path, ENTRY), path) == expected


@pytest.mark.asyncio
async def test_an_awaited_write_past_the_length_with_nothing_reading_is_the_hung_request_error(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException, match="detected that your Worker's code had hung"):
        await asyncio.wait_for(worker.fetch("/awaited"), 10)
