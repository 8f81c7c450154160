"""The watch a stop signal starts under ``workers-env dev`` (runtime/stopcutoff.py ``end_if_held``)
learns that the server stopped once its ``run()`` ends: the event it waits on is set then, so it
looks no more -- else Worker code running after the server's end (a finaliser, an ``atexit``
function of the Worker's) could be taken for code holding the stop, and the process ended with
128 + the signal where it had stopped. audit33's mutant (``run()`` never setting it) survived
review86's tests, which checked only that the watch is given the server's event."""

from __future__ import annotations

import signal
import threading

from worker_helpers import HELLO, one_file_worker

from workers_env import load_worker
from workers_env.runtime import server as server_module


def test_the_watch_is_told_the_server_stopped_as_run_ends(tmp_path, monkeypatch):
    watched: list[tuple[int, threading.Event]] = []
    monkeypatch.setattr(server_module, "end_if_held", lambda status, finished: watched.append((status, finished)))
    worker = load_worker(one_file_worker(tmp_path, HELLO))
    server = server_module._Server(server_module._config(worker, host="127.0.0.1", port=0))
    server.ends_process = True  # workers-env dev's
    with server.capture_signals():
        server.handle_exit(signal.SIGINT, None)  # the stop, before it serves
    (status, finished), = watched
    waiting = finished.is_set()
    server.run()  # stops at once: the signal came
    assert (status, waiting, finished.is_set()) == (130, False, True)
