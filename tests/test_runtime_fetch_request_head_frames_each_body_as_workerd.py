"""The framing of a Worker's ``fetch`` goes first in its head, before ``Host``, as KJ writes it:
``Content-Length`` of bytes, a string, FormData, URLSearchParams; ``Transfer-Encoding: chunked``
of a stream; ``Content-Length: 0`` of a POST or DELETE without a body (urllib sent none of a
DELETE's); nothing of a GET or HEAD -- and nothing workerd does not send (no ``Connection:
close``). As a JavaScript twin's fetch reached a local origin under ``wrangler dev`` 4.164.0
(tools/wrangler/header_wire_probe.py; a multipart boundary written ``<boundary>``)."""

from __future__ import annotations

import re

import pytest
from worker_helpers import one_file_worker, sent_to_origin

WORKER = """
from js import FormData, TextEncoder, TransformStream, URLSearchParams, fetch
from workers import Response, WorkerEntrypoint

def streamed():
    pair = TransformStream.new()
    writer = pair.writable.getWriter()
    writer.write(TextEncoder.new().encode("hi"))
    writer.close()
    return pair.readable

def form():
    data = FormData.new()
    data.append("a", "1")
    return data

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        to = request.headers.get("x-origin") + "/o"
        case = request.url.rsplit("/", 1)[1]
        if case == "bytes":
            await fetch(to, method="POST", body=TextEncoder.new().encode("hi"))
        elif case == "text":
            await fetch(to, method="POST", body="hi", headers=[["x-a", "1"]])
        elif case == "stream":
            await fetch(to, method="POST", body=streamed())
        elif case == "form":
            await fetch(to, method="POST", body=form())
        elif case == "params":
            await fetch(to, method="POST", body=URLSearchParams.new("a=1&b=2"))
        else:  # no body
            await fetch(to, method=case.upper(), headers=[["x-a", "1"]])
        return Response("done")
"""

#: what wrangler dev 4.164.0's JavaScript twin sent (H: the origin's host)
SENT = {
    "bytes": b"POST /o HTTP/1.1\r\nContent-Length: 2\r\nHost: H\r\nCF-Worker: w.example.com\r\n\r\nhi",
    "text": b"POST /o HTTP/1.1\r\nContent-Length: 2\r\nHost: H\r\nContent-Type: text/plain;charset=UTF-8\r\n"
            b"CF-Worker: w.example.com\r\nx-a: 1\r\n\r\nhi",
    "stream": b"POST /o HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: H\r\nCF-Worker: w.example.com\r\n\r\n"
              b"2\r\nhi\r\n0\r\n\r\n",
    "form": b"POST /o HTTP/1.1\r\nContent-Length: 119\r\nHost: H\r\n"
            b"Content-Type: multipart/form-data; boundary=<boundary>\r\nCF-Worker: w.example.com\r\n\r\n"
            b'--<boundary>\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--<boundary>--',
    "params": b"POST /o HTTP/1.1\r\nContent-Length: 7\r\nHost: H\r\n"
              b"Content-Type: application/x-www-form-urlencoded;charset=UTF-8\r\nCF-Worker: w.example.com\r\n\r\n"
              b"a=1&b=2",
    "post": b"POST /o HTTP/1.1\r\nContent-Length: 0\r\nHost: H\r\nCF-Worker: w.example.com\r\nx-a: 1\r\n\r\n",
    "delete": b"DELETE /o HTTP/1.1\r\nContent-Length: 0\r\nHost: H\r\nCF-Worker: w.example.com\r\nx-a: 1\r\n\r\n",
    "head": b"HEAD /o HTTP/1.1\r\nHost: H\r\nCF-Worker: w.example.com\r\nx-a: 1\r\n\r\n",
    "get": b"GET /o HTTP/1.1\r\nHost: H\r\nCF-Worker: w.example.com\r\nx-a: 1\r\n\r\n",
}


@pytest.mark.asyncio
@pytest.mark.parametrize("case", list(SENT))
async def test_the_framing_is_workerds(tmp_path, case):
    sent = await sent_to_origin(one_file_worker(tmp_path, WORKER), f"/{case}")
    boundary = re.search(rb"boundary=([^\r;]+)", sent)
    assert (sent.replace(boundary.group(1), b"<boundary>") if boundary else sent) == SENT[case]
