"""Telling a stand-in your code put under a Worker's module name from the Worker's own replacement
walks your test modules by name (modules59, review92): it reads each one's ``__name__`` as its
``__dict__`` holds it, so a project module ``importlib.util.LazyLoader`` holds back stays unloaded.
Reading it with ``getattr`` loaded it: here its top level raises, which broke the Worker's step and
left the scope half exited (the whole suite, with the odd-modules test before the stand-in one in one
worker: 676 failed, 119 errors)."""

from __future__ import annotations

import sys

import pytest
from worker_helpers import held_back_module, one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint
import helper_lazy59


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        self.env.FAKE.patch()
        import helper_lazy59
        return Response(getattr(helper_lazy59, "WHO", "its own"))
'''


class StandIn:
    WHO = "the test's object"


class Fake:
    def patch(self):
        sys.modules["helper_lazy59"] = StandIn()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The Worker's project, with a module of its own folder (left out of the upload, beside ``src/``)
    that your test imported lazily: one of your modules to the walk (as in the odd-modules test)."""
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "helper_lazy59.py").write_text("")
    (folder / "outside_lazy59.py").write_text("raise RuntimeError('loaded')\n")
    monkeypatch.syspath_prepend(str(folder))
    lazy = held_back_module("outside_lazy59")
    yield folder, [lazy]  # (in a list: pytest-asyncio and the plugin look at a fixture's value)
    for name in ("outside_lazy59", "helper_lazy59"):
        sys.modules.pop(name, None)


@pytest.mark.asyncio
async def test_a_stand_in_is_judged_without_loading_a_held_back_module(project):
    folder, (lazy,) = project
    worker = load_worker(folder, env=load_env(folder, bindings={"FAKE": Fake()}))
    assert await (await worker.fetch("/")).text() == "the test's object"
    assert type(lazy).__name__ == "_LazyModule"  # (never loaded: its top level raises)
    assert await (await worker.fetch("/")).text() == "the test's object"  # (the next step runs as well)
