"""A task the Worker starts sees the Worker's modules, ``js`` and ``workers`` at every step,
as in Pyodide's one ``sys.modules`` -- even the steps that run after the handler returned --
while code outside the Worker still does not see them."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

MODELS = '''
from __future__ import annotations

import typing
from dataclasses import dataclass


@dataclass
class Item:
    name: str


def answer(items: list[Item]) -> list[str]:
    return [i.name for i in items]


def hints():
    return sorted(typing.get_type_hints(answer))  # resolves "Item" through sys.modules
'''

ENTRY = '''
import asyncio

from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint, wait_until

SEEN = []


async def later(tag):
    for step in range(2):
        import pkgtasks.models  # a lazy import of the Worker's own module
        from js import JSON  # and of the runtime's

        SEEN.append((tag, step, pkgtasks.models.hints(), JSON.stringify([step])))
        await asyncio.sleep(0)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        if path == "wait_until":
            wait_until(create_proxy(asyncio.create_task(later(path))))
        elif path == "bare":
            asyncio.create_task(later(path))
        elif path == "background":
            from workers.asgi import run_in_background

            run_in_background(later(path))
        elif path == "gather":
            await asyncio.gather(later(path))
        return Response("ok")
'''


def make(root: Path) -> Path:
    (root / "src" / "pkgtasks").mkdir(parents=True)
    (root / "src" / "pkgtasks" / "__init__.py").write_text("")
    (root / "src" / "pkgtasks" / "models.py").write_text(MODELS)
    (root / "src" / "worker.py").write_text(ENTRY)
    (root / "wrangler.toml").write_text('name = "tasks"\nmain = "src/worker.py"\ncompatibility_date = "2026-05-01"\n'
                                        'compatibility_flags = ["python_workers"]\n')
    typical_pyproject(root)
    return root


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["wait_until", "bare", "background", "gather"])
async def test_tasks_started_by_the_worker_see_its_modules_at_every_step(tmp_path, how):
    worker = load_worker(make(tmp_path))
    assert await (await worker.fetch(f"/{how}")).text() == "ok"
    for _ in range(5):  # the steps of tasks nobody awaits run on the next turns of the loop
        await asyncio.sleep(0)
    assert worker.module.SEEN == [(how, 0, ["items", "return"], "[0]"), (how, 1, ["items", "return"], "[1]")]
    assert "pkgtasks.models" not in sys.modules and "js" not in sys.modules  # outside, nothing leaks


@pytest.mark.asyncio
async def test_tasks_started_outside_worker_code_are_left_alone(tmp_path):
    worker = load_worker(make(tmp_path))
    await worker.fetch("/gather")  # the loop now has the factory

    async def mine():
        return "js" in sys.modules

    assert await asyncio.create_task(mine()) is False


@pytest.mark.asyncio
async def test_task_names_are_kept(tmp_path):
    """The factory keeps asyncio's names: ``Task-N`` by default, a given name as given (Python
    3.13.0 renames every factory-made task ``'None'`` unless the task ignores that)."""
    worker = load_worker(make(tmp_path))
    await worker.fetch("/gather")

    async def name():
        return asyncio.current_task().get_name()

    assert (await asyncio.create_task(name())).startswith("Task-")
    assert await asyncio.create_task(name(), name="mine") == "mine"
