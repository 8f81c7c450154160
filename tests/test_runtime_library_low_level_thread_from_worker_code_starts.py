"""A library (an installed package, under a ``site-packages`` folder) that Worker code calls
still starts its threads through ``_thread.start_new_thread`` and ``threading.Thread``, as
it does with ``threading.Thread`` alone (runtime/threadpool.py: only the Worker's own frames
are refused; a library may take another path in Pyodide), while the Worker's own
``_thread.start_new_thread`` is refused -- at its top level and in a handler."""

from __future__ import annotations

import json

import pytest
from worker_helpers import installed_package, one_file_worker

from workers_env import load_worker

LIBRARY = '''
import _thread
import threading


def start_low():
    done = threading.Event()
    _thread.start_new_thread(done.set, ())
    return done.wait(30)


def start_thread():
    done = threading.Event()
    threading.Thread(target=done.set).start()
    return done.wait(30)
'''

ENTRY = '''
import _thread

import threadylib
from workers import Response, WorkerEntrypoint


def own():
    try:
        _thread.start_new_thread(print, ())
    except RuntimeError as exc:
        return str(exc)
    return "started"


def cases():
    return [threadylib.start_low(), threadylib.start_thread(), own()]


AT_TOP = cases()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"top": AT_TOP, "handler": cases()})
'''


@pytest.mark.asyncio
async def test_a_librarys_low_level_thread_starts_from_worker_code(tmp_path, monkeypatch):
    installed_package(tmp_path, monkeypatch, "threadylib", LIBRARY)
    worker = load_worker(one_file_worker(tmp_path / "worker", ENTRY))
    body = json.loads(await (await worker.fetch("/")).text())
    expected = [True, True, "can't start new thread"]
    assert body == {"top": expected, "handler": expected}
