"""The watch ``workers-env dev``'s stop signal starts (runtime/stopcutoff.py ``end_if_held``) looks
at the held thread 2 s after the signal and every 2 s after while the server has not stopped --
README's choice (wrangler's stop takes 0.06-0.12 s; 2 s long enough that a stop under load is not
cut short) -- and ends the process at the first look that finds the Worker's own code there: also
when an earlier look found only workers-env's (a slow step of its own, waited for), and also when
that code was compiled by the Worker's ``exec`` (a ``<string>`` frame whose globals are the
Worker's module). audit33's mutants (1 s; one look only; ``exec``'d code not the Worker's)
survived the tests of review86."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from worker_helpers import worker_file_module

from workers_env.runtime.stopcutoff import end_if_held

# ``held`` is made by the module's own exec: its frame's file is "<string>", its globals the module's
WORKER = '''
exec(compile("""
import time


def held(stop, entered):
    entered.set()
    while not stop.is_set():
        try:
            time.sleep(0.005)
        except BaseException:
            pass
""", "<string>", "exec"))
'''


@pytest.fixture
def exec_made_worker_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return worker_file_module(tmp_path, monkeypatch, WORKER, "audit33_exec_entry").held


class _Finished:
    """A server that never stops, for the first ``looks`` waits: each wait's timeout recorded."""

    def __init__(self, looks: int):
        self.timeouts: list[float | None] = []
        self.looks = looks

    def wait(self, timeout: float | None = None) -> bool:
        self.timeouts.append(timeout)
        return len(self.timeouts) > self.looks


def test_the_watch_looks_2_s_after_the_signal_and_every_2_s_after():
    finished = _Finished(looks=2)  # two looks find workers-env's own code (this test's), then the server ends
    ended: list[int] = []
    end_if_held(143, finished, end=ended.append).join(5)  # type: ignore[arg-type]
    assert finished.timeouts == [2.0, 2.0, 2.0] and ended == []


def _held_after(first, then, finished: threading.Event) -> tuple[list[int], threading.Event]:
    ended: list[int] = []
    stop, entered = threading.Event(), threading.Event()

    def thread() -> None:
        end_if_held(130, finished, after=0.05, end=lambda status: (ended.append(status), stop.set()))
        first()
        then(stop, entered)

    threading.Thread(target=thread, daemon=True).start()
    return ended, stop


def test_worker_code_taking_hold_after_a_look_found_workers_envs_own_is_ended(exec_made_worker_code):
    ended, stop = _held_after(lambda: time.sleep(0.2), exec_made_worker_code, threading.Event())  # 4 looks first
    assert stop.wait(5)
    assert ended == [130]


def test_code_the_workers_exec_compiled_is_the_workers_own(exec_made_worker_code):
    ended, stop = _held_after(lambda: None, exec_made_worker_code, threading.Event())
    assert stop.wait(5)
    assert ended == [130]
