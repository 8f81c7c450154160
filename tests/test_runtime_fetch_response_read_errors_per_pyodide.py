"""What JavaScript throws while a fetched response's body is read (here workerd's ``TypeError:
Gzip decompression failed.``) as Pyodide's ``FetchResponse`` readers raise it: on 0.26 the
``JsException`` itself; on 0.28 ``_abort_on_cancel`` makes it ``AbortError(signal.reason if
signal else error)`` -- for ``workers.fetch``'s answer, which has no signal, ``AbortError`` of the
error's message; for ``pyodide.http.pyfetch``'s, whose signal is not aborted, Pyodide reads its
undefined reason and fails on ``None.message`` with an ``AttributeError``."""

from __future__ import annotations

import contextlib
import http.server
from collections.abc import Iterator
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker, serving

WORKER = """
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

async def read(call):
    try:
        return await (await call(URL)).text()
    except Exception as exc:
        return f"{{type(exc).__name__}}: {{exc}}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await read(fetch), await read(pyfetch)])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@contextlib.contextmanager
def bad_gzip_origin() -> Iterator[str]:
    """A local origin answering ``Content-Encoding: gzip`` over bytes that are not gzip."""

    class Bad(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("content-encoding", "gzip")
            self.send_header("content-length", "9")
            self.end_headers()
            self.wfile.write(b"not gzip!")

        def log_message(self, *args: object) -> None:
            pass

    with serving(Bad) as url:
        yield url


ON_028 = ["AbortError: Gzip decompression failed.", "AttributeError: 'NoneType' object has no attribute 'message'"]


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-08-13", ["JsException: TypeError: Gzip decompression failed."] * 2),  # Pyodide 0.26
    ("2025-10-01", ON_028),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", ON_028),  # the external SDK, on Pyodide 0.28 too
])
def test_a_body_read_failure_as_each_pyodide_raises_it(tmp_path: Path, date: str, expected: list[str]) -> None:
    with bad_gzip_origin() as url:
        assert json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/") == expected
