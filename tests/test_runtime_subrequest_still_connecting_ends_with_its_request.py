"""A subrequest whose connection is still being made when its request ends -- an address that
never answers, here a local listener whose backlog is full and that never accepts, or an
``https://`` server that accepts and never answers the TLS handshake -- is dropped then, as
workerd cancels a torn-down IoContext's I/O: the connect or handshake is abandoned at once (each
socket, the TLS one too, is registered before it is used), so no thread is left blocked in it
until its 30 s timeout (which ``asyncio.run`` would wait for as it shuts its threads down)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import UNAWAITED_FETCH, one_file_worker

from workers_env import load_worker


def accept_queue(server: socket.socket) -> tuple[int, int]:
    """How many connections listening ``server`` holds unaccepted, and the most it holds:
    Linux's ``TCP_INFO`` of a listening socket (``tcpi_unacked``, ``tcpi_sacked``)."""
    return struct.unpack_from("II", server.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104), 24)


@contextlib.contextmanager
def unaccepting_listener() -> Iterator[str]:
    """``http://127.0.0.1:<port>`` of a listener that never accepts, its backlog filled: connects
    are made to it, each once the kernel holds the one before, until it holds more than its
    backlog (the kernel drops the SYN of a connect to a full backlog), as every later one will be.
    Full is what the kernel says (it used to be guessed from a connect still pending after 0.5 s,
    which on a loaded machine may be one merely slow)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    address = server.getsockname()
    fillers: list[socket.socket] = []
    deadline = time.monotonic() + 10
    try:
        while True:
            held, most = accept_queue(server)
            if held > most:
                break
            if len(fillers) >= 64 or time.monotonic() > deadline:
                pytest.fail(f"a listener that never accepts holds {held} of {len(fillers)} connects: its backlog never filled")
            if held < len(fillers):  # the last filler's handshake is still under way
                time.sleep(0.001)
                continue
            filler = socket.socket()
            fillers.append(filler)
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(address)
        yield f"http://127.0.0.1:{address[1]}"
    finally:
        for filler in fillers:
            filler.close()
        server.close()


@contextlib.contextmanager
def silent_tls_server() -> Iterator[str]:
    """``https://127.0.0.1:<port>`` of a server that accepts connections and never says a word,
    so a client's TLS handshake waits for the server's hello."""
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


@pytest.mark.parametrize("listener", [unaccepting_listener, silent_tls_server])
@pytest.mark.parametrize("call", ["fetch(URL)", "js.fetch(URL)"])
@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_subrequest_still_connecting_is_dropped_when_its_request_ends(tmp_path: Path, call: str, date: str,
                                                                        listener: Callable[[], Any]) -> None:
    answers: list[object] = []

    async def scenario() -> None:
        resp = await worker.fetch("/")
        answers.append(await resp.json())  # the response is out: the request ends

    with listener() as url:
        worker = load_worker(one_file_worker(tmp_path, UNAWAITED_FETCH.format(url=url, call=call), date=date))
        # asyncio.run ends by waiting for the threads it lent: the one connecting must be free
        running = threading.Thread(target=asyncio.run, args=(scenario(),), daemon=True)
        running.start()
        running.join(10)
        assert answers == ["answered"]
        assert not running.is_alive(), "the subrequest's connect was still pending after its request ended"
