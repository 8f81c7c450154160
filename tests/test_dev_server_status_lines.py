"""``workers-env dev`` writes status lines as workerd does, on every Python version: the
Worker's ``statusText`` when it gave one, otherwise workerd's ``defaultStatusText`` (RFC
7231's phrases, ``I'm a teapot``, the class name for a code it does not know) -- as
``wrangler dev`` 4.164.0 answered the same Worker in JavaScript -- never Python's
``http.HTTPStatus`` phrases, which 3.13 renamed."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer
from workers_env.runtime.statusline import REASON_HEADER

ENTRY = '''
from urllib.parse import parse_qs, urlparse

import js
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        query = parse_qs(urlparse(request.url).query)
        init = {"status": int(query["s"][0])}
        if "text" in query:
            init["statusText"] = query["text"][0]
        body = None if init["status"] in (204, 205, 304) else "x"  # null body statuses
        return js.Response.new(body, **init)
'''


def _status_line(port: int, target: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    assert REASON_HEADER not in raw.lower()  # the private header never leaves the server
    return raw.split(b"\r\n", 1)[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("status")
    (root / "src").mkdir()
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.toml").write_text('name = "s"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                        'compatibility_flags = ["python_workers"]\n')
    typical_pyproject(root)
    with BackgroundServer(load_worker(root)) as running:
        yield running


@pytest.mark.parametrize(("target", "line"), [
    ("/?s=200", b"HTTP/1.1 200 OK"),
    ("/?s=404", b"HTTP/1.1 404 Not Found"),
    ("/?s=413", b"HTTP/1.1 413 Payload Too Large"),  # Python 3.13: "Content Too Large"
    ("/?s=414", b"HTTP/1.1 414 URI Too Long"),
    ("/?s=416", b"HTTP/1.1 416 Range Not Satisfiable"),
    ("/?s=418", b"HTTP/1.1 418 I'm a teapot"),
    ("/?s=422", b"HTTP/1.1 422 Unprocessable Entity"),  # Python 3.13: "Unprocessable Content"
    ("/?s=451", b"HTTP/1.1 451 Unavailable For Legal Reasons"),
    ("/?s=299", b"HTTP/1.1 299 Successful"),
    ("/?s=599", b"HTTP/1.1 599 Server Error"),
    ("/?s=200&text=Fine", b"HTTP/1.1 200 Fine"),
    ("/?s=404&text=Gone+fishing", b"HTTP/1.1 404 Gone fishing"),
    ("/?s=200&text=++", b"HTTP/1.1 200   "),  # a text of spaces, kept as workerd keeps it (h11 refused it once)
    ("/?s=200&text=+padded+", b"HTTP/1.1 200  padded "),
])
def test_status_lines_as_workerd_writes_them(server, target, line):
    assert _status_line(server.port, target) == line


#: workerd's ``defaultStatusText`` (``src/workerd/api/http.c++``) for every code a Worker can answer
#: (200-599; 1xx is out of ``new Response``'s range, 101 needs a WebSocket: tests/test_dev_serves_a_websocket_over_a_real_socket.py)
WORKERD_TEXTS = {
    200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
    205: "Reset Content", 206: "Partial Content", 207: "Multi-Status", 208: "Already Reported", 226: "IM Used",
    300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
    305: "Use Proxy", 306: "Redirection", 307: "Temporary Redirect", 308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
    408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
    413: "Payload Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
    417: "Expectation Failed", 418: "I'm a teapot", 421: "Misdirected Request", 422: "Unprocessable Entity",
    423: "Locked", 424: "Failed Dependency", 425: "Client Error", 426: "Upgrade Required",
    428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons", 499: "Client Error",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
    507: "Insufficient Storage", 508: "Loop Detected", 509: "Server Error", 510: "Not Extended",
    511: "Network Authentication Required",
}


def test_every_default_status_text_is_workerds(server):
    lines = {status: _status_line(server.port, f"/?s={status}") for status in WORKERD_TEXTS}
    assert lines == {status: f"HTTP/1.1 {status} {text}".encode() for status, text in WORKERD_TEXTS.items()}
