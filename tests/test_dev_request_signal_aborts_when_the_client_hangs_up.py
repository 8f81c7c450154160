"""``request.signal`` under ``workers-env dev`` is workerd's (worker-entrypoint.c++,
compatibility-date.capnp): with ``enable_request_signal`` (on from 2026-11-17; the tests here name it) it aborts with
``AbortError: The client has disconnected`` when the client hangs up while the handler is still
running -- from a ``waitUntil`` task of the request, so the request's other ``waitUntil`` work
sees it -- and not once the handler has answered (a body still streaming included); without the
flag it never aborts. A ``fetch()`` given the signal ignores it unless
``request_signal_passthrough`` (basics.c++ ``isIgnoredForSubrequests``). Once, the signal never
aborted whatever the flags."""

from __future__ import annotations

import asyncio
import json
import socket
import time

import pytest
from dev_reload_helpers import DevServer
from worker_helpers import local_origin, one_file_worker

from workers_env import HandlerCancelledError, load_worker

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import TextEncoder, TransformStream, fetch as js_fetch
from pyodide.ffi.wrappers import add_event_listener
from workers import Response, WorkerEntrypoint

SEEN = {}
ORIGIN = "http://%s/"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/seen":
            return Response.json(SEEN)
        signal = request.js_object.signal

        def on_abort(event):
            SEEN[path] = f"{event.type}: {signal.reason.name}: {signal.reason.message}"
        add_event_listener(signal, "abort", on_abort)

        async def watch():  # the request's waitUntil work, outliving its handler
            for _ in range(65 if path == "/hang" else 50):  # 1.3 s: the abort comes within ms of a hang-up
                if signal.aborted:
                    break
                await asyncio.sleep(0.02)
            outcome = "aborted" if signal.aborted else "not aborted"
            try:
                # JavaScript's fetch: workers.fetch on Pyodide 0.28 hands fetch AbortSignal.any of
                # the signal (pyfetch), a signal of its own, which no subrequest ignores
                reply = await js_fetch(ORIGIN, signal=signal)
                outcome += f", fetched {reply.status}"
            except Exception as exc:
                outcome += f", fetch failed: {getattr(exc, 'message', exc)}"
            SEEN[path + " watch"] = outcome
        self.ctx.waitUntil(watch())
        if path == "/hang":
            await asyncio.sleep(30)
        if path == "/own-cancel":  # the handler's own code meets a CancelledError: an error, no hang-up
            chore = asyncio.ensure_future(asyncio.sleep(30))
            chore.cancel()
            await chore
        if path == "/stream":  # answered: a body still being written
            stream = TransformStream.new()
            stream.writable.getWriter().write(TextEncoder.new().encode("first chunk"))
            return Response(stream.readable)
        return Response("answered")
"""

FLAG = "enable_request_signal"
PASSTHROUGH = "request_signal_passthrough"


def _project(tmp_path, origin, flags):
    return one_file_worker(tmp_path, ENTRY.replace("%s", origin), flags=flags)


def _hang_up(server: DevServer, path: str) -> None:
    """Send ``GET path``, wait until the Worker has it (or its answer starts), then close."""
    client = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    client.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    if path == "/stream":  # its answer has begun: the handler is done
        received = b""
        while b"first chunk" not in received:
            received += client.recv(65536)
    time.sleep(0.3)
    client.close()


def _seen(server: DevServer, key: str) -> dict:
    deadline = time.monotonic() + 15
    while True:
        seen = json.loads(server.get("/seen")[1])
        if key in seen or time.monotonic() > deadline:
            return seen
        time.sleep(0.1)


@pytest.mark.parametrize(("flags", "fetched"), [
    ([FLAG], "fetched 204"),  # the subrequest ignores the incoming request's signal
    ([FLAG, PASSTHROUGH], "fetch failed: The client has disconnected"),  # it fails with the signal's reason
])
def test_the_signal_aborts_when_the_client_hangs_up_during_the_handler(tmp_path, flags, fetched):
    with local_origin() as (origin, _), DevServer(_project(tmp_path, origin, flags)) as server:
        _hang_up(server, "/hang")
        seen = _seen(server, "/hang watch")
    assert seen == {"/hang": "abort: AbortError: The client has disconnected", "/hang watch": f"aborted, {fetched}"}


def test_without_the_flag_the_signal_never_aborts(tmp_path):
    with local_origin() as (origin, _), DevServer(_project(tmp_path, origin, [])) as server:
        _hang_up(server, "/hang")
        seen = _seen(server, "/hang watch")
    assert seen == {"/hang watch": "not aborted, fetched 204"}


@pytest.mark.parametrize("path", ["/stream", "/answered"])
def test_the_signal_does_not_abort_once_the_handler_has_answered(tmp_path, path):
    with local_origin() as (origin, _), DevServer(_project(tmp_path, origin, [FLAG, PASSTHROUGH])) as server:
        _hang_up(server, path)
        seen = _seen(server, f"{path} watch")
    assert seen == {f"{path} watch": "not aborted, fetched 204"}


def test_a_caller_that_stops_waiting_aborts_it_in_process(tmp_path):
    """``Worker.fetch`` (what the ``worker`` fixture hands out): a caller that cancels the
    request before its answer is a client gone."""
    with local_origin() as (origin, _):
        worker = load_worker(_project(tmp_path, origin, [FLAG]))

        async def scenario():
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(worker.fetch("/hang"), 0.3)
            answered = await worker.fetch("/answered")
            assert await answered.text() == "answered"
            return await (await worker.fetch("/seen")).json()

        seen = asyncio.run(scenario())
    assert seen == {"/hang": "abort: AbortError: The client has disconnected", "/hang watch": "aborted, fetched 204",
                    "/answered watch": "not aborted, fetched 204"}


def test_a_cancelled_error_of_the_handlers_own_code_does_not_abort_it(tmp_path):
    """A ``CancelledError`` the handler's code raises (it awaited a task it had cancelled) while
    its caller still waits is the handler failing, not the client going: workerd aborts the
    signal only for a request neither answered nor failed (worker-entrypoint.c++
    ``loggedExceptionEarlier``). Once, it aborted with "The client has disconnected"."""
    with local_origin() as (origin, _):
        worker = load_worker(_project(tmp_path, origin, [FLAG]))

        async def scenario():
            with pytest.raises(HandlerCancelledError):  # the handler's error, as it reaches an in-process caller
                await asyncio.wait_for(worker.fetch("/own-cancel"), 10)
            return await (await worker.fetch("/seen")).json()

        seen = asyncio.run(scenario())
    assert seen == {"/own-cancel watch": "not aborted, fetched 204"}
