"""A fetched body whose read fails mid-read (the origin closes the connection after 10 of the
100,000 bytes it announced) raises what Pyodide 0.28's ``_abort_on_cancel`` raises --
``AbortError`` of the error for a ``workers.fetch`` answer, and for a ``pyfetch`` one the
``AttributeError`` of ``AbortError(signal.reason)`` with the reason undefined, the JsException as
its context -- and `workers-env dev` logs it and answers it with the Worker's frames, as
production's answer to the read (as a failed fetch itself is), not a workers-env bug with
every frame of its plumbing (leftovers47b; before: loader, tasks and workers_api.py's frames)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from worker_helpers import dev_500_logged, one_file_worker

from workers_env.runtime import load_worker

ENTRY = """\
    from pyodide.http import pyfetch
    from workers import Response, WorkerEntrypoint, fetch

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/sdk"):
                answer = await fetch("http://127.0.0.1:PORT/")
            else:
                answer = await pyfetch("http://127.0.0.1:PORT/")
            await answer.text()
            return Response("read")
"""


@pytest.fixture
def cut_short() -> Iterator[int]:
    """A port whose server announces 100,000 bytes, sends 10 and closes."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 10)

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()


@pytest.mark.parametrize(("date", "path", "last"), [
    ("2025-10-01", "/", "AttributeError: 'NoneType' object has no attribute 'message'"),
    ("2025-10-01", "/sdk", "pyodide.http.AbortError: Network connection lost."),
    ("2026-10-01", "/sdk", "pyodide.http._exceptions.AbortError: Network connection lost."),
])
def test_the_failed_read_is_logged_and_answered_with_the_workers_frames(tmp_path, caplog, cut_short, date, path,
                                                                         last):
    worker = load_worker(one_file_worker(tmp_path, ENTRY.replace("PORT", str(cut_short)), date=date))
    text, body = dev_500_logged(worker, path, caplog)
    for shown in (text, body):
        files = [line.split('"')[1] for line in shown.splitlines() if line.strip().startswith('File "')]
        assert files and all(name.endswith("src/entry.py") for name in files), shown
    assert text.splitlines()[-1] == last, text
