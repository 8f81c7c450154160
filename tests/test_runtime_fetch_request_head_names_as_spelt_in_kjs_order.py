"""The head of a Worker's ``fetch`` is workerd's, byte for byte: ``Host``, then the names KJ's
table indexes in its order and spelling (``Accept: a, b`` one line, ``Set-Cookie`` a line each),
then the others as the Worker first spelt them, in order of those spellings' bytes, a line per
value (``X-Api-Key: k`` and ``X-Api-Key: 2``, not urllib's ``X-Api-Key: k, 2``), ``CF-Worker``
among them -- spelt as the Worker spelt its own, if it sent one -- whether the headers came as
pairs, a dict (the SDK's ``fetch``), a ``Request`` or a cache mode; a ``Content-Length`` or
``Transfer-Encoding`` the Worker gave is not sent (KJ frames the body itself). As a JavaScript twin's fetch
reached a local origin under ``wrangler dev`` 4.164.0 (tools/wrangler/header_wire_probe.py)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker, sent_to_origin

WORKER = """
from js import Request, fetch
from workers import Response, WorkerEntrypoint, fetch as sdk_fetch

MIXED = [["accept", "a"], ["X-Y", "1"], ["ACCEPT", "b"], ["x-y", "2"], ["Cache-Control", "no-cache"],
         ["user-agent", "ua"], ["accept-encoding", "gzip"], ["cf-connecting-ip", "1.2.3.4"], ["content-length", "99"],
         ["transfer-encoding", "chunked"], ["Content-Type", "t/x"], ["set-cookie", "a=1"], ["Set-Cookie", "b=2"]]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        to = request.headers.get("x-origin") + "/o"
        case = request.url.rsplit("/", 1)[1]
        if case == "mixed":
            await fetch(to, method="PUT", body="hi", headers=MIXED)
        elif case == "repeated":
            await fetch(to, headers=[["X-Api-Key", "k"], ["x-lower", "l"], ["Authorization", "a"], ["X-Api-key", "2"]])
        elif case == "cf-worker":
            await fetch(to, headers=[["A-Z", "1"], ["Cz", "2"], ["CF-A", "3"], ["cf-b", "4"], ["cf-worker", "mine"],
                                     ["D", "5"], ["b", "6"]])
        elif case == "request":
            await fetch(Request.new(to, method="PUT", body="x", headers=[["X-B", "1"], ["accept", "a/b"], ["a-c", "2"]]))
        elif case == "dict":
            await sdk_fetch(to, headers={"X-B": "1", "a-c": "2", "Accept": "x/y", "User-Agent": "me"})
        elif case == "cache":
            await fetch(to, cache="no-store", headers=[["x-a", "1"]])
        elif case == "redirect":
            await fetch(to + "/redirect", method="POST", body="hi",
                        headers=[["Authorization", "a"], ["x-a", "1"], ["Content-Language", "en"]])
        return Response("done")
"""

#: what wrangler dev 4.164.0's JavaScript twin sent (H: the origin's host)
SENT = {
    "mixed": b"PUT /o HTTP/1.1\r\nContent-Length: 2\r\nHost: H\r\nContent-Type: t/x\r\nAccept-Encoding: gzip\r\n"
             b"Accept: a, b\r\nCache-Control: no-cache\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nUser-Agent: ua\r\n"
             b"CF-Worker: w.example.com\r\nX-Y: 1\r\nX-Y: 2\r\n\r\nhi",
    "repeated": b"GET /o HTTP/1.1\r\nHost: H\r\nAuthorization: a\r\nCF-Worker: w.example.com\r\nX-Api-Key: k\r\n"
                b"X-Api-Key: 2\r\nx-lower: l\r\n\r\n",
    "cf-worker": b"GET /o HTTP/1.1\r\nHost: H\r\nA-Z: 1\r\nCF-A: 3\r\nCz: 2\r\nD: 5\r\nb: 6\r\ncf-b: 4\r\n"
                 b"cf-worker: w.example.com\r\n\r\n",
    "request": b"PUT /o HTTP/1.1\r\nContent-Length: 1\r\nHost: H\r\nContent-Type: text/plain;charset=UTF-8\r\n"
               b"Accept: a/b\r\nCF-Worker: w.example.com\r\nX-B: 1\r\na-c: 2\r\n\r\nx",
    "dict": b"GET /o HTTP/1.1\r\nHost: H\r\nAccept: x/y\r\nUser-Agent: me\r\nCF-Worker: w.example.com\r\nX-B: 1\r\n"
            b"a-c: 2\r\n\r\n",
    "cache": b"GET /o HTTP/1.1\r\nHost: H\r\nCache-Control: no-cache\r\nPragma: no-cache\r\n"
             b"CF-Worker: w.example.com\r\nx-a: 1\r\n\r\n",
    # the GET a 302 makes of a POST: its body gone, its headers kept
    "redirect": b"GET /o/after HTTP/1.1\r\nHost: H\r\nContent-Type: text/plain;charset=UTF-8\r\nAuthorization: a\r\n"
                b"Content-Language: en\r\nCF-Worker: w.example.com\r\nx-a: 1\r\n\r\n",
}


@pytest.mark.asyncio
@pytest.mark.parametrize("case", list(SENT))
async def test_the_head_is_workerds(tmp_path, case):
    assert await sent_to_origin(one_file_worker(tmp_path, WORKER), f"/{case}") == SENT[case]
