"""workerd's ``FixedLengthStream(expectedLength)``: an ``IdentityTransformStream`` that carries
exactly that many bytes (identity-transform-stream.c++): its readable gives the bytes written;
one byte more is ``TypeError: Attempt to write too many bytes through a FixedLengthStream.``, a
close before all of them ``TypeError: FixedLengthStream did not see all expected bytes before
close().``; a length from 2^53 is refused at construction, as are jsg's non-integers and
negative numbers. A Python Worker (LogLens, batch s19) pipes a request body through one into
R2; it got ``NotEmulatedError: js.FixedLengthStream is not emulated``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, TextEncoder, Response as JsResponse
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/construct"):
            out = []
            for length in (2**53, 2**53 - 1, -1, "x", None, "7", 2**64, -(2**60), 1e300, "1_0"):
                try:
                    FixedLengthStream.new(length)
                    out.append("ok")
                except Exception as exc:
                    out.append(str(exc))
            return Response.json(out)
        count = int(request.url.rsplit("/", 1)[1])
        stream = FixedLengthStream.new(5)
        writer = stream.writable.getWriter()

        async def produce():
            data = TextEncoder.new().encode("hello!"[:count])
            try:
                await writer.write(data)
                await writer.close()
            except Exception:
                pass

        self.ctx.waitUntil(produce())
        return JsResponse.new(stream.readable)
"""


@pytest.mark.asyncio
async def test_exactly_the_expected_bytes_pass_through(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/5")).text() == "hello"


@pytest.mark.asyncio
@pytest.mark.parametrize(("count", "text"), [
    (6, "Attempt to write too many bytes through a FixedLengthStream."),
    (3, "FixedLengthStream did not see all expected bytes before close()."),
])
async def test_more_or_fewer_bytes_error_the_stream_with_workerds_texts(tmp_path, count, text):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    response = await worker.fetch(f"/{count}")
    with pytest.raises(Exception, match=text.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")) as caught:
        await response.text()
    assert getattr(caught.value, "name", None) == "TypeError"


@pytest.mark.asyncio
async def test_the_expected_length_is_read_as_jsg_reads_an_unsigned_64_bit_integer(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/construct")).json() == [
        "TypeError: FixedLengthStream requires an integer expected length less than 2^53.",
        "ok",
        "TypeError: The value cannot be converted because it is negative and this API expects a positive bigint.",
        "TypeError: The value cannot be converted because it is not an integer.",
        "TypeError: The value cannot be converted because it is not an integer.",
        "ok",
        # a Python int past 2^53 reaches JavaScript as a BigInt, which jsg reads losslessly or refuses
        "TypeError: The value cannot be converted because it is either negative and this API expects a positive "
        "bigint, or the value would be truncated.",
        "TypeError: The value cannot be converted because it is either negative and this API expects a positive "
        "bigint, or the value would be truncated.",
        "TypeError: Value out of range. Must be less than or equal to 18446744073709551615.",
        "TypeError: The value cannot be converted because it is not an integer.",  # ToNumber("1_0") is NaN
    ]
