"""The external SDK's WSGI bridge streams the response (workers-runtime-sdk ``wsgi.py``
``_make_streaming_response``, in every release with ``wsgi``: 1.6.0, the 1.6.8 wheel, 1.6.15):
the first non-empty chunk is taken before the ``Response`` is made, the rest is pulled from the
application's iterable one chunk per read of a ``ReadableStream``, and the iterable and
``wsgi.input`` are closed when that stream ends. So:

- the body has no known length, and workerd sends it chunked whatever ``Content-Length`` the
  application set (a JS twin under ``wrangler dev`` 4.164.0: ``new Response(new
  ReadableStream(...), {headers: {"content-length": "5"}})`` goes ``Transfer-Encoding:
  chunked``); workers-env collected the body whole and sent it with a ``Content-Length``
  (found running Cloudflare's Flask guide, "Serve a frontend");
- an iterable that fails after its first chunk errors the stream with the error's text (logged
  ``Exception while streaming WSGI response body``): the status is already 200.
"""

from __future__ import annotations

import asyncio
import socket

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from workers import wsgi

LOG = []


class Body:
    def __init__(self, fail):
        self.fail = fail

    def __iter__(self):
        for n in range(3):
            LOG.append(f"chunk {n}")
            if self.fail and n == 1:
                raise ValueError("broken midway")
            yield f"part{n};".encode()

    def close(self):
        LOG.append("closed")


def app(environ, start_response):
    if environ["PATH_INFO"] == "/log":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [" ".join(LOG).encode()]
    LOG.clear()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "18")])
    return Body(environ["PATH_INFO"] == "/fail")


Default = wsgi.entrypoint(app)
"""


def test_the_body_is_pulled_as_it_is_read_and_the_iterable_closed_at_its_end(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario():
        response = await worker.fetch("/")
        before = await (await worker.fetch("/log")).text()
        text = await response.text()
        return before, text, await (await worker.fetch("/log")).text()

    assert asyncio.run(scenario()) == ("chunk 0", "part0;part1;part2;", "chunk 0 chunk 1 chunk 2 closed")


def test_an_iterable_failing_midway_errors_the_body_after_a_200(tmp_path, caplog):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario():
        response = await worker.fetch("/fail")
        try:
            await response.text()
        except Exception as error:  # noqa: BLE001 - the stream's error, as the Worker's reader meets it
            return response.status, str(error), await (await worker.fetch("/log")).text()
        return response.status, "no error", ""

    status, error, log = asyncio.run(scenario())
    assert (status, log) == (200, "chunk 0 chunk 1 closed")
    assert "broken midway" in error
    assert "Exception while streaming WSGI response body" in caplog.text


@pytest.mark.parametrize("path", ["/", "/log"])
def test_the_dev_server_sends_it_chunked_whatever_content_length_the_app_set(tmp_path, path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY))) as running:
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            raw = b""
            while chunk := sock.recv(65536):
                raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    assert b"\r\nTransfer-Encoding: chunked" in head and b"Content-Length" not in head
    assert body.endswith(b"0\r\n\r\n")


LATE = """
from workers import wsgi

INPUTS = []


def app(environ, start_response):
    if environ["PATH_INFO"] == "/closed":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [str([stream.closed for stream in INPUTS]).encode()]
    INPUTS.append(environ["wsgi.input"])
    return late(start_response)


def late(start_response):
    yield b""  # an empty chunk first: start_response comes with the first non-empty one
    start_response("201 Created", [("Content-Type", "text/plain")])
    yield b"late"
    yield b""
    yield b" start"


Default = wsgi.entrypoint(app)
"""


def test_start_response_may_come_with_the_first_non_empty_chunk_and_wsgi_input_is_closed_at_the_end(tmp_path):
    """The SDK's ``process_request`` passes over empty chunks for the first one ("some defer it
    until the first non-empty chunk is produced"), then skips empty ones; its ``close_all`` closes
    ``wsgi.input`` with the iterable once the body ends (audit23's hand mutants G1 and G4: no test
    held either)."""
    worker = load_worker(one_file_worker(tmp_path, LATE))

    async def scenario():
        response = await worker.fetch("/", method="POST", body="x")
        seen = (response.status, await response.text())
        return seen, await (await worker.fetch("/closed")).text()

    assert asyncio.run(scenario()) == ((201, "late start"), "[True]")


def test_a_body_the_reader_cancels_closes_the_iterable_unread(tmp_path):
    """The stream's ``cancel`` runs the SDK's ``close_all`` too: a client that stops reading (the
    Worker's own code here, cancelling the body) closes the application's iterable without pulling
    the rest (audit23's hand mutant G5: no test held it)."""
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario():
        response = await worker.fetch("/")
        await response.body.cancel()
        return await (await worker.fetch("/log")).text()

    assert asyncio.run(scenario()) == "chunk 0 closed"


BAD_INPUT = """
from workers import wsgi


class Unclosable:
    def read(self, *args):
        return b""

    def close(self):
        raise OSError("cannot close")


def app(environ, start_response):
    environ["wsgi.input"] = Unclosable()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"done"]


Default = wsgi.entrypoint(app)
"""


def test_a_wsgi_input_that_fails_to_close_is_logged_and_the_body_still_ends(tmp_path, caplog):
    """The SDK's ``close_all``: closing ``wsgi.input`` is best-effort, its error logged as
    ``Failed to close wsgi.input`` (audit23: that text was held by no test)."""
    worker = load_worker(one_file_worker(tmp_path, BAD_INPUT))

    async def scenario():
        return await (await worker.fetch("/")).text()

    assert asyncio.run(scenario()) == "done"
    assert [(r.getMessage(), r.exc_info[0].__name__) for r in caplog.records if r.exc_info] == [
        ("Failed to close wsgi.input", "OSError")]
