"""``workers-env dev`` hands the Worker its Request once the head is in, ``request.body`` fed as the
client sends it, as workerd does (checked against ``wrangler dev`` 4.164.0 serving a Worker without
wrangler's bundling, as it serves a Python Worker): an answer given without reading the body goes
out before the body; a read gets each piece as it comes; a client gone mid-body fails the read
with ``Error: Network connection lost.``; the rest of a body not read is discarded when it came
with the head (the connection is kept), else the connection is closed after the answer. Each test
here waits for something the old whole-body server only gave once the whole body was in."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from test_dev_server import TIMEOUT, serving, split_answer

from workers_env.runtime.server import BackgroundServer

ENTRY = """
from js import Response as JsResponse, TransformStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

seen = {"error": None}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.split("/", 3)[3]
        if path == "early":
            return Response("no", status=401)
        if path == "early-empty":
            return Response(None, status=401)
        if path == "first":  # answers with the first piece it reads
            reader = request.body.getReader()
            piece = await reader.read()
            return Response("first=" + bytes(piece.value.to_py()).decode())
        if path == "echo":  # each piece read, upper-cased, written to the answer as it comes
            stream = TransformStream.new()
            writer = stream.writable.getWriter()

            async def pump():
                async for chunk in request.body:
                    await writer.write(to_js(bytes(chunk.to_py()).upper()))
                await writer.close()

            self.ctx.waitUntil(pump())
            return JsResponse.new(stream.readable)
        if path == "read-all":
            reader = request.body.getReader()
            try:
                while not (await reader.read()).done:
                    pass
            except Exception as error:
                seen["error"] = str(error)
                raise
            return Response("read")
        if path == "used":
            before = request.js_object.bodyUsed
            await request.body.getReader().read()
            try:
                await request.js_object.text()
                refused = "nothing"
            except Exception as error:
                refused = str(error)
            return Response(f"{before} {request.js_object.bodyUsed} {refused}")
        if path in ("later", "later?throw"):  # reads the body after answering
            async def read_later():
                try:
                    await request.text()
                except Exception as error:
                    seen["error"] = str(error)

            self.ctx.waitUntil(read_later())
            if path == "later?throw":  # answered with the 500 of an exception instead
                raise RuntimeError("the handler threw")
            return Response("answered")
        if path == "seen":
            return Response(str(seen["error"]))
        if path == "clone":  # synchronous code that needs the whole body while it still arrives
            copy = request.js_object.clone()
            return Response(await copy.text())
        return Response(await request.text())
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackgroundServer]:
    with serving(tmp_path_factory.mktemp("streams") / "app", ENTRY) as running:
        yield running


def connect(server: BackgroundServer) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)


def read_answer(sock: socket.socket) -> tuple[str, dict[str, str], bytes]:
    """One answer with a Content-Length, read off ``sock`` (a timeout fails the test)."""
    raw = b""
    while b"\r\n\r\n" not in raw:
        chunk = sock.recv(65536)
        assert chunk, f"the connection closed before an answer: {raw!r}"
        raw += chunk
    status, headers, body = split_answer(raw)
    while len(body) < int(headers["content-length"]):
        body += sock.recv(65536)
    return status, headers, body


def read_until_closed(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def test_an_answer_given_without_reading_the_body_goes_out_before_the_body(server: BackgroundServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n")  # not a byte of the body
        status, headers, body = read_answer(sock)
        assert (status, body) == ("HTTP/1.1 401 Unauthorized", b"no")
        assert "connection" not in headers
        assert read_until_closed(sock) == b""  # the rest never came: the connection is closed after the answer


def test_an_empty_answer_before_the_body_says_connection_close(server: BackgroundServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /early-empty HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
        status, headers, body = read_answer(sock)
        assert (status, headers["connection"], body) == ("HTTP/1.1 401 Unauthorized", "close", b"")
        assert read_until_closed(sock) == b""


def test_an_unread_body_sent_with_the_head_is_discarded_and_the_connection_kept(server: BackgroundServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n" + b"z" * 200000)
        assert read_answer(sock)[0] == "HTTP/1.1 401 Unauthorized"
        sock.sendall(b"POST /text HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok")
        assert read_answer(sock)[2] == b"ok"


@pytest.mark.parametrize("framing", [b"Content-Length: 6\r\n\r\nabc", b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"],
                         ids=["content-length", "chunked"])
def test_a_read_gets_the_first_piece_before_the_rest_is_sent(server: BackgroundServer, framing: bytes) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /first HTTP/1.1\r\nHost: x\r\n" + framing)
        status, _, body = read_answer(sock)
        assert (status, body) == ("HTTP/1.1 200 OK", b"first=abc")


def test_async_for_over_the_body_sees_each_piece_as_it_comes(server: BackgroundServer) -> None:
    """Each piece goes back upper-cased before the next is sent: a full-duplex echo."""
    with connect(server) as sock:
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        raw = b""
        for piece in (b"one", b"two", b"three"):
            sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            while piece.upper() not in raw:
                chunk = sock.recv(65536)
                assert chunk, raw
                raw += chunk
        sock.sendall(b"0\r\n\r\n")
        while not raw.endswith(b"0\r\n\r\n"):
            raw += sock.recv(65536)
        assert raw.startswith(b"HTTP/1.1 200 OK\r\n") and b"transfer-encoding: chunked" in raw.lower()


def error_seen(server: BackgroundServer, before: bytes = b"None") -> bytes:
    """The error the Worker noted last, asked for until it is not ``before``."""
    for _ in range(200):
        with connect(server) as sock:
            sock.sendall(b"GET /seen HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            seen = split_answer(read_until_closed(sock))[2]
        if seen != before:
            return seen
        with connect(server) as sock:  # a request's round trip as the pause between two looks
            sock.sendall(b"POST /text HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nConnection: close\r\n\r\n.")
            read_until_closed(sock)
    return seen


def test_a_client_gone_mid_body_fails_the_read_with_network_connection_lost(server: BackgroundServer) -> None:
    before = error_seen(server, before=b"")
    with connect(server) as sock:
        sock.sendall(b"POST /read-all HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part")
    assert error_seen(server, before) == b"Error: Network connection lost."


def test_the_rest_of_a_body_read_after_the_answer_is_workerds_type_error(server: BackgroundServer) -> None:
    """workerd neuters the request body once the response is sent (global-scope.c++); measured the
    same under wrangler dev 4.164.0 for a ``waitUntil`` that reads the body after the answer."""
    before = error_seen(server, before=b"")
    with connect(server) as sock:
        sock.sendall(b"POST /later HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part")
        assert read_answer(sock)[2] == b"answered"
        assert read_until_closed(sock) == b""
    assert error_seen(server, before) == b"TypeError: Can't read from request stream after response has been sent."


def test_the_rest_of_a_body_read_after_the_handler_threw_is_workerds_other_type_error(server: BackgroundServer) -> None:
    """The same once the handler threw (global-scope.c++'s ``NeuterReason::THREW_EXCEPTION``)."""
    before = error_seen(server, before=b"")
    with connect(server) as sock:
        sock.sendall(b"POST /later?throw HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part")
        assert read_answer(sock)[0].startswith("HTTP/1.1 500")
        assert read_until_closed(sock) == b""
    assert error_seen(server, before) == (
        b"TypeError: Can't read from request stream after responding with an exception.")


def test_text_and_clone_wait_for_a_body_sent_in_pieces(server: BackgroundServer) -> None:
    for path in (b"/text", b"/clone"):
        with connect(server) as sock:
            sock.sendall(b"POST %s HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" % path)
            sock.sendall(b"3\r\nabc\r\n")
            time.sleep(0.1)  # the Worker is likely under way by now (either way, the whole body comes back)
            sock.sendall(b"3\r\ndef\r\n0\r\n\r\n")
            assert read_answer(sock)[2] == b"abcdef"


def test_a_100_continue_asked_for_goes_out_before_an_answer_that_does_not_read_the_body(server: BackgroundServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
        raw = read_until_closed(sock)  # the body is never sent: the answer closes the connection
    interim, _, answer = raw.partition(b"\r\n\r\n")
    assert interim == b"HTTP/1.1 100 Continue"
    assert answer.startswith(b"HTTP/1.1 401 Unauthorized\r\n") and answer.endswith(b"\r\n\r\nno")


def test_a_body_read_through_its_stream_is_used_as_workerd_has_it(server: BackgroundServer) -> None:
    """``bodyUsed`` once a read took a piece; ``text()`` then refuses the body at once (not once the
    rest has come), as wrangler dev 4.164.0 answered a JavaScript Worker."""
    with connect(server) as sock:
        sock.sendall(b"POST /used HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nabc")
        status, _, body = read_answer(sock)
    assert (status, body.decode()) == ("HTTP/1.1 200 OK", "False True TypeError: Body has already been used. It can "
                                       "only be used once. Use tee() first if you need to read it twice.")
