"""A stand-in your test's code puts under one of the Worker's module names while the Worker's
code runs (a binding you supply, called by it) is yours, not the Worker's: it stays in the test
process's ``sys.modules`` as you put it there, and the Worker's later steps get its own module
back -- on the scope's plain exit (nothing imported after it) and its full one. Only what the
Worker's own code puts there is kept for it (tests/test_scope_a_module_the_worker_puts_under_its_own_name_stays_its_own.py).
A ``MagicMock`` and a module made in code (``types.ModuleType``) holding a function of your test
module are yours too (scope60: both were taken for the Worker's, nothing of them naming a test module)."""

from __future__ import annotations

import asyncio
import sys
import types
from unittest.mock import MagicMock

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
import asyncio
from workers import Response, WorkerEntrypoint
import helper_standin59


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/patch"):
            self.env.FAKE.patch()
        elif request.url.endswith("/patch-and-import"):
            self.env.FAKE.patch()
            import other_standin59
        import helper_standin59  # (the step that patched it: yours, as you put it there)
        now = getattr(helper_standin59, "WHO", "its own")
        await asyncio.sleep(0)
        import helper_standin59  # a later step: the Worker's own again
        return Response(now + ", then " + getattr(helper_standin59, "WHO", "its own"))
'''

THIS_MODULE = sys.modules[__name__]
WHO = "the test's module"


class StandIn:
    WHO = "the test's object"


def _mock():
    made = MagicMock()
    made.WHO = "the test's mock"
    return made


def _made_module():
    made = types.ModuleType("helper_standin59")
    made.WHO = "the test's module made in code"
    made.helper = _mock  # (a function of this test module: what tells it is yours)
    return made


class Fake:
    def __init__(self, stand_in):
        self.stand_in = stand_in

    def patch(self):
        sys.modules["helper_standin59"] = self.stand_in


@pytest.mark.parametrize("stand_in", [StandIn(), THIS_MODULE, _mock(), _made_module()],
                         ids=["object", "module", "mock", "module-made-in-code"])
@pytest.mark.parametrize("path", ["/patch", "/patch-and-import"])
def test_your_stand_in_stays_yours(tmp_path, path, stand_in):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "helper_standin59.py").write_text("")
    (folder / "src" / "other_standin59.py").write_text("")
    worker = load_worker(folder, env=load_env(folder, bindings={"FAKE": Fake(stand_in)}))

    async def steps():
        return [await (await worker.fetch(p)).text() for p in ("/", path, "/")]

    try:
        seen = asyncio.run(steps())
        assert sys.modules.get("helper_standin59") is stand_in
    finally:
        sys.modules.pop("helper_standin59", None)
    assert seen == ["its own, then its own", f"{stand_in.WHO}, then its own", "its own, then its own"]


class FakeNewName(Fake):
    def patch(self):
        sys.modules["yours_new60"] = self.stand_in


@pytest.mark.parametrize("stand_in", [StandIn(), _mock(), _made_module()], ids=["object", "mock", "module-made-in-code"])
def test_your_stand_in_under_a_new_name_stays_yours(tmp_path, stand_in):
    """The same under a name that is none of the Worker's (new in the step): what the Worker's own
    code makes there is kept for it (tests/test_scope_a_workers_replacement_of_a_stand_in_or_none_stays_its_own.py),
    what your code makes stays in your ``sys.modules`` (audit37: taking it for the Worker's went unseen)."""
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "helper_standin59.py").write_text("")
    (folder / "src" / "other_standin59.py").write_text("")
    worker = load_worker(folder, env=load_env(folder, bindings={"FAKE": FakeNewName(stand_in)}))

    async def steps():
        return [await (await worker.fetch(p)).text() for p in ("/", "/patch", "/")]

    try:
        seen = asyncio.run(steps())
        assert sys.modules.get("yours_new60") is stand_in
    finally:
        sys.modules.pop("yours_new60", None)
    assert seen == ["its own, then its own"] * 3
