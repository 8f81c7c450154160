"""What the Worker's code puts in ``sys.modules`` under a stand-in's name (``js``, ``pyodide``,
``workers``), and ``None`` under one of its own modules' names (blocking its import), is what its
later steps get, as the isolate's one interpreter keeps it, and never reaches the test process's
``sys.modules`` -- on the scope's plain exit (the name replaced alone) and its full one (an import
after it). Before, either replacement was left in the test process's ``sys.modules`` (a later
test's ``import js`` got the Worker's object) and the Worker's later steps got the stand-in, or
its own module, back."""

from __future__ import annotations

import asyncio
import sys
import types

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import json
import sys
import types
from workers import Response, WorkerEntrypoint
import helper_none60


MADE = {"json": lambda name: json, "none": lambda name: None, "stub": types.ModuleType, "object": lambda name: object()}


def seen(name):
    try:
        module = __import__(name)
    except ImportError as error:
        return type(error).__name__
    return getattr(module, "__name__", "?")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        what, _, name = request.url.rsplit("/", 1)[1].partition("-")
        name = name.partition("-")[0]
        if what:
            sys.modules[name] = MADE[what](name)
            if request.url.endswith("-import"):
                import other_none60
        await asyncio.sleep(0)  # a later step of the same request
        return Response(seen(name))
'''


@pytest.fixture
def worker(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "helper_none60.py").write_text("")
    (folder / "src" / "other_none60.py").write_text("")
    return load_worker(folder)


@pytest.mark.parametrize("then", ["", "-import"], ids=["plain-exit", "full-exit"])
@pytest.mark.parametrize(("what", "name", "expected"), [
    ("json", "js", "json"),
    ("json", "pyodide", "json"),
    ("json", "workers", "json"),
    ("none", "helper_none60", "ModuleNotFoundError"),
    ("none", "js", "ModuleNotFoundError"),
])
def test_the_replacement_is_the_workers_later_steps_and_never_the_hosts(worker, what, name, expected, then):
    before = sys.modules.get(name)
    seen, in_host = [], []

    async def steps():
        for path in (f"/-{name}", f"/{what}-{name}{then}", f"/-{name}", f"/-{name}"):
            seen.append(await (await worker.fetch(path)).text())
            in_host.append(sys.modules.get(name, "absent"))

    asyncio.run(steps())
    assert seen[1:] == [expected] * 3
    assert seen[0] != expected
    assert in_host == [before if before is not None else "absent"] * 4


@pytest.mark.parametrize(("what", "expected"), [("none", "ModuleNotFoundError"), ("stub", "new_none60"), ("object", "?")])
def test_what_it_makes_under_a_new_name_is_its_later_steps_and_never_the_hosts(worker, what, expected):
    """What the Worker's code makes under a top-level name new in the step -- ``None``, a module made
    in code, any object -- is its own likewise (audit37: ``None`` there reached the test process)."""
    seen, in_host = [], []

    async def steps():
        for path in ("/-new_none60", f"/{what}-new_none60", "/-new_none60"):
            seen.append(await (await worker.fetch(path)).text())
            in_host.append(sys.modules.get("new_none60", "absent"))

    try:
        asyncio.run(steps())
    finally:
        sys.modules.pop("new_none60", None)
    assert seen == ["ModuleNotFoundError", expected, expected]
    assert in_host == ["absent"] * 3


def test_what_it_makes_under_a_new_dotted_name_is_left_in_sys_modules(worker):
    """A dotted name is left where the Worker's code put it, in the process's ``sys.modules``: a
    library registers such entries as it is imported (cffi's ``pkg._wrapper.lib``), and the host may
    import that library too (README, beside the new top-level names; audit37: taking it went unseen)."""
    try:
        asyncio.run(worker.fetch("/stub-new_none60.lib"))
        made = sys.modules.get("new_none60.lib")
        assert isinstance(made, types.ModuleType) and made.__name__ == "new_none60.lib"
    finally:
        sys.modules.pop("new_none60.lib", None)
