"""``Expect: 100-continue`` both ways, as wrangler dev 4.164.0 answered a JavaScript twin:
``workers-env dev`` answers ``100 Continue`` to ``100-continue`` in any case (``100-Continue``
too: curl and a raw socket) and nothing interim to another expectation (no ``417``), the Worker
seeing the ``expect`` header either way; a Worker's ``fetch`` with that header sends it in KJ's
place and the body at once, not waiting for an origin that never says ``100 Continue``."""

from __future__ import annotations

import asyncio
import socket

import pytest
from test_dev_server import TIMEOUT, serving
from worker_helpers import one_file_worker, raw_origin

from workers_env import load_worker

ECHO = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = await request.text()
        return Response(f"{request.headers.get('expect')} {body}")
"""

FETCHING = """
from js import Object, fetch
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        headers = to_js({"Expect": "100-continue"}, dict_converter=Object.fromEntries)
        answer = await fetch(request.headers.get("x-origin") + "/x", method="POST", headers=headers, body="hello")
        return Response(str(answer.status))
"""


@pytest.mark.parametrize(("expect", "interim"), [
    ("100-continue", b"HTTP/1.1 100 Continue\r\n\r\n"),
    ("100-Continue", b"HTTP/1.1 100 Continue\r\n\r\n"),
    ("something-else", b""),  # no interim answer, no 417: the request goes on
])
def test_dev_answers_100_continue_as_wrangler_dev(tmp_path, expect, interim):
    with serving(tmp_path / "app", ECHO) as server, \
            socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        sock.sendall(f"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: {expect}\r\n\r\n".encode())
        if interim:
            got = b""
            while len(got) < len(interim):
                got += sock.recv(len(interim) - len(got))
            assert got == interim  # before the body is sent
        sock.sendall(b"hello")
        answer = b""
        while not answer.endswith(f"{expect} hello".encode()):
            chunk = sock.recv(65536)
            assert chunk, answer
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")  # (no interim line before it for another expectation)


def test_a_fetch_asking_100_continue_sends_its_body_at_once(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, FETCHING))
    with raw_origin() as (url, seen):  # it reads the body after the head and never answers 100
        async def scenario() -> str:
            return await (await worker.fetch("/", headers={"x-origin": url})).text()

        assert asyncio.run(scenario()) == "200"
    assert seen[0].decode().split("\r\n") == [  # wrangler dev 4.164.0's JS twin sent these lines, this body
        "POST /x HTTP/1.1", "Content-Length: 5", f"Host: {url.removeprefix('http://')}",
        "Content-Type: text/plain;charset=UTF-8", "Expect: 100-continue", "CF-Worker: w.example.com", "", "hello",
    ]
