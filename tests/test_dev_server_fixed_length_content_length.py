"""``workers-env dev`` sends a Response whose body is a ``FixedLengthStream``'s readable with
its expected length as ``Content-Length``, not chunked, as workerd does (http.c++
``Response::send`` asks the body's ``tryGetLength``, which a FixedLengthStream answers with its
length, identity-transform-stream.c++); a ``TransformStream``'s body stays chunked. It went
chunked before."""

from __future__ import annotations

import http.client

from test_dev_server import serving

ENTRY = """
import asyncio
from js import FixedLengthStream, TransformStream, TextEncoder, Response as JsResponse
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = FixedLengthStream.new(5) if request.url.endswith("/fixed") else TransformStream.new()
        writer = stream.writable.getWriter()

        async def produce():
            for part in ("hel", "lo"):
                await asyncio.sleep(0.01)
                await writer.write(TextEncoder.new().encode(part))
            await writer.close()

        self.ctx.waitUntil(produce())
        return JsResponse.new(stream.readable)
"""


def test_a_fixed_length_body_goes_with_its_content_length(tmp_path):
    with serving(tmp_path, ENTRY) as server:
        host, port = server.url.removeprefix("http://").split(":")
        seen = []
        for path in ("/fixed", "/open"):
            connection = http.client.HTTPConnection(host, int(port), timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            seen.append((response.getheader("content-length"), response.getheader("transfer-encoding"), response.read()))
            connection.close()
    assert seen == [("5", None, b"hello"), (None, "chunked", b"hello")]
