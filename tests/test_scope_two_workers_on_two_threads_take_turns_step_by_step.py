"""Two different Workers whose code runs on two threads at once take turns, step by step: while a
step of one runs (its modules in the process's one ``sys.modules``), the other's next step waits
for it to end, so each imports its own ``helpers`` (flake55 saw the other Worker's module, and
``KeyError: 'entry'``, in 13 of 40 runs with ``sys.setswitchinterval(1e-5)``). Here the first
Worker's step holds itself open in a binding until the second Worker's request, started on another
thread meanwhile, is either done (it ran inside the step: before, it did) or waiting its turn. A
step entered on the thread of the step under way -- another Worker loaded from an empty context
inside it -- runs at once: it would otherwise wait for itself (audit37: no test held it). The step
whose turn it was is let go when it ends: a Worker your test drops is collected with its modules."""

from __future__ import annotations

import asyncio
import contextvars
import gc
import threading
import time
import warnings
import weakref

from worker_helpers import one_file_worker

from workers_env import load_env, load_worker
from workers_env.runtime import scope

ENTRY = '''
from workers import Response, WorkerEntrypoint
import helpers_turn60


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/hold"):
            self.env.HOLD.hold()  # (the other Worker's request starts on another thread meanwhile)
        import helpers_turn60
        return Response(helpers_turn60.WHO)
'''


def _answer(worker, path):
    async def fetch():
        return await (await worker.fetch(path)).text()

    return asyncio.run(fetch())


class Hold:
    """Starts the other Worker's request on a thread and returns once it is done or waits its turn."""

    def __init__(self):
        self.other = None
        self.answers = []
        self.done_during_the_step = None

    def hold(self):
        done = threading.Event()

        def run():
            self.answers.append(_answer(self.other, "/"))
            done.set()

        threading.Thread(target=run, daemon=True).start()
        deadline = time.monotonic() + 60  # (a bound on the wait, not a measure: either comes at once)
        while not done.is_set() and not scope._WAITING[0] and time.monotonic() < deadline:  # (waiting its turn)
            time.sleep(0.001)
        self.done_during_the_step = done.is_set()
        self.thread_done = done


def test_the_other_workers_step_waits_for_this_ones_to_end(tmp_path):
    hold = Hold()
    workers = []
    for who in ("one", "two"):
        folder = one_file_worker(tmp_path / who, ENTRY)
        (folder / "src" / "helpers_turn60.py").write_text(f"WHO = {who!r}\n")
        workers.append(load_worker(folder, env=load_env(folder, bindings={"HOLD": hold})))
    hold.other = workers[1]
    assert _answer(workers[0], "/hold") == "one"
    assert hold.thread_done.wait(60)
    assert hold.answers == ["two"]
    assert hold.done_during_the_step is False


NESTING = '''
from workers import Response, WorkerEntrypoint
import helpers_nest60


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loaded = self.env.NEST.load()  # another Worker's top level runs inside this step, on this thread
        import helpers_nest60
        return Response(f"{helpers_nest60.WHO} {loaded}")
'''

NESTED = '''
from workers import Response, WorkerEntrypoint
import helpers_nest60

WHO = helpers_nest60.WHO


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(WHO)
'''


class Nest:
    """Loads a Worker from an empty context (no Worker running in it), as code of no Worker's would."""

    def __init__(self, folder):
        self.folder = folder

    def load(self):
        return contextvars.Context().run(load_worker, self.folder).module.WHO


def test_a_step_entered_on_the_thread_of_the_step_under_way_runs_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(scope, "TURN_TIMEOUT", 3.0)  # (waiting for itself would end in ModuleScopeError)
    folders = {}
    for who, entry in (("one", NESTING), ("two", NESTED)):
        folders[who] = one_file_worker(tmp_path / who, entry)
        (folders[who] / "src" / "helpers_nest60.py").write_text(f"WHO = {who!r}\n")
    worker = load_worker(folders["one"], env=load_env(folders["one"], bindings={"NEST": Nest(folders["two"])}))
    assert _answer(worker, "/") == "one two"


def test_a_worker_let_go_after_its_steps_is_collected_with_its_modules(tmp_path):
    worker = load_worker(one_file_worker(tmp_path / "dropped", NESTED.replace("import helpers_nest60\n", "").replace(
        "helpers_nest60.WHO", "'dropped'")))
    assert _answer(worker, "/") == "dropped"
    module = weakref.ref(worker.module)
    del worker
    gc.collect()
    assert module() is None  # (audit37: the last step's scope, held as the one whose turn it was, kept it)


class HoldUntilRefused(Hold):
    """Starts the other Worker's request on a thread and holds this step until that request ends."""

    def hold(self):
        def run():
            try:
                self.answers.append(_answer(self.other, "/"))
            except Exception as error:  # noqa: BLE001 - the refusal looked at below
                self.answers.append(error)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        thread.join(60)  # (a bound, not a measure: the wait ends after TURN_TIMEOUT)


def test_a_step_that_waits_longer_than_turn_timeout_is_refused_with_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(scope, "TURN_TIMEOUT", 0.5)
    hold = HoldUntilRefused()
    workers, folders = [], []
    for who in ("one", "two"):
        folders.append(one_file_worker(tmp_path / who, ENTRY))
        (folders[-1] / "src" / "helpers_turn60.py").write_text(f"WHO = {who!r}\n")
        workers.append(load_worker(folders[-1], env=load_env(folders[-1], bindings={"HOLD": hold})))
    hold.other = workers[1]
    assert _answer(workers[0], "/hold") == "one"
    [refused] = hold.answers
    assert isinstance(refused, scope.ModuleScopeError)
    said = str(refused)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del refused, hold.answers[:]
        gc.collect()
    # (the refused request's handler never ran: audit37 found it collected unawaited, a RuntimeWarning)
    assert [str(w.message) for w in caught if "never awaited" in str(w.message)] == []
    assert said == (
        f"workers-env: the Worker of {folders[1] / 'src'} waited 0.5 s for a step of the Worker of {folders[0] / 'src'} "
        "running on another thread: two Workers' code cannot run at the same moment in one process (their modules "
        "share sys.modules), so each waits for the other's step to end -- and one that blocks on a thread waiting for "
        "it never ends. Run the process's Workers on one thread, or each Worker in a process of its own")
    assert _answer(workers[1], "/") == "two"  # (the other Worker's next step runs as usual)
