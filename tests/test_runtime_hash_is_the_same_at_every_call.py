"""``hash()`` in a Worker's file answers the same number whoever calls that code and whenever:
production's FNV value for every call made from the Worker's own files, for the life of the
process. A Worker class whose ``__hash__`` is ``hash(self.name)`` keeps instances in a
module-level set or dict built at import or in a request; a test that then looks one up
(through ``worker.module``), a thread, or a request of another Worker must find it -- before,
``hash()`` was production's only while the Worker's runtime was current, so those lookups
missed. A frozen dataclass of the Worker's hashes its fields as production does (its generated
``__hash__`` counts as the Worker's module's code). Installed packages inside the Worker's folder
(a virtualenv's ``site-packages``, ``node_modules``) are not the Worker's code and keep the
host's hash."""

from __future__ import annotations

import threading

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import dataclasses
    import enum

    from workers import Response, WorkerEntrypoint

    @dataclasses.dataclass(frozen=True)
    class Point:  # its __hash__ is made by exec: hash((self.x, self.label))
        x: int
        label: str

    class Color(enum.Enum):
        RED = 1

    class Key:
        def __init__(self, name):
            self.name = name

        def __eq__(self, other):
            return isinstance(other, Key) and other.name == self.name

        def __hash__(self):
            return hash(self.name)

    KEYS = {Key("a"), Key("b")}  # at import
    SEEN = {}

    def own_hash(value):
        return hash(value)

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            SEEN[Key("c")] = "in a request"
            return Response.json({"a": Key("a") in KEYS, "hash": hash("abc"), "point": hash(Point(1, "a")),
                                  "color": hash(Color.RED)})
"""


@pytest.mark.asyncio
async def test_a_workers_keys_are_found_outside_its_requests(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/")).json() == {"a": True, "hash": 1200133617, "point": 984674752,
                                                      "color": 1770038296}  # Pyodide's: hash((1, "a")), hash("RED")
    module = worker.module
    assert module.Key("a") in module.KEYS and module.Key("b") in module.KEYS  # built at import, looked up by the test
    assert module.SEEN[module.Key("c")] == "in a request"
    assert module.own_hash("abc") == 1200133617  # the Worker's function, called by the test
    assert hash(module.Point(1, "a")) == 984674752  # the Worker's dataclass, hashed by the test
    found: list[bool] = []
    thread = threading.Thread(target=lambda: found.append(module.Key("a") in module.KEYS))
    thread.start()
    thread.join()
    assert found == [True]


@pytest.mark.asyncio
async def test_another_workers_request_finds_the_first_ones_keys(tmp_path):
    first = load_worker(one_file_worker(tmp_path / "one", ENTRY))
    second = load_worker(one_file_worker(tmp_path / "two", """\
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response.json({"hash": hash("abc")})
    """))
    keys = first.module.KEYS
    assert await (await second.fetch("/")).json() == {"hash": 1200133617}
    assert first.module.Key("a") in keys


def test_installed_packages_in_the_workers_folder_keep_the_hosts_hash(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    for place in (".venv/lib/python3.12/site-packages/libhash", "node_modules/libhash"):
        package = folder / "src" / place
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("def h(value):\n    return hash(value)\n")
    worker = load_worker(folder)
    import importlib.util

    for place in (".venv/lib/python3.12/site-packages/libhash", "node_modules/libhash"):
        spec = importlib.util.spec_from_file_location(f"libhash_{len(place)}", folder / "src" / place / "__init__.py")
        assert spec is not None and spec.loader is not None
        library = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(library)
        assert library.h("abc") == "abc".__hash__()
    assert worker.module.own_hash("abc") == 1200133617
