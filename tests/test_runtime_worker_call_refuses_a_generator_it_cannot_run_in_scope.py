"""``worker.call(func)`` refuses a ``func`` whose result is a generator or an async generator:
its body runs only as the test iterates it, after the call has ended and outside the Worker's
import scope, where its lazy imports would not find the Worker's modules (a
``ModuleNotFoundError`` from deep in the Worker's code, though the README says ``worker.call``
gives it the Worker's modules). The error says how to iterate it inside the call, and that way
works. Once, the generator was handed back and failed only while being iterated."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import WorkersEnvError, load_worker

ENTRY = """
import asyncio
from workers import Response, WorkerEntrypoint


async def words(times):
    import helper_call_generator
    for _ in range(times):
        await asyncio.sleep(0)
        yield helper_call_generator.WORD


def lines(times):
    import helper_call_generator
    yield from [helper_call_generator.WORD] * times


async def later_words(times):
    await asyncio.sleep(0)
    return words(times)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
"""


@pytest.fixture
def worker(tmp_path: Path):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "src" / "helper_call_generator.py").write_text('WORD = "sibling"\n')
    return load_worker(tmp_path)


@pytest.mark.parametrize(("name", "kind", "fix"), [
    ("words", "an async generator", "[item async for item in"),
    ("lines", "a generator", "list("),
    ("later_words", "an async generator", "[item async for item in"),
])
def test_a_generator_result_is_refused_with_the_way_to_iterate_it(worker, name, kind, fix) -> None:
    async def scenario() -> None:
        await worker.call(getattr(worker.module, name), 2)

    with pytest.raises(WorkersEnvError) as caught:
        asyncio.run(scenario())
    message = str(caught.value)
    assert message.startswith(f"worker.call({name}) got {kind} back")
    assert fix in message and "worker.call(" in message.split("back", 1)[1]
    fixes = {"an async generator": f"async def collect(): return [item async for item in {name}(...)]`, then "
                                   "`await worker.call(collect)`",
             "a generator": f"await worker.call(lambda: list({name}(...)))`"}
    assert message == (f"worker.call({name}) got {kind} back: its body runs only as it is iterated, after the call "
                       "has ended and outside the Worker's import scope, where its lazy imports would not find the "
                       f"Worker's modules. Iterate it inside the call: `{fixes[kind]}.")


def test_iterated_inside_the_call_it_sees_the_workers_modules(worker) -> None:
    async def collect() -> list[str]:
        return [word async for word in worker.module.words(2)]

    async def scenario() -> tuple[list[str], list[str]]:
        return await worker.call(collect), await worker.call(lambda: list(worker.module.lines(3)))

    assert asyncio.run(scenario()) == (["sibling"] * 2, ["sibling"] * 3)
