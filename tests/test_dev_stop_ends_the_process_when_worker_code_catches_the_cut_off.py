"""A stop signal to ``workers-env dev`` ends the process even when the Worker's code catches the
cut-off and holds the loop's thread again -- ``except BaseException`` (or a bare ``except``)
around a blocking wait, then waiting again -- as wrangler dev ends its isolate whatever it does
(130/143 in 0.06-0.12 s, tools/wrangler/dev_stop_signal_probe.py). Before, dev went on for ever:
measured by hand (review86), a Worker looping on ``time.sleep(0.01)`` inside ``try/except
BaseException`` under ``workers-env dev`` stayed up through Ctrl+C, a second Ctrl+C and SIGTERM
(14 cut-offs caught), where it now exits 130 some 2.4 s after the first. The server's watch
(runtime/stopcutoff.py ``end_if_held``) ends it when the stop has not finished and the thread's
stack still holds the Worker's own code; workers-env's own steps, however slow, are waited for."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from worker_helpers import worker_file_module

from workers_env.runtime.stopcutoff import end_if_held

WORKER = """
import time


def held(stop, entered):
    entered.set()
    while not stop.is_set():
        try:
            time.sleep(0.005)
        except BaseException:  # the cut-off too, as a retry loop catches it
            pass
"""


def _not_the_workers(stop: threading.Event, entered: threading.Event) -> None:
    entered.set()
    while not stop.is_set():
        time.sleep(0.005)


@pytest.fixture
def worker_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """``held`` of a module the process counts as a Worker's own file."""
    return worker_file_module(tmp_path, monkeypatch, WORKER, "review86_held_entry").held


def _run(code, finished: threading.Event) -> tuple[list[int], threading.Event]:
    """``code`` in a thread of its own after a stop's watch began there; the statuses it ended with."""
    ended: list[int] = []
    stop, entered = threading.Event(), threading.Event()

    def thread() -> None:
        end_if_held(130, finished, after=0.05, end=lambda status: (ended.append(status), stop.set()))
        code(stop, entered)

    runner = threading.Thread(target=thread, daemon=True)
    runner.start()
    assert entered.wait(5)
    return ended, stop


def test_worker_code_holding_the_thread_after_a_stop_ends_the_process(worker_code):
    ended, stop = _run(worker_code, threading.Event())
    assert stop.wait(5)  # (ended: the watch's end() stops the held code too)
    assert ended == [130]


def test_workers_envs_own_slow_steps_are_waited_for(worker_code):
    finished = threading.Event()
    ended, stop = _run(_not_the_workers, finished)
    time.sleep(0.3)  # six of the watch's looks
    finished.set()  # the server ended
    stop.set()
    assert ended == []


def test_a_stop_that_finishes_ends_nothing(worker_code):
    finished = threading.Event()
    finished.set()
    ended, stop = _run(worker_code, finished)
    time.sleep(0.2)
    stop.set()
    assert ended == []


@pytest.mark.parametrize("ends_process", [True, False])
def test_dev_servers_stop_signal_starts_the_watch(tmp_path, monkeypatch, ends_process):
    import signal

    from worker_helpers import HELLO, one_file_worker

    from workers_env import load_worker
    from workers_env.runtime import server as server_module

    watched: list[tuple[int, threading.Event]] = []
    monkeypatch.setattr(server_module, "end_if_held", lambda status, finished: watched.append((status, finished)))
    worker = load_worker(one_file_worker(tmp_path, HELLO))
    server = server_module._Server(server_module._config(worker, host="127.0.0.1", port=0))
    server.ends_process = ends_process  # workers-env dev's server (serve()), or a BackgroundServer's
    with server.capture_signals():
        server.handle_exit(signal.SIGTERM, None)
        server.handle_exit(signal.SIGTERM, None)  # (one watch for the stop)
    assert [status for status, _ in watched] == ([143] if ends_process else [])
    assert all(finished is server._ran for _, finished in watched)
