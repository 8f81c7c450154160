"""Two Workers with requests in flight at once, in one event loop, each import their own
modules: a ``helper.py`` of the same name in each folder, imported inside the handler after an
``await`` (lazily, or again after a top-level import), is that Worker's, whichever request
entered first and whichever ends first. (The import namespace stayed open across a handler's
awaits, so the Worker entered last gave the other its ``helper``.)"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

LAZY = """
import asyncio

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for wait in request.url.rsplit("/", 1)[1].split(","):
            await asyncio.sleep(float(wait))
        import helper

        return Response(helper.value())
"""

#: imported at the top too: the handler's later ``from helper import value`` finds it in sys.modules
EAGER = """
import asyncio

import helper
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for wait in request.url.rsplit("/", 1)[1].split(","):
            await asyncio.sleep(float(wait))
        from helper import value

        return Response(value())
"""


def worker_answering(folder: Path, entry: str, word: str):
    one_file_worker(folder, entry)
    (folder / "src" / "helper.py").write_text(f"def value():\n    return {word!r}\n")
    return load_worker(folder)


@pytest.mark.parametrize("entry", [LAZY, EAGER], ids=["lazy", "eager"])
@pytest.mark.parametrize("waits", [("0.01", "0.03"), ("0.03", "0.01"), ("0,0,0", "0,0")],
                         ids=["first-ends-first", "second-ends-first", "interleaved-steps"])
def test_two_workers_in_flight_each_import_their_own_helper(tmp_path: Path, entry: str, waits: tuple[str, str]) -> None:
    red = worker_answering(tmp_path / "red", entry, "red")
    blue = worker_answering(tmp_path / "blue", entry, "blue")

    async def both() -> list[str]:
        answers = await asyncio.gather(red.fetch(f"http://w/{waits[0]}"), blue.fetch(f"http://w/{waits[1]}"),
                                       red.fetch(f"http://w/{waits[1]}"), blue.fetch(f"http://w/{waits[0]}"))
        return [await answer.text() for answer in answers]

    assert asyncio.run(both()) == ["red", "blue", "red", "blue"]
    assert "helper" not in sys.modules  # and neither lands outside


#: LAZY, saying when its handler is about to await (``AWAITING``, read by the test through ``worker.module``)
SAYING = LAZY.replace("import asyncio\n", "import asyncio\n\nAWAITING = asyncio.Event()\n", 1).replace(
    "        for wait in", "        AWAITING.set()\n        for wait in", 1)


def test_code_outside_the_workers_does_not_see_their_modules_while_they_await(tmp_path: Path) -> None:
    red = worker_answering(tmp_path / "red", SAYING, "red")

    async def scenario() -> tuple[bool, bool, str]:
        request = asyncio.ensure_future(red.fetch("http://w/0.05"))
        # the handler is awaiting its sleep: it said so, then awaited (this step runs after its
        # step); a fixed 0.01 s sleep here was once too short for the request's first step under
        # a load of 30-40 (flake55)
        await asyncio.wait_for(red.module.AWAITING.wait(), 10)
        assert not request.done()
        seen = "helper" in sys.modules, "workers" in sys.modules
        return (*seen, await (await request).text())

    assert asyncio.run(scenario()) == (False, False, "red")


CALLBACKS = """
import asyncio

from js import Promise, setTimeout
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []
        done = asyncio.get_running_loop().create_future()

        def later():
            import helper

            seen.append(helper.value())
            done.set_result(None)

        def then(_):
            import helper

            seen.append(helper.value())

        setTimeout(create_proxy(later), 20)
        Promise.resolve(1).then(create_proxy(then))
        await asyncio.wait_for(done, 5)
        await asyncio.sleep(0.02)
        return Response(",".join(seen))
"""


def test_timer_and_promise_callbacks_import_their_workers_helper(tmp_path: Path) -> None:
    """Callbacks the loop runs while the handler waits (a ``setTimeout``'s, a promise's
    ``then``) run in their Worker's namespace too, with another Worker in flight."""
    red = worker_answering(tmp_path / "red", CALLBACKS, "red")
    blue = worker_answering(tmp_path / "blue", CALLBACKS, "blue")

    async def both() -> list[str]:
        answers = await asyncio.gather(red.fetch("/"), blue.fetch("/"))
        return [await answer.text() for answer in answers]

    assert asyncio.run(both()) == ["red,red", "blue,blue"]


ABORT_LISTENERS = """
import asyncio

from js import AbortSignal
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []

        def listener(_event):
            import helper

            seen.append(helper.value())

        signal = AbortSignal.timeout(10)
        signal.onabort = create_proxy(listener)
        signal.addEventListener("abort", create_proxy(listener))
        await asyncio.sleep(0.05)
        return Response(",".join(seen))
"""


def test_a_timeout_signals_abort_listeners_import_their_workers_helper(tmp_path: Path) -> None:
    """An ``AbortSignal.timeout``'s ``onabort`` and ``abort`` listeners, which the event loop
    calls while the handler waits, run in their Worker's namespace, with another in flight."""
    red = worker_answering(tmp_path / "red", ABORT_LISTENERS, "red")
    blue = worker_answering(tmp_path / "blue", ABORT_LISTENERS, "blue")

    async def both() -> list[str]:
        answers = await asyncio.gather(red.fetch("/"), blue.fetch("/"))
        return [await answer.text() for answer in answers]

    assert asyncio.run(both()) == ["red,red", "blue,blue"]
    assert "helper" not in sys.modules
