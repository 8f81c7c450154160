"""``BackgroundServer``'s ``timeout`` must be a finite number of seconds above 0: with 0 or less it
gave up before its thread had started, closed the socket under it, and the thread failed with "Bad
file descriptor"; ``inf`` was an ``OverflowError`` from ``Thread.join`` on the way out. Now the
mistake is refused in words before anything starts. A timeout too short for the server to start
(here uvicorn's startup held back, or a loaded machine) is "did not start", and the socket is left
to the thread still starting (uvicorn closes it as it stops): it was closed under it, "Bad file
descriptor" again."""

from __future__ import annotations

import asyncio
import threading
import time
import urllib.request

import pytest
import uvicorn
from worker_helpers import one_file_worker

from workers_env import ConfigError, load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""


@pytest.mark.parametrize("timeout", [0, -1, 0.0, float("nan"), float("inf"), "10", None, True])
def test_a_timeout_that_is_no_positive_number_is_refused_before_anything_starts(tmp_path, timeout):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    threads = set(threading.enumerate())
    with pytest.raises(ConfigError) as caught:
        BackgroundServer(worker, timeout=timeout)
    assert str(caught.value) == ("BackgroundServer's timeout is the seconds it waits for the server to start and "
                                 f"to stop: give a finite number above 0, not {timeout!r}")
    assert set(threading.enumerate()) <= threads  # none started (another test's may end meanwhile)


def test_a_small_positive_timeout_still_serves(tmp_path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY)), timeout=5) as server:
        assert urllib.request.urlopen(server.url + "/", timeout=30).read() == b"ok"


def test_a_timeout_too_short_to_start_leaves_the_thread_its_socket(tmp_path, monkeypatch):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    threads = set(threading.enumerate())
    failed: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failed.append(args.exc_value))
    release = threading.Event()
    startup = uvicorn.Server.startup

    async def slow_startup(self, sockets=None):  # a server slower to start than the timeout
        await asyncio.to_thread(release.wait, 30)
        await startup(self, sockets=sockets)

    monkeypatch.setattr(uvicorn.Server, "startup", slow_startup)
    server = BackgroundServer(worker, timeout=0.05)
    with pytest.raises(RuntimeError, match="the worker server did not start on http://127.0.0.1:"):
        server.__enter__()
    release.set()
    deadline = time.monotonic() + 30
    while set(threading.enumerate()) - threads and time.monotonic() < deadline:
        time.sleep(0.01)  # the server's thread starts, sees it must stop, and ends
    assert not set(threading.enumerate()) - threads
    assert failed == []
