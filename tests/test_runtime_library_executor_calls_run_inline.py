"""A library the Worker's code calls gets Pyodide's ``WebLoop.run_in_executor`` too: the function
runs at once on the loop's thread, as Pyodide runs every caller's (0.26.0a4, 0.28.2, 314.0.6:
``loop.run_in_executor(None, f)`` answers on the main thread, and ``f`` starting a thread is
``RuntimeError: can't start new thread``) -- langchain-core's ``Runnable.ainvoke`` of a sync
``invoke`` hands it to ``run_in_executor`` inside a task it makes itself. Before, a library's call
ran on asyncio's executor thread, where a thread the library then started ran (Pyodide refuses
it), and so did a thread a library's own task started -- and (review75) a library's callback the
loop runs (``call_soon``, a done callback) still did. Test code calling the same library keeps
asyncio's executor and its threads."""

from __future__ import annotations

import json
import threading

import pytest
from worker_helpers import installed_package, one_file_worker

from workers_env import load_worker

LIBRARY = '''
import asyncio
import contextvars
import functools
import threading


def on_main_thread():
    return threading.current_thread() is threading.main_thread()


def _starts():
    try:
        threading.Thread(target=print).start()
    except RuntimeError as exc:
        return str(exc)
    return "started"


async def _in_executor(func):  # langchain_core.runnables.config.run_in_executor's way
    call = functools.partial(contextvars.copy_context().run, func)
    return await asyncio.get_running_loop().run_in_executor(None, call)


async def ainvoke(func):  # langchain_core's ainvoke: the call made in a task of its own
    return await asyncio.create_task(_in_executor(func))


async def starts_in_executor():
    return await asyncio.get_running_loop().run_in_executor(None, _starts)


async def _astarts():
    return _starts()


async def starts_in_its_task():
    return await asyncio.create_task(_astarts())


async def in_callbacks():  # a callback the library schedules: call_soon, a future's done callback
    loop = asyncio.get_running_loop()
    seen = {}

    def soon():
        seen["call_soon"] = loop.run_in_executor(None, on_main_thread)  # inline: on the main thread
        seen["call_soon starts"] = _starts()

    def done(_future):
        seen["done callback"] = loop.run_in_executor(None, on_main_thread)
        seen["done callback starts"] = _starts()

    loop.call_soon(soon)
    future = loop.create_future()
    future.add_done_callback(done)
    future.set_result(None)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    # where each ran, not whether it had settled: Python 3.14's wrap_future settles a future whose
    # thread finished first at once, so .done() said "inline" for test code's executor calls
    return {k: (await v) if isinstance(v, asyncio.Future) else v for k, v in seen.items()}
'''

ENTRY = '''
import executorlib
from workers import Response, WorkerEntrypoint


def mine():
    return executorlib.on_main_thread()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"ainvoke": await executorlib.ainvoke(mine),
                              "library's own": await executorlib.ainvoke(executorlib.on_main_thread),
                              "starts in executor": await executorlib.starts_in_executor(),
                              "starts in its task": await executorlib.starts_in_its_task(),
                              "in callbacks": await executorlib.in_callbacks()})
'''


@pytest.mark.asyncio
async def test_a_librarys_run_in_executor_runs_inline_for_worker_code(tmp_path, monkeypatch):
    installed_package(tmp_path, monkeypatch, "executorlib", LIBRARY)
    worker = load_worker(one_file_worker(tmp_path / "worker", ENTRY))
    assert threading.current_thread() is threading.main_thread()  # (the loop's thread: on_main_thread means inline)
    body = json.loads(await (await worker.fetch("/")).text())
    assert body == {"ainvoke": True, "library's own": True, "starts in executor": "can't start new thread",
                    "starts in its task": "can't start new thread",
                    "in callbacks": {"call_soon": True, "call_soon starts": "can't start new thread",
                                     "done callback": True, "done callback starts": "can't start new thread"}}


@pytest.mark.asyncio
async def test_the_same_library_called_by_test_code_keeps_asyncios_executor(tmp_path, monkeypatch):
    installed_package(tmp_path, monkeypatch, "executorlib", LIBRARY)
    load_worker(one_file_worker(tmp_path / "worker", ENTRY))
    import executorlib  # the module the Worker imported, called from here

    assert await executorlib.ainvoke(executorlib.on_main_thread) is False
    assert await executorlib.starts_in_executor() == "started"
    assert await executorlib.starts_in_its_task() == "started"
    assert await executorlib.in_callbacks() == {"call_soon": False, "call_soon starts": "started",
                                                "done callback": False, "done callback starts": "started"}
