"""A ``fetch()`` whose origin answers with a head that is not HTTP (``garbage``, a status of letters
or of four digits, ``HTTP/2.0``, a header line without a colon, which ``http.client`` lets
through) rejects as workerd rejects it, not with the host's ``http.client.BadStatusLine``: under
wrangler dev 4.168.0's workerd (1.20261123.1) an ``Error`` naming the part that was invalid, in
that workerd's words, and with the ``fetch_invalid_response_type_error`` flag (no date) a
``TypeError`` of the same text (devprobes69, ``tools/wrangler/fetch_ended_head_probe.py`` with and
without ``--flag``). 4.164.0's workerd (1.20261117.1) said ``Error: Network connection lost.``,
which workers-env followed until devprobes69."""

from __future__ import annotations

import asyncio
import http.server

import pytest
from worker_helpers import one_file_worker, serving

from workers_env import load_worker

HEADS = {
    "/garbage": b"garbage\r\n\r\n",
    "/letters": b"HTTP/1.1 abc OK\r\n\r\n",
    "/four-digits": b"HTTP/1.1 1000 Weird\r\nContent-Length: 2\r\n\r\nok",
    "/http2": b"HTTP/2.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "/no-colon": b"HTTP/1.1 200 OK\r\nBad Header\r\nContent-Length: 2\r\n\r\nok",
    "/no-colon-404": b"HTTP/1.1 404 Not Found\r\nBad Header\r\nContent-Length: 2\r\n\r\nno",
}

WORKER = """
from workers import Response, WorkerEntrypoint
import js


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        origin = request.headers.get("x-origin")
        out = {}
        for path in %r:
            try:
                answer = await js.fetch(origin + path)
                out[path] = %s
            except Exception as error:
                out[path] = f"{type(error).__name__} {error.name}: {error.message}"
        return Response.json(out)
"""
ENTRY = WORKER % (list(HEADS), '"answered"')

INVALID = "Server returned invalid HTTP response: The headers sent by the server are not valid. " \
          "(client error (SendRequest): invalid HTTP {} parsed)"


class NotHttp(http.server.BaseHTTPRequestHandler):
    """Answers each path of HEADS with its bytes, whatever they are."""

    def handle(self) -> None:
        path = self.rfile.readline().split(b" ")[1].decode()
        self.wfile.write(HEADS[path])


@pytest.mark.parametrize(("flags", "expected"), [
    ((), "Error"), (("fetch_invalid_response_type_error",), "TypeError"),
])
def test_an_answer_that_is_not_http_rejects_as_workerds(tmp_path, caplog, flags, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-11-30", flags=flags))

    async def scenario():
        with serving(NotHttp) as origin:
            return await (await worker.fetch("/", headers={"x-origin": origin})).json()

    parts = {"/garbage": "version", "/letters": "status-code", "/four-digits": "status-code", "/http2": "version",
             "/no-colon": "header", "/no-colon-404": "header"}
    assert asyncio.run(scenario()) == {path: f"JsException {expected}: " + INVALID.format(part)
                                       for path, part in parts.items()}
    # the error names what was wrong: no warning of workers-env's beside it (there was one while it was a lost
    # connection: audit23)
    assert [r.getMessage() for r in caplog.records if r.name == "workers_env.fetch"] == []


ENDED = {  # heads the connection ends inside, or after informational answers alone
    "/half": b"HTTP/1.1 20",
    "/half-line": b"HTTP/1.1 200 O",
    "/status-only": b"HTTP/1.1 200 OK\r\n",
    "/no-blank": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n",
    "/1xx-only": b"HTTP/1.1 100 Continue\r\n\r\n",
    "/103-only": b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n",
    "/http09": b"hello world\n",
    "/103-then-200": b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "/101": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n",
}

ENDED_ENTRY = WORKER % (list(ENDED), 'f"answered {answer.status} {await answer.text()!r}"')


class Ending(http.server.BaseHTTPRequestHandler):
    """Answers each path of ENDED with its bytes, then closes."""

    def handle(self) -> None:
        path = self.rfile.readline().split(b" ")[1].decode()
        while self.rfile.readline() not in (b"\r\n", b""):
            pass
        self.wfile.write(ENDED[path])


def test_a_head_the_connection_ends_inside_is_a_lost_connection(tmp_path):
    """As wrangler dev 4.164.0's workerd answers a JS twin (review73): a status line or head cut
    off, informational answers alone (``103`` too, which ``http.client`` took for the answer: a
    RangeError here before) -- each ``Network connection lost.`` (``HTTP/1.1 200 O`` and a head
    without its blank line were a 200 before); a reply with no status line (``hello world``) lost
    too under 4.164.0, ``invalid HTTP version parsed`` under 4.168.0 (devprobes69); a ``103`` before
    the answer is passed over; a ``101`` no WebSocket asked for is the answer, bodiless (a
    RangeError before)."""
    worker = load_worker(one_file_worker(tmp_path, ENDED_ENTRY, date="2026-11-20"))

    async def scenario():
        with serving(Ending) as origin:
            return await (await worker.fetch("/", headers={"x-origin": origin})).json()

    lost = "JsException Error: Network connection lost."
    assert asyncio.run(scenario()) == {**dict.fromkeys(ENDED, lost), "/103-then-200": "answered 200 'ok'",
                                       "/101": "answered 101 ''",
                                       "/http09": "JsException Error: " + INVALID.format("version")}


def test_the_local_reason_of_a_head_cut_off_is_logged(tmp_path, caplog):
    """The Worker sees workerd's lost connection; workers-env's warning says why here (audit25:
    the reason's text was held by no test)."""
    worker = load_worker(one_file_worker(tmp_path, ENDED_ENTRY, date="2026-11-20"))

    async def scenario():
        with serving(Ending) as origin:
            return await (await worker.fetch("/", headers={"x-origin": origin})).json()

    asyncio.run(scenario())
    reasons = {r.getMessage().split(" failed here: ")[0].rsplit("/", 1)[1]: r.getMessage().split(" failed here: ")[1]
               for r in caplog.records if r.name == "workers_env.fetch"}
    cut = "the connection ended inside the head of the answer"
    assert "http09" not in reasons  # (a whole line, but no status line: its error names the version)
    assert reasons == {"half": cut, "half-line": cut, "status-only": cut, "no-blank": cut, "1xx-only": cut,
                       "103-only": cut}
