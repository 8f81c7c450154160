"""A ``waitUntil`` task cancelled from outside the Worker's code -- as the caller's event loop
ending cancels every task, which may reach a waitUntil task before the request's own wait sees the
loop end (a race read47 saw once under load: ``Uncaught exception in waitUntil() CancelledError``)
-- is not logged as the Worker's failure; a ``CancelledError`` its own code raises still is
(``test_runtime_handler_cancelled_error_is_an_uncaught_exception.py``)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from workers_env import load_worker

WORKER = """
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async def background_sleeper():
            await asyncio.sleep(60)

        async def background_failure():
            await asyncio.sleep(0.02)
            raise ValueError("its own failure")

        self.ctx.waitUntil(background_sleeper())
        self.ctx.waitUntil(background_failure())
        return Response("answered")
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(WORKER)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\ndependencies = []\n')
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-17"\n'
        'compatibility_flags = ["python_workers"]\n')
    return tmp_path


def _awaiting(coro) -> list[str]:
    """The names of the coroutines ``coro`` awaits, down its ``await`` chain."""
    names = []
    while coro is not None and hasattr(coro, "cr_code"):
        names.append(coro.cr_code.co_name)
        coro = coro.cr_await
    return names


def test_a_wait_until_task_cancelled_from_outside_is_not_logged_its_own_failure_is(tmp_path, caplog):
    worker = load_worker(_project(tmp_path) / "wrangler.toml")
    logged = _logged_cancelling(worker, "background_sleeper", caplog)  # (as asyncio.run's end does, ahead of
    assert logged == [("Uncaught exception in waitUntil()", "ValueError")]  # the request's own wait)


def _logged_cancelling(worker, name: str, caplog) -> list[tuple[str, str | None]]:
    """Fetch ``/`` of ``worker`` and, 0.1 s on, cancel from outside (the test's code) the task of
    its waitUntil work awaiting the coroutine ``name``; workers-env's error records (message,
    exception type) once the answer (``answered``) is read."""
    async def scenario() -> str:
        fetching = asyncio.ensure_future(worker.fetch("/"))
        await asyncio.sleep(0.1)
        [task] = [t for t in asyncio.all_tasks() if name in _awaiting(t.get_coro())]
        task.cancel()
        response = await asyncio.wait_for(fetching, 10)
        return await response.text()

    with caplog.at_level(logging.ERROR, logger="workers_env"):
        assert asyncio.run(scenario()) == "answered"
    return [(r.getMessage(), r.exc_info[0].__name__ if r.exc_info else None) for r in caplog.records
            if r.name.startswith("workers_env")]


SELF_CANCELLING = """
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async def work():
            await asyncio.sleep(60)

        at_once = asyncio.ensure_future(work())
        self.ctx.waitUntil(at_once)
        at_once.cancel()
        later = asyncio.ensure_future(work())
        self.ctx.waitUntil(later)
        await asyncio.sleep(0)
        later.cancel()
        return Response("answered")
"""


def test_a_wait_until_task_the_worker_cancels_itself_is_logged(tmp_path, caplog):
    """review71: the Worker's own ``t.cancel()`` of a task it gave ``waitUntil`` is its failure:
    Pyodide turns the cancelled task into a promise rejected with ``PythonError`` (CancelledError)
    -- measured under Node with npm pyodide 0.26.0a4, 0.28.2 and 314.0.6, before and after the task
    started -- and workerd logs a rejected waitUntil promise. Only a cancel from outside (above)
    is not."""
    logged = _logged_fetching(tmp_path, SELF_CANCELLING, caplog)
    assert logged == [("Uncaught exception in waitUntil()", "CancelledError")] * 2


CANCELS_ITS_OWN_TASK = """
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async def cancels_itself():
            asyncio.current_task().cancel()
            await asyncio.sleep(60)

        held = []

        async def cancelled_by_its_sibling():
            held.append(asyncio.current_task())
            await asyncio.sleep(60)

        async def sibling():
            held[0].cancel()

        async def withdraws_its_cancel():
            me = asyncio.current_task()
            me.cancel()
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                me.uncancel()
            await asyncio.sleep(60)  # then cancelled from outside, by the test

        self.ctx.waitUntil(cancels_itself())
        self.ctx.waitUntil(cancelled_by_its_sibling())
        self.ctx.waitUntil(withdraws_its_cancel())
        await asyncio.sleep(0)
        self.ctx.waitUntil(sibling())
        return Response("answered")
"""


def test_a_wait_until_task_the_workers_code_cancels_is_logged_once_withdrawn_not(tmp_path, caplog):
    """review72: the task Pyodide makes of waitUntil work, cancelled by the Worker's own code (the
    work itself through ``asyncio.current_task()``, or other work of the Worker's), rejects its
    promise with ``PythonError`` (CancelledError) -- measured on Pyodide 0.26.0a4, 0.28.2, 314.0.6
    -- which workerd logs; workers-env took it for a cancel from outside and logged nothing. A
    cancel the Worker withdrew (``uncancel``) is not its own any more: the test's later cancel of
    that task, from outside, is not logged."""
    _project(tmp_path)
    (tmp_path / "src" / "entry.py").write_text(CANCELS_ITS_OWN_TASK)
    worker = load_worker(tmp_path / "wrangler.toml")
    logged = _logged_cancelling(worker, "withdraws_its_cancel", caplog)
    assert logged == [("Uncaught exception in waitUntil()", "CancelledError")] * 2


CANCELS_FROM_A_CALLBACK = """
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async def work():
            await asyncio.sleep(60)

        task = asyncio.ensure_future(work())
        self.ctx.waitUntil(task)
        asyncio.get_running_loop().call_later(0.01, task.cancel)

        async def cancels_itself_later():
            asyncio.get_running_loop().call_later(0.01, asyncio.current_task().cancel)
            await asyncio.sleep(60)

        self.ctx.waitUntil(cancels_itself_later())
        return Response("answered")
"""


def test_a_wait_until_task_the_workers_callback_cancels_is_logged(tmp_path, caplog):
    """audit23: a cancel the Worker's code schedules (``loop.call_later(0.01, task.cancel)``) is the
    Worker's too: Pyodide 0.26.0a4, 0.28.2 and 314.0.6 reject that waitUntil promise with
    ``PythonError`` (CancelledError) as for a cancel made in a task (measured under Node: the probe
    of tools/pyodide/waituntil_self_cancel_probe.mjs with the cancel made by ``call_later``), and
    workerd logs it. The task of waitUntil work whose own code so cancels it was taken for one
    cancelled from outside (the note asked for a running task: hand mutant K2) and not logged."""
    logged = _logged_fetching(tmp_path, CANCELS_FROM_A_CALLBACK, caplog)
    assert logged == [("Uncaught exception in waitUntil()", "CancelledError")] * 2


def _logged_fetching(tmp_path: Path, entry: str, caplog) -> list[tuple[str, str | None]]:
    """Fetch ``/`` of a Worker made of ``entry``, its body read (``answered``): workers-env's error
    records (message, exception type)."""
    _project(tmp_path)
    (tmp_path / "src" / "entry.py").write_text(entry)
    worker = load_worker(tmp_path / "wrangler.toml")

    async def scenario() -> str:
        response = await worker.fetch("/")
        return await response.text()

    with caplog.at_level(logging.ERROR, logger="workers_env"):
        assert asyncio.run(scenario()) == "answered"
    return [(r.getMessage(), r.exc_info[0].__name__ if r.exc_info else None) for r in caplog.records
            if r.name.startswith("workers_env")]
