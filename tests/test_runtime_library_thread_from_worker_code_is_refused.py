"""A library (an installed package, under a ``site-packages`` folder) that Worker code calls
cannot start a thread either, as in production, where Pyodide 0.26.0a4, 0.28.2 and 314.0.6 answer
``threading.Thread(...).start()``, ``threading.Timer``, ``_thread.start_new_thread`` and
``ThreadPoolExecutor.submit`` with ``RuntimeError: can't start new thread`` (measured): at the
Worker's top level and in a handler. The same library called by test code starts its threads,
and so does asyncio's own executor a library reaches through ``loop.run_in_executor`` (an HTTP
client's ``loop.getaddrinfo``, which production sends through ``fetch``). Before, only the
Worker's own frames were refused, and such a thread ran and wrote to stderr as plain lines."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from worker_helpers import installed_package, one_file_worker

from workers_env import load_worker

LIBRARY = '''
import _thread
import asyncio
import concurrent.futures
import logging
import socket
import threading


def _tried(start):
    try:
        start()
    except RuntimeError as exc:
        return str(exc)
    return "started"


def starts():
    done = threading.Event()
    return [_tried(lambda: _thread.start_new_thread(done.set, ())),
            _tried(lambda: threading.Thread(target=done.set).start()),
            _tried(lambda: threading.Timer(0.01, done.set).start()),
            _tried(lambda: concurrent.futures.ThreadPoolExecutor().submit(done.set)),
            _tried(lambda: threading.Thread(target=logging.getLogger("threadylib").error, args=("from a thread",)).start())]


async def resolves():
    return len(await asyncio.get_running_loop().getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)) > 0
'''

ENTRY = '''
import threadylib
from workers import Response, WorkerEntrypoint

AT_TOP = threadylib.starts()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"top": AT_TOP, "handler": threadylib.starts(), "resolves": await threadylib.resolves()})
'''


@pytest.mark.asyncio
async def test_a_librarys_thread_from_worker_code_is_refused(tmp_path, monkeypatch, capfd):
    installed_package(tmp_path, monkeypatch, "threadylib", LIBRARY)
    worker = load_worker(one_file_worker(tmp_path / "worker", ENTRY))
    body = json.loads(await (await worker.fetch("/")).text())
    refused = 5 * ["can't start new thread"]
    assert body == {"top": refused, "handler": refused, "resolves": True}
    assert "from a thread" not in capfd.readouterr().err  # no thread ran to write it


@pytest.mark.asyncio
async def test_the_same_library_called_by_test_code_starts_its_threads(tmp_path, monkeypatch):
    installed_package(tmp_path, monkeypatch, "threadylib", LIBRARY)
    load_worker(one_file_worker(tmp_path / "worker", ENTRY))
    import threadylib  # the module the Worker imported, called from here

    assert threadylib.starts() == 5 * ["started"]
    assert await threadylib.resolves()
    assert socket.getaddrinfo("localhost", 80)
    await asyncio.sleep(0.05)  # (the Timer's)
