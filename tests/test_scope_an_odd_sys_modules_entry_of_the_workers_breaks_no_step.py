"""An object the Worker's code puts in ``sys.modules`` whose ``__class__``, ``__getattr__``,
``__eq__`` or ``__hash__`` raises -- under a new name, under one of its own modules' names, or under
a stand-in's (``js``) -- breaks none of its steps: the scope judges such an entry by its type and
identity, running none of its code, keeps it for the Worker's later steps (as the isolate's one
interpreter keeps it) and out of the test process's ``sys.modules``. Before, reading its
``__class__`` (``isinstance``) at the step's exit raised, which left the scope half exited (its
stand-ins and modules in the test process's ``sys.modules``)."""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import sys
import types
from workers import Response, WorkerEntrypoint
import helper_odd60


class OddObject:
    @property
    def __class__(self):
        raise RuntimeError("odd __class__")

    def __getattr__(self, name):
        raise RuntimeError("odd __getattr__")

    def __eq__(self, other):
        raise RuntimeError("odd __eq__")

    def __hash__(self):
        raise RuntimeError("odd __hash__")


class OddModule(types.ModuleType):
    @property
    def __class__(self):
        raise RuntimeError("odd __class__")

    def __getattr__(self, name):
        raise RuntimeError("odd __getattr__")

    def __eq__(self, other):
        raise RuntimeError("odd __eq__")

    def __hash__(self):
        raise RuntimeError("odd __hash__")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind, _, name = request.url.rsplit("/", 1)[1].partition("-")
        if kind:
            sys.modules[name] = OddObject() if kind == "object" else OddModule(name)
            import asyncio as later  # (and a full exit: a name imported in the step)
        await asyncio.sleep(0)  # a later step
        name = name or "odd_new60"
        return Response(type(sys.modules[name]).__name__ if name in sys.modules else "none")
'''


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    folder = one_file_worker(tmp_path_factory.mktemp("odd"), ENTRY)
    (folder / "src" / "helper_odd60.py").write_text("")
    return load_worker(folder)


@pytest.mark.parametrize("name", ["odd_new60", "helper_odd60", "js"])
@pytest.mark.parametrize("kind", ["object", "module"])
def test_an_odd_entry_stays_the_workers_and_breaks_no_step(worker, kind, name):
    before = dict(sys.modules), list(sys.path), sys.argv

    async def steps():
        first = await worker.fetch(f"/{kind}-{name}")
        then = await worker.fetch(f"/-{name}")
        return [first.status, await first.text(), then.status, await then.text()]

    expected = "OddObject" if kind == "object" else "OddModule"
    assert asyncio.run(steps()) == [200, expected, 200, expected]
    assert name not in sys.modules
    assert [n for n, module in before[0].items() if sys.modules.get(n) is not module] == []
    assert (list(sys.path), sys.argv) == before[1:]
