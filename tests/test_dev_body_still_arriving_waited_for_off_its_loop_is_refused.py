"""Synchronous code waiting for a request body still arriving (``clone()``, ``new Request(url,
request)``...) is emulated by driving the event loop the body arrives on from inside the call
(``run_sync``), so it cannot deadlock there. From another thread (a library's own) that wait
would block on a loop of its own that nothing wakes while the server's loop delivers the
body: it is refused with :class:`NotEmulatedError` saying what to do, rather than hanging. So is
a ``fetch()`` answer's body still arriving; both texts, workers-env's own, are pinned whole
through a Worker whose library hands the call to a thread its pool already had -- started by
test code before the Worker ran, the one way Worker code still reaches a thread here
(runtime/threadpool.py refuses every thread it starts, and runs ``run_in_executor`` inline for a
library too) -- (the request's under the dev server; audit16: no test pinned them). Pyodide
starts no thread at all, so production has no such case."""

from __future__ import annotations

import asyncio
import http.server
import socket
import threading

import pytest
from test_dev_server import TIMEOUT, serving, split_answer
from worker_helpers import installed_package, origin_worker

from workers_env import NotEmulatedError
from workers_env.runtime.requestbody import IncomingBody


@pytest.mark.asyncio
async def test_a_wait_for_the_whole_body_from_another_thread_is_refused() -> None:
    body = IncomingBody()
    body.received(b"part")
    waiting = asyncio.get_running_loop().run_in_executor(None, body.wait_whole)
    await asyncio.sleep(0.05)
    body.received(b" rest")
    body.ended()
    with pytest.raises(NotEmulatedError, match="await request.text()"):
        await asyncio.wait_for(waiting, 10)


@pytest.mark.asyncio
async def test_a_wait_for_the_whole_body_on_its_loop_goes_on_as_it_arrives() -> None:
    body = IncomingBody()
    body.received(b"part")
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, body.received, b" rest")
    loop.call_later(0.02, body.ended)
    body.wait_whole()  # (the loop runs from inside: the pieces come meanwhile)
    assert body.closed and b"".join(body.take()) == b"part rest"


LIBRARY = '''
import asyncio
import concurrent.futures

_POOL = concurrent.futures.ThreadPoolExecutor(1)


def warm():
    """Start the pool's thread (test code may; the Worker's code could not)."""
    _POOL.submit(int).result()


async def in_thread(call):
    """``call()`` on the pool's thread, already started; the text of what it raised."""
    def run():
        try:
            call()
            return "no error"
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"

    return await asyncio.wrap_future(_POOL.submit(run))
'''


ENTRY = """
import bodythreads
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(await bodythreads.in_thread(lambda: request.js_object.clone()))
"""


def test_a_thread_waiting_for_the_whole_body_is_refused(tmp_path, monkeypatch):
    installed_package(tmp_path, monkeypatch, "bodythreads", LIBRARY)
    import bodythreads

    bodythreads.warm()
    with serving(tmp_path / "app", ENTRY) as server, \
            socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
        raw = b""
        while b"\r\n\r\n" not in raw or len(raw.partition(b"\r\n\r\n")[2]) < int(
                split_answer(raw)[1].get("content-length", 1 << 30)):
            chunk = sock.recv(65536)
            assert chunk, raw
            raw += chunk
        sock.sendall(b"0\r\n\r\n")
    status, _, body = split_answer(raw)
    assert status.startswith("HTTP/1.1 200")
    assert body.decode() == (
        "NotEmulatedError: the incoming request's body is still arriving, and waiting for it from synchronous code is "
        "emulated by workers-env only on the event loop it arrives on (not from another thread): await "
        "request.text() (or arrayBuffer()) first, then use the bytes")


FETCHING = """
import bodythreads
from js import fetch
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await fetch(ORIGIN)
        return Response(await bodythreads.in_thread(lambda: answer.clone()))
"""


def _half_then_rest(released: threading.Event) -> type[http.server.BaseHTTPRequestHandler]:
    class HalfThenRest(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Length", "6")
            self.end_headers()
            self.wfile.write(b"abc")
            self.wfile.flush()
            released.wait(10)
            self.wfile.write(b"def")

        def log_message(self, *args: object) -> None:
            pass

    return HalfThenRest


@pytest.mark.asyncio
async def test_a_thread_waiting_for_a_whole_fetched_body_is_refused(tmp_path, monkeypatch):
    installed_package(tmp_path, monkeypatch, "bodythreads", LIBRARY)
    import bodythreads

    bodythreads.warm()
    released = threading.Event()
    try:
        with origin_worker(tmp_path / "w", _half_then_rest(released), FETCHING) as worker:
            answer = await worker.fetch("/")
            text = await answer.text()
    finally:
        released.set()
    assert text == (
        "NotEmulatedError: a fetch() answer's body still arriving, waited for whole from synchronous code, is "
        "emulated by workers-env only on the event loop that fetched it (not from another thread): await "
        "response.text() (or arrayBuffer()) first, then use the bytes")
