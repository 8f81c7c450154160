"""A subrequest whose request ends while its host name is still being looked up -- before any
socket of it exists, so there is nothing to shut down -- connects nothing once the lookup
answers: the dropped subrequest is checked before the lookup, after it and around each connect,
as workerd cancels a torn-down IoContext's I/O wherever it is. Offline: the lookup of a name of
the test's own is held until the Worker's response is out, then answers a local listener's
address, which must see no connection. The Worker answers only once the lookup is under way
(it polls the test's event, left on the ``socket`` module it shares with the test), so a loaded
machine's slow thread start cannot end the request before the lookup begins."""

from __future__ import annotations

import asyncio
import socket
import threading
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import UNAWAITED_FETCH, one_file_worker

from workers_env import load_worker


#: replaces the Worker's fixed 0.05 s sleep: wait (up to 10 s) until the lookup has begun
WAIT_FOR_THE_LOOKUP = """        import socket
        for _ in range(1000):
            if socket._workers_env_test_looked_up.is_set():
                break
            await asyncio.sleep(0.01)
"""


@pytest.mark.parametrize("call", ["fetch(URL)", "js.fetch(URL)"])
@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_subrequest_dropped_during_its_name_lookup_connects_nothing(tmp_path: Path, call: str, date: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    looked_up, answered = threading.Event(), threading.Event()
    real_getaddrinfo = socket.getaddrinfo

    def held_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "slow-lookup.test":
            looked_up.set()
            answered.wait(10)  # until the Worker's response is out: its request has ended
            host = "127.0.0.1"
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", held_getaddrinfo)
    monkeypatch.setattr(socket, "_workers_env_test_looked_up", looked_up, raising=False)
    answers: list[object] = []

    async def scenario() -> None:
        resp = await worker.fetch("/")
        answers.append(await resp.json())  # the response is out: the request ends
        answers.append(looked_up.is_set())
        answered.set()

    try:
        source = UNAWAITED_FETCH.format(url=f"http://slow-lookup.test:{port}/", call=call)
        source = source.replace("        await asyncio.sleep(0.05)\n", WAIT_FOR_THE_LOOKUP)
        assert WAIT_FOR_THE_LOOKUP in source
        worker = load_worker(one_file_worker(tmp_path, source, date=date))
        # asyncio.run ends by waiting for the threads it lent: the one looking the name up among them
        running = threading.Thread(target=asyncio.run, args=(scenario(),), daemon=True)
        running.start()
        running.join(20)
        assert not running.is_alive(), "the subrequest's thread was still busy after its request ended"
        assert answers == ["answered", True]  # the lookup was under way when the request ended
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):  # no connection is waiting to be accepted
            listener.accept()
    finally:
        answered.set()
        listener.close()
