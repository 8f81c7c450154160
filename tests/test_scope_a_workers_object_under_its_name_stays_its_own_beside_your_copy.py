"""An object of one of the Worker's own classes that its code puts under one of its module names
(``sys.modules["cfg"] = settings.Settings()``) is the Worker's for its later steps and never in
the test process's ``sys.modules`` -- also when your tests have a module of that name of their
own (``tests/settings.py`` beside the Worker's ``src/settings.py``, which steps aside while the
Worker runs), whose class has the same module name and qualified name but is another class.
modules59 told your stand-ins apart by the class's module *name*, so the Worker's object counted
as yours: its later steps got its own ``cfg`` module back and your ``sys.modules`` kept the
object (review92). An object of your module's class that your binding puts there stays yours,
as before."""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
import asyncio
import sys
from workers import Response, WorkerEntrypoint
import cfg_review92
import settings_review92


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        if path == "worker":
            sys.modules["cfg_review92"] = settings_review92.Settings()
        elif path == "binding":
            self.env.FAKE.patch()
        await asyncio.sleep(0)  # a later step of the same request
        import cfg_review92
        return Response(type(cfg_review92).__name__ + " " + cfg_review92.WHO)
'''

SETTINGS = {
    "attributes": "class Settings:\n    WHO = 'settings'\n",
    "a method": "class Settings:\n    WHO = 'settings'\n\n    def read(self):\n        return self.WHO\n",
    # a function of another module's first (json's globals tell nothing of the class's), then its own
    "a borrowed function": "import json\n\n\nclass Settings:\n    WHO = 'settings'\n    load = staticmethod(json.loads)\n\n"
                           "    def read(self):\n        return self.WHO\n",
}


class Fake:
    """Your binding: puts an object of your module's class under the Worker's module name."""

    def __init__(self, copy) -> None:
        self.copy = copy

    def patch(self) -> None:
        sys.modules["cfg_review92"] = self.copy.Settings()


@pytest.mark.parametrize("settings", list(SETTINGS), ids=list(SETTINGS))
@pytest.mark.parametrize(("path", "expected", "yours"), [
    ("/worker", ["module cfg", "Settings settings", "Settings settings"], False),
    ("/binding", ["module cfg", "module cfg", "module cfg"], True),
], ids=["the-workers-object", "your-modules-object"])
def test_the_class_is_told_by_identity_not_by_its_modules_name(tmp_path, settings, path, expected, yours):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "cfg_review92.py").write_text("WHO = 'cfg'\n")
    (folder / "src" / "settings_review92.py").write_text(SETTINGS[settings])
    tests = folder / "tests"
    tests.mkdir()
    (tests / "settings_review92.py").write_text(SETTINGS[settings])  # your tests' module of that name
    sys.path.insert(0, str(tests))
    try:
        import settings_review92 as copy
    finally:
        sys.path.remove(str(tests))
    try:
        worker = load_worker(folder, env=load_env(folder, bindings={"FAKE": Fake(copy)}))

        async def steps():
            return [await (await worker.fetch(p)).text() for p in ("/", path, "/")]

        assert asyncio.run(steps()) == expected
        in_host = sys.modules.get("cfg_review92")
        assert (type(in_host) is copy.Settings) if yours else in_host is None
    finally:
        sys.modules.pop("cfg_review92", None)
        sys.modules.pop("settings_review92", None)
