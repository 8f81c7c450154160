"""``workers-env dev``: a handler that throws is answered as ``wrangler dev`` 4.164.0 answers a
Python Worker's. wrangler serves a Python Worker unbundled (``applyPythonConfig``), so without
the ``miniflare3-json-error`` middleware (and the pretty error page) a bundled JavaScript Worker
gets: Miniflare's entry worker answers ``new Response(e.stack, {status: 500})`` -- ``500 Internal
Server Error``, ``text/plain;charset=UTF-8``, a ``Content-Length`` (to HEAD too), and the stack:
``PythonError: `` and the traceback for a Python exception, ``<name>: <message>`` for a
JavaScript error the Worker let through (Pyodide hands back the original error). Measured
with an unbundled JavaScript Worker (tools/wrangler/http_differential.py); the entry worker's
own ``at async Object.fetch (...)`` frame, naming a file of wrangler's install, is left out."""

from __future__ import annotations

import http.client

from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint


def deeper():
    raise ValueError("boom")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/value-error":
            deeper()
        if path == "/204-body":
            return Response("body", status=204)
        return Response("fine")
"""


def _ask(url: str, method: str, path: str, **headers: str) -> tuple[int, str, list[tuple[str, str]], bytes]:
    host = url.split("//", 1)[1]
    conn = http.client.HTTPConnection(host, timeout=10)
    try:
        conn.request(method, path, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.reason, [(k.lower(), v) for k, v in resp.getheaders()], resp.read()
    finally:
        conn.close()


def test_a_python_exception_answers_pythonerror_and_its_traceback(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with BackgroundServer(worker) as server:
        status, reason, headers, body = _ask(server.url, "GET", "/value-error")
        again = _ask(server.url, "GET", "/")
    text = body.decode()
    assert (status, reason) == (500, "Internal Server Error")
    assert ("content-type", "text/plain;charset=UTF-8") in headers
    assert ("content-length", str(len(body))) in headers
    assert text.startswith("PythonError: Traceback (most recent call last):\n")
    assert text.endswith('    raise ValueError("boom")\nValueError: boom\n')
    assert [line.rsplit(" in ", 1)[1] for line in text.splitlines() if line.startswith('  File "')] == \
        ["fetch", "deeper"]
    assert "workers_env" not in text
    assert again[0] == 200 and again[3] == b"fine"


def test_a_javascript_error_let_through_answers_its_name_and_message(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with BackgroundServer(worker) as server:
        status, _, _, body = _ask(server.url, "GET", "/204-body")
    assert status == 500
    assert body == b"TypeError: Response with null body status (101, 204, 205, or 304) cannot have a body."


def test_head_gets_the_length_without_the_body(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with BackgroundServer(worker) as server:
        _, _, _, full = _ask(server.url, "GET", "/value-error")
        status, _, headers, body = _ask(server.url, "HEAD", "/value-error")
    assert (status, body) == (500, b"")
    assert ("content-length", str(len(full))) in headers


def test_a_browser_gets_the_same_text_not_an_error_page(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with BackgroundServer(worker) as server:
        _, _, headers, body = _ask(server.url, "GET", "/value-error", Accept="text/html,application/xhtml+xml")
    assert ("content-type", "text/plain;charset=UTF-8") in headers
    assert body.startswith(b"PythonError: Traceback (most recent call last):\n")
