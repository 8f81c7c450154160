"""Pyodide's ``WebLoop.run_in_executor`` (0.26 and 0.28) ignores the executor, calls the function
at once and returns an already settled ``PyodideFuture`` (its exception too), so
``asyncio.to_thread`` runs inline as well. The Worker's own calls get that; test code keeps the
loop's real executors."""

from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from workers_env import load_worker

ENTRY = '''
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from workers import Response, WorkerEntrypoint


def where(*args):
    return [threading.current_thread() is threading.main_thread(), *args]


def fails():
    raise ValueError("no")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(ThreadPoolExecutor(1), where, 1, 2)
        settled = [type(future).__module__ + "." + type(future).__name__, future.done()]
        failing = loop.run_in_executor(None, fails)
        return Response.json({
            "future": settled + [await future],
            "failing": [failing.done(), repr(failing.exception())],
            "to_thread": await asyncio.to_thread(where, "t"),
        })
'''


def worker(root: Path):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({"name": "t", "main": "src/entry.py", "compatibility_date": "2026-03-24",
                                                    "compatibility_flags": ["python_workers"]}))
    return load_worker(root)


@pytest.mark.asyncio
async def test_worker_code_runs_the_function_at_once_in_a_settled_future(tmp_path):
    resp = await worker(tmp_path).fetch("/")
    assert await resp.json() == {"future": ["pyodide.webloop.PyodideFuture", True, [True, 1, 2]],
                                 "failing": [True, "ValueError('no')"], "to_thread": [True, "t"]}


@pytest.mark.asyncio
async def test_test_code_keeps_the_executors(tmp_path):
    await worker(tmp_path).fetch("/")
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(1, thread_name_prefix="mine") as pool:
        name = await loop.run_in_executor(pool, lambda: threading.current_thread().name)
    assert name.startswith("mine")
    assert not await loop.run_in_executor(None, lambda: threading.current_thread() is threading.main_thread())


TASKS_ENTRY = '''
import asyncio
import threading

from workers import Response, WorkerEntrypoint


def on_main():
    return threading.current_thread() is threading.main_thread()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        gathered = await asyncio.gather(asyncio.to_thread(on_main), asyncio.to_thread(on_main))
        task = await asyncio.create_task(asyncio.to_thread(on_main))
        waited = await asyncio.wait_for(asyncio.to_thread(on_main), 5)
        return Response.json({"gathered": gathered, "task": task, "wait_for": waited})
'''


@pytest.mark.asyncio
async def test_to_thread_made_a_task_by_worker_code_runs_inline(tmp_path):
    # gather/create_task wrap to_thread's coroutine in a task: its steps are the loop's, yet the
    # Worker's own code made it, and Pyodide's loop runs it inline like any other
    (tmp_path / "src").mkdir(parents=True)
    (tmp_path / "src" / "entry.py").write_text(TASKS_ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({"name": "t", "main": "src/entry.py",
                                                        "compatibility_date": "2026-03-24",
                                                        "compatibility_flags": ["python_workers"]}))
    resp = await load_worker(tmp_path).fetch("/")
    assert await resp.json() == {"gathered": [True, True], "task": True, "wait_for": True}
