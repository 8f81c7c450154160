"""One Worker whose steps run on two threads at once holds the turn until both end: the thread
whose step took the turn first may end its step while the other thread's is still running, and a
second Worker's step on that first thread then waits for it (before, the turn remembered only the
first thread, so the second Worker's step ran at once, its ``helpers`` in ``sys.modules`` in place
of the first Worker's, and the first Worker's running step imported the second's; review93a)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from worker_helpers import one_file_worker

from workers_env import load_env, load_worker
from workers_env.runtime import scope

ENTRY = '''
from workers import Response, WorkerEntrypoint
import helpers_turn93


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/first"):
            self.env.HOLD.first()
        elif request.url.endswith("/held"):
            self.env.HOLD.held()
        elif request.url.endswith("/second"):
            self.env.HOLD.second()
        import helpers_turn93
        return Response(helpers_turn93.WHO)
'''


def _answer(worker, path):
    async def fetch():
        return await (await worker.fetch(path)).text()

    return asyncio.run(fetch())


class Hold:
    """The first Worker's "/first" step starts its "/held" request on another thread and ends once
    that one is inside its step; "/held" stays there until released."""

    def __init__(self):
        self.one = None
        self.inside = threading.Event()
        self.release = threading.Event()
        self.held_done = threading.Event()
        self.held_answer = []

    def first(self):
        def run():
            self.held_answer.append(_answer(self.one, "/held"))
            self.held_done.set()

        threading.Thread(target=run, daemon=True).start()
        assert self.inside.wait(30)

    def held(self):
        self.inside.set()
        assert self.release.wait(30)

    def second(self):  # the second Worker's step: it ran while "/held" was still in its step
        self.release.set()
        self.held_done.wait(30)


def test_a_second_workers_step_waits_for_the_first_workers_step_on_another_thread(tmp_path):
    hold = Hold()
    workers = []
    for who in ("one", "two"):
        folder = one_file_worker(tmp_path / who, ENTRY)
        (folder / "src" / "helpers_turn93.py").write_text(f"WHO = {who!r}\n")
        workers.append(load_worker(folder, env=load_env(folder, bindings={"HOLD": hold})))
    hold.one = workers[0]
    assert _answer(workers[0], "/first") == "one"

    def release_once_waiting():  # the second Worker's step waiting its turn: "/held" may go on
        deadline = time.monotonic() + 30  # (a bound, not a measure)
        while not scope._WAITING[0] and not hold.release.is_set() and time.monotonic() < deadline:
            time.sleep(0.001)
        hold.release.set()

    threading.Thread(target=release_once_waiting, daemon=True).start()
    assert _answer(workers[1], "/second") == "two"
    assert hold.held_done.wait(30)
    assert hold.held_answer == ["one"]


class _Interrupted(threading.Condition):
    """The turn's condition, its wait interrupted (Ctrl-C reaching the waiting main thread)."""

    def wait(self, timeout=None):
        raise KeyboardInterrupt


def test_a_wait_for_the_turn_that_is_interrupted_leaves_no_worker_running_on_its_thread(tmp_path, monkeypatch):
    from workers_env.runtime import current

    hold = Hold()
    one = one_file_worker(tmp_path / "one", ENTRY)
    (one / "src" / "helpers_turn93.py").write_text("WHO = 'one'\n")
    hold.one = load_worker(one, env=load_env(one, bindings={"HOLD": hold}))
    two = one_file_worker(tmp_path / "two", ENTRY)
    (two / "src" / "helpers_turn93.py").write_text("WHO = 'two'\n")

    def run():
        hold.held_answer.append(_answer(hold.one, "/held"))
        hold.held_done.set()

    threading.Thread(target=run, daemon=True).start()
    assert hold.inside.wait(30)  # the first Worker's step runs on another thread
    try:
        monkeypatch.setattr(scope, "_TURN", _Interrupted(scope._LOCK))
        with pytest.raises(KeyboardInterrupt):
            load_worker(two)  # (its top level waits its turn)
        assert current.current_runtime() is None  # this thread runs no Worker's code
        monkeypatch.undo()
    finally:
        hold.release.set()
    assert hold.held_done.wait(30)
    assert hold.held_answer == ["one"]
    assert _answer(load_worker(two), "/") == "two"
