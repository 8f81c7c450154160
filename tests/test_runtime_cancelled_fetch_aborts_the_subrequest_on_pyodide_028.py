"""Pyodide 0.28's ``pyfetch`` -- ``pyodide.http.pyfetch``, and ``workers.fetch`` in both SDKs from
2025-09-29, which call it -- aborts its own AbortController when the task awaiting it is cancelled
(``except CancelledError: controller.abort(...); raise``), so workerd drops the subrequest: the
origin sees its connection closed. Pyodide 0.26 has no controller (nor has the built-in SDK's
patched ``pyfetch``): the cancelled await leaves the subrequest running. The Worker's own code sees
the ``CancelledError`` in every era."""

from __future__ import annotations

import contextlib
import http.server
import select
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
import asyncio
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        call = fetch if request.url.endswith("/workers") else pyfetch
        task = asyncio.ensure_future(call(URL + "/slow"))
        await call(URL + "/opened")  # answers once the origin has the request (2 s at most)
        task.cancel()
        try:
            await task
            seen = "answered"
        except asyncio.CancelledError:
            seen = "CancelledError"
        # a dropped connection shows within a second: the origin answers at the drop, or "open"
        state = await (await call(URL + "/settled")).text()
        await call(URL + "/release")  # a subrequest still running may end now
        return Response.json([seen, state])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@contextlib.contextmanager
def slow_origin() -> Iterator[str]:
    """An origin whose ``/slow`` answers only once the test ends, noting whether its client
    dropped the connection first. Its state is ``none``, ``open`` or ``dropped``; ``/state`` says
    it, ``/opened`` once it has left ``none`` (2 s at most), ``/settled`` once it has left ``open``
    (1 s at most: one waiting request, not a Worker polling 100 times); ``/release`` lets ``/slow``
    answer."""
    state = {"slow": "none"}
    changed = threading.Condition()
    release = threading.Event()

    def note(value: str) -> None:
        with changed:
            state["slow"] = value
            changed.notify_all()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path in ("/state", "/opened", "/settled", "/release"):
                if self.path == "/release":
                    release.set()
                leave, wait = {"/opened": ("none", 2.0), "/settled": ("open", 1.0)}.get(self.path, ("", 0.0))
                with changed:
                    changed.wait_for(lambda: state["slow"] != leave, wait)
                body = state["slow"].encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            note("open")
            while not release.is_set():
                readable, _, _ = select.select([self.connection], [], [], 0.02)
                if readable and not self.connection.recv(1, 2):  # MSG_PEEK: b"" is the client's close
                    note("dropped")
                    return
            self.send_response(200)
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"late")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        release.set()
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("call", ["workers", "pyfetch"])
@pytest.mark.parametrize(("date", "state"), [
    ("2025-08-13", "open"),  # Pyodide 0.26: the subrequest goes on
    ("2025-10-01", "dropped"),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", "dropped"),  # the external SDK, on Pyodide 0.28 too
])
def test_a_cancelled_fetch_drops_its_connection_on_pyodide_028(tmp_path: Path, call: str, date: str,
                                                               state: str) -> None:
    with slow_origin() as url:
        folder = one_file_worker(tmp_path, WORKER.format(url=url), date=date)
        assert json_answer(folder, f"/{call}") == ["CancelledError", state]
