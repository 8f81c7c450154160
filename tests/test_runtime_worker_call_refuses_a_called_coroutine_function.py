"""``worker.call(worker.module.word(2))`` -- the coroutine function already called, the test
holding its coroutine -- is refused with the form that works (``worker.call(word, 2)``), and the
coroutine is closed: no ``coroutine 'word' was never awaited`` warning follows the error (one
that the README's ``filterwarnings = error`` turns into a second failure). Once, the error named
only the type (``not coroutine``) and the warning came after."""

from __future__ import annotations

import asyncio
import gc
import sys
import warnings
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import WorkersEnvError, load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint


async def word(times):
    return "w" * times


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""


def test_a_coroutine_is_refused_with_the_function_form_and_closed(tmp_path: Path, monkeypatch) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)

    async def scenario() -> str:
        with pytest.raises(WorkersEnvError) as caught:
            await worker.call(worker.module.word(2))
        gc.collect()
        return str(caught.value)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        message = asyncio.run(scenario())
    assert message == ("worker.call() takes the Worker's function and its arguments, not a coroutine: "
                       "worker.call(word, ...), not worker.call(word(...))")
    assert unraisable == []


def test_a_value_that_is_no_function_is_refused_with_the_form_that_works(tmp_path: Path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(WorkersEnvError) as caught:
        asyncio.run(worker.call(5))
    assert str(caught.value) == "worker.call() takes a function of the Worker to call, not int: " \
                                "worker.call(worker.module.helper, arg)"


def test_the_function_form_runs(tmp_path: Path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert asyncio.run(worker.call(worker.module.word, 2)) == "ww"
