"""A subrequest whose TLS handshake is still under way when its request ends -- a server that
accepts the connection and never answers the handshake -- is dropped then, as workerd cancels
a torn-down IoContext's I/O: its TLS socket is registered before the handshake (the TCP socket
it wraps is detached by then), so no thread is left waiting in the handshake until its 30 s
timeout (which ``asyncio.run`` would wait for as it shuts its threads down)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
import asyncio
import js
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        asyncio.ensure_future({call})  # neither awaited nor handed to waitUntil
        await asyncio.sleep(0.05)
        return Response.json("answered")

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@contextlib.contextmanager
def silent_tls_server() -> Iterator[str]:
    """``https://127.0.0.1:<port>`` of a server that accepts connections and never says a word,
    so a client's handshake waits for the server's hello."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                accepted.append(server.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{server.getsockname()[1]}"
    finally:
        server.close()
        for conn in accepted:
            conn.close()


@pytest.mark.parametrize("call", ["fetch(URL)", "js.fetch(URL)"])
@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_subrequest_in_its_tls_handshake_is_dropped_when_its_request_ends(tmp_path: Path, call: str,
                                                                           date: str) -> None:
    answers: list[object] = []

    async def scenario() -> None:
        resp = await worker.fetch("/")
        answers.append(await resp.json())  # the response is out: the request ends

    with silent_tls_server() as url:
        worker = load_worker(one_file_worker(tmp_path, WORKER.format(url=url, call=call), date=date))
        # asyncio.run ends by waiting for the threads it lent: the one in the handshake must be free
        running = threading.Thread(target=asyncio.run, args=(scenario(),), daemon=True)
        running.start()
        running.join(10)
        assert answers == ["answered"]
        assert not running.is_alive(), "the subrequest's TLS handshake was still waiting after its request ended"
