"""A thread the Worker's code starts is refused (``RuntimeError: can't start new thread``), and
``start()`` of the same thread object again is what Pyodide says then: from Pyodide 0.28
(Python 3.13's ``_start_joinable_thread`` finds the thread's handle used) ``thread already
started``, in the 0.26 era ``can't start new thread`` again -- measured under Node on npm
pyodide 0.26.0a4, 0.28.2 and 314.0.6, ``threading.Thread`` and ``threading.Timer`` alike; a
never-started thread's ``join()`` is ``cannot join thread before it is started`` in all three.
workers-env said ``can't start new thread`` every time, on every host Python. A subclass that
skipped ``Thread.__init__`` keeps CPython's ``thread.__init__() not called``, as in Pyodide; code
the Worker ``exec``s in a namespace of no module is its own, refused too (it started a thread).
tools/pyodide/pyodide_cases.py group ``threads-started-again``: 2/2 on each of the three."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import json
import threading
from workers import Response, WorkerEntrypoint


class Bare(threading.Thread):
    def __init__(self):
        pass


def attempts(thread):
    out = []
    for _ in range(3):
        try:
            thread.start()
            out.append("started")
        except RuntimeError as e:
            out.append(str(e))
    try:
        thread.join()
    except RuntimeError as e:
        out.append(str(e))
    return out


def exec_start():
    try:
        exec("threading.Thread(target=print).start()", {"threading": threading})
        return "started"
    except RuntimeError as e:
        return str(e)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps({"thread": attempts(threading.Thread(target=print)),
                                    "timer": attempts(threading.Timer(1, print))[:2],
                                    "bare": attempts(Bare())[:1], "exec": exec_start()}))
"""

REFUSED, AGAIN = "can't start new thread", "thread already started"
UNJOINED = "cannot join thread before it is started"


@pytest.mark.parametrize(("date", "again"), [("2025-09-01", REFUSED), ("2025-11-02", AGAIN), ("2026-10-01", AGAIN)])
def test_a_second_start_is_pyodides_answer_of_the_era(tmp_path: Path, date: str, again: str) -> None:
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, "/") == {"thread": [REFUSED, again, again, UNJOINED], "timer": [REFUSED, again],
                                          "bare": ["thread.__init__() not called"], "exec": REFUSED}
