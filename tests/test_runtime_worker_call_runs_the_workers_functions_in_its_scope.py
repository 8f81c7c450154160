"""``worker.call(func, ...)`` runs one of the Worker's own functions from a test inside the
Worker's import scope: its lazy imports (a module beside it, a folder the Worker put on
``sys.path``, ``js``) are the Worker's, a coroutine function is awaited step by step in the scope,
and its errors reach the test as they are. Called directly, the same function runs as test code
and does not see the Worker's modules."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import WorkersEnvError, load_worker

ENTRY = """
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))

from workers import Response, WorkerEntrypoint


def vendored_word(suffix):
    import extlib_call_scope
    return extlib_call_scope.WORD + suffix


async def sibling_word(times):
    await asyncio.sleep(0)
    import helper_call_scope
    import js
    await asyncio.sleep(0)
    return [helper_call_scope.WORD] * times + [type(js.JSON.parse("[]")).__name__ != ""]


def fails():
    raise ValueError("the Worker's own error")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(vendored_word("!"))
"""


def make(folder: Path) -> Path:
    one_file_worker(folder, ENTRY)
    (folder / "src" / "vendor").mkdir()
    (folder / "src" / "vendor" / "extlib_call_scope.py").write_text('WORD = "vendored"\n')
    (folder / "src" / "helper_call_scope.py").write_text('WORD = "sibling"\n')
    return folder


@pytest.mark.asyncio
async def test_a_function_called_through_worker_call_imports_the_workers_modules(tmp_path: Path) -> None:
    worker = load_worker(make(tmp_path))
    assert await worker.call(worker.module.vendored_word, "?") == "vendored?"
    assert await worker.call(worker.module.sibling_word, times=2) == ["sibling", "sibling", True]
    assert "extlib_call_scope" not in sys.modules and "helper_call_scope" not in sys.modules  # the Worker's only
    assert await (await worker.fetch("/")).text() == "vendored!"


@pytest.mark.asyncio
async def test_called_directly_the_function_is_test_code(tmp_path: Path) -> None:
    worker = load_worker(make(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="extlib_call_scope"):
        worker.module.vendored_word("?")
    with pytest.raises(ModuleNotFoundError, match="helper_call_scope"):
        await worker.module.sibling_word(1)


@pytest.mark.asyncio
async def test_errors_reach_the_test_and_a_non_function_is_refused(tmp_path: Path) -> None:
    worker = load_worker(make(tmp_path))
    with pytest.raises(ValueError, match="the Worker's own error"):
        await worker.call(worker.module.fails)
    with pytest.raises(WorkersEnvError, match=r"worker.call\(\) takes a function of the Worker"):
        await worker.call("vendored_word")


def test_concurrent_calls_of_two_workers_keep_their_own_modules(tmp_path: Path) -> None:
    first = load_worker(make(tmp_path / "first"))
    second_folder = make(tmp_path / "second")
    (second_folder / "src" / "helper_call_scope.py").write_text('WORD = "second"\n')
    second = load_worker(second_folder)

    async def both() -> list[list[object]]:
        return list(await asyncio.gather(first.call(first.module.sibling_word, 1),
                                         second.call(second.module.sibling_word, 1)))

    assert asyncio.run(both()) == [["sibling", True], ["second", True]]
