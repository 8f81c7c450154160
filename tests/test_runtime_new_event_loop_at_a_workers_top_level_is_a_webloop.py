"""``asyncio.new_event_loop()`` at a Worker's module top level is Pyodide's ``WebLoop`` too: real
Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (under Node with JSPI, the module run as workerd imports it:
``callPromising`` from 0.28; loops54) give a ``WebLoop`` there, running, never closed
(``close()`` ignored), its ``run_until_complete(coro)`` the coroutine's value from 0.28, and in a
later request its ``run_until_complete`` waits (0.28, 314) or hands back the task (0.26). Before,
workers-env gave asyncio's own loop, not running, closed by ``close()`` and freed with
``ResourceWarning: unclosed event loop`` (review83); a request's ``run_until_complete`` of it was
asyncio's ``Cannot run the event loop while another loop is running``."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from pyodide.webloop import WebLoop
    from workers import Response, WorkerEntrypoint


    async def co():
        await asyncio.sleep(0.01)
        return 5


    LOOP = asyncio.new_event_loop()
    TOP = [type(LOOP).__name__, isinstance(LOOP, WebLoop), LOOP.is_running(), repr(LOOP.close()), LOOP.is_closed()]
    try:
        TOP.append(LOOP.run_until_complete(co()))
    except Exception as error:
        TOP.append(type(error).__name__)


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            x = LOOP.run_until_complete(co())
            got = x if isinstance(x, int) else [type(x).__name__, await x]
            return Response.json([TOP, got, LOOP.is_running(), LOOP.is_closed()])
"""


ERAS = [("2025-09-01", "NotEmulatedError", ["PyodideTask", 5]), ("2025-10-01", 5, 5), ("2026-09-08", 5, 5)]


def check(got, at_top, in_request):
    top, request, running, closed = got
    assert top == ["WebLoop", True, True, "None", False, at_top]
    assert request == in_request and running is True and closed is False


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "at_top", "in_request"), ERAS)
async def test_imported_under_a_running_loop(tmp_path, date, at_top, in_request):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    check(await (await worker.fetch("/")).json(), at_top, in_request)
    await asyncio.sleep(0.001)  # the test's own loop still runs its task (the import made no loop running)


@pytest.mark.parametrize(("date", "at_top", "in_request"), ERAS)
def test_imported_where_no_loop_runs(tmp_path, date, at_top, in_request):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))

    async def ask():
        return await (await worker.fetch("/")).json()

    check(asyncio.run(ask()), at_top, in_request)


RUNNER = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def co():
        await asyncio.sleep(0.01)
        return 5


    with asyncio.Runner() as runner:  # asyncio's machinery asks for its own loop: it stays asyncio's
        GOT = [runner.run(co()), type(runner.get_loop()).__name__ != "WebLoop"]


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json(GOT)
"""


def test_asyncios_runner_at_the_top_level_keeps_its_own_loop(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, RUNNER, date="2025-10-01"))

    async def ask():
        return await (await worker.fetch("/")).json()

    assert asyncio.run(ask()) == [5, True]


UNBOUND = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def co():
        return 5


    LOOP = asyncio.new_event_loop()
    try:
        LOOP.run_until_complete(co())
    except Exception as error:
        SAID = [type(error).__name__, str(error)]


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json(SAID)
"""


def test_scheduling_on_it_during_the_import_on_0_26_says_what_is_not_emulated(tmp_path):
    """(0.26 runs the import plainly, where Pyodide would schedule on JavaScript's event loop after it.)"""
    worker = load_worker(one_file_worker(tmp_path, UNBOUND, date="2025-09-01"))

    async def ask():
        return await (await worker.fetch("/")).json()

    assert asyncio.run(ask()) == [
        "NotEmulatedError", "scheduling on a loop made at a Worker's top level while the module is imported, or where "
        "no event loop runs, is not emulated by workers-env (Pyodide runs it after the import, on JavaScript's event "
        "loop): schedule it from a handler"]
