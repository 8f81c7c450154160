"""Each ``load_worker`` walks ``sys.modules`` twice (the host's own modules; the project's
modules imported from outside the upload), and what a walk found of a module is remembered for
the next load (suitetime56: 2,800 modules in a collected test suite): a module is looked at
again once it changed what the walk read (its ``__file__``, its spec), and a module the walks
remembered is not kept alive by them."""

from __future__ import annotations

import gc
import importlib
import importlib.machinery
import sys
import types
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.hostmodules import HOST_NAMESPACES, note_host_modules

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import outside_helper
        return Response(outside_helper.WORD)
"""
ANSWERING = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")
"""


def _locate(module: types.ModuleType, origin: str) -> types.ModuleType:
    """``module`` as imported from the file ``origin`` (its spec has a location)."""
    module.__spec__ = importlib.machinery.ModuleSpec(module.__name__, None, origin=origin)
    module.__spec__.has_location = True
    return module


def _outside_helper(origin: str) -> types.ModuleType:
    """A module ``outside_helper`` (``WORD = "outside"``) as imported from the file ``origin``."""
    helper = types.ModuleType("outside_helper")
    helper.WORD = "outside"
    return _locate(helper, origin)


def _project_beside_a_helper_seen_elsewhere(tmp_path) -> tuple[Path, types.ModuleType]:
    """A Worker project with ``outside_helper.py`` beside its config (not under src/), and that
    module in ``sys.modules`` as first seen elsewhere: not the project's."""
    project = one_file_worker(tmp_path / "p", ENTRY)
    (project / "outside_helper.py").write_text('WORD = "outside"\n')
    helper = sys.modules["outside_helper"] = _outside_helper("/elsewhere/outside_helper.py")
    return project, helper


async def _outside_twice_then_refused(project: Path, move: Callable[[], None],
                                     before_each: Callable[[], None] = lambda: None) -> None:
    """Two loads of ``project`` answer ``outside`` (``outside_helper`` is not the project's; the
    second load with ``sys.modules`` as the first left it, so what the walks remembered is used),
    each after ``before_each()``; then ``move()`` makes ``outside_helper`` the project's, and the
    next load refuses it, as any module the project's folder gave."""
    for _ in range(2):
        before_each()
        answer = await load_worker(project).fetch("/")
        assert (answer.status, await answer.text()) == (200, "outside")
    move()
    worker = load_worker(project)
    with pytest.raises(ModuleNotFoundError, match="outside_helper"):
        await worker.fetch("/")


def test_a_library_module_given_a_test_file_is_the_hosts_at_the_next_walk(tmp_path):
    module = types.ModuleType("moved_module")
    module.__file__ = f"{sys.prefix}/lib/site-packages/moved_module.py"  # a library's: never the host's
    sys.modules["moved_module"] = module
    folders = (str(tmp_path) + "/",)
    try:
        note_host_modules(folders, lambda _m: False)
        assert id(module.__dict__) not in HOST_NAMESPACES
        module.__file__ = str(tmp_path / "test_moved.py")  # now a test module of the project
        note_host_modules(folders, lambda _m: False)
        assert HOST_NAMESPACES.get(id(module.__dict__)) is module
    finally:
        del sys.modules["moved_module"]  # (held in HOST_NAMESPACES from now on, as every host module is)


@pytest.mark.asyncio
async def test_a_module_whose_spec_moves_into_the_project_is_refused_at_the_next_load(tmp_path):
    project, helper = _project_beside_a_helper_seen_elsewhere(tmp_path)
    try:
        answer = await load_worker(project).fetch("/")
        assert (answer.status, await answer.text()) == (200, "outside")  # the host's module, as any library's
        # the same module object, now as imported from the project's folder: a later Worker's walk reads it again
        _locate(helper, str(project / "outside_helper.py"))
        helper.__file__ = str(project / "outside_helper.py")
        worker = load_worker(project)
        with pytest.raises(ModuleNotFoundError, match="outside_helper"):  # as any module the project's folder gave
            await worker.fetch("/")
    finally:
        sys.modules.pop("outside_helper", None)


class _Held:
    pass


@pytest.mark.asyncio
async def test_the_walks_keep_no_module_alive(tmp_path):
    module = types.ModuleType("gone_module")
    module.__file__ = f"{sys.prefix}/lib/site-packages/gone_module.py"
    _locate(module, module.__file__)
    module.held = _Held()  # what its namespace holds is let go with it too
    sys.modules["gone_module"] = module
    gone, held = weakref.ref(module), weakref.ref(module.held)
    try:
        worker = load_worker(one_file_worker(tmp_path, ANSWERING))
        assert await (await worker.fetch("/")).text() == "up"
    finally:
        del sys.modules["gone_module"]
    del module
    gc.collect()
    assert gone() is None and held() is None


def test_a_module_replaced_under_its_name_by_a_test_module_is_the_hosts_at_the_next_walk(tmp_path):
    library = types.ModuleType("replaced_module")
    library.__file__ = f"{sys.prefix}/lib/site-packages/replaced_module.py"
    sys.modules["replaced_module"] = library
    folders = (str(tmp_path) + "/",)
    try:
        note_host_modules(folders, lambda _m: False)
        mine = types.ModuleType("replaced_module")  # the same name, size and order of sys.modules: another module
        mine.__file__ = str(tmp_path / "test_replaced.py")
        sys.modules["replaced_module"] = mine
        note_host_modules(folders, lambda _m: False)
        assert HOST_NAMESPACES.get(id(mine.__dict__)) is mine
    finally:
        del sys.modules["replaced_module"]


def test_a_host_module_replaced_under_its_name_by_another_is_the_hosts_at_the_next_walk(tmp_path):
    first = types.ModuleType("test_swapped")
    first.__file__ = str(tmp_path / "test_swapped.py")  # a test module: the host's for good
    sys.modules["test_swapped"] = first
    folders = (str(tmp_path) + "/",)
    try:
        note_host_modules(folders, lambda _m: False)
        assert HOST_NAMESPACES.get(id(first.__dict__)) is first
        second = types.ModuleType("test_swapped")  # sys.modules' names and size as they were, the first alive
        second.__file__ = first.__file__
        sys.modules["test_swapped"] = second
        note_host_modules(folders, lambda _m: False)
        assert HOST_NAMESPACES.get(id(second.__dict__)) is second
    finally:
        del sys.modules["test_swapped"]


def test_a_module_under_the_next_loads_folder_is_the_hosts_at_its_walk(tmp_path):
    module = types.ModuleType("beside_module")
    module.__file__ = str(tmp_path / "second" / "beside_module.py")  # no test's name, no library's
    sys.modules["beside_module"] = module
    try:
        note_host_modules((str(tmp_path / "first") + "/",), lambda _m: False)
        assert id(module.__dict__) not in HOST_NAMESPACES
        note_host_modules((str(tmp_path / "second") + "/",), lambda _m: False)  # sys.modules as it was
        assert HOST_NAMESPACES.get(id(module.__dict__)) is module
    finally:
        del sys.modules["beside_module"]


@pytest.mark.asyncio
async def test_a_module_replaced_under_its_name_by_the_projects_is_refused_at_the_next_load(tmp_path):
    project, _helper = _project_beside_a_helper_seen_elsewhere(tmp_path)
    try:
        answer = await load_worker(project).fetch("/")
        assert (answer.status, await answer.text()) == (200, "outside")
        # another module under the same name (sys.modules' size and newest name unchanged), the project's
        projects = _outside_helper(str(project / "outside_helper.py"))
        projects.__file__ = str(project / "outside_helper.py")
        sys.modules["outside_helper"] = projects
        worker = load_worker(project)
        with pytest.raises(ModuleNotFoundError, match="outside_helper"):
            await worker.fetch("/")
    finally:
        sys.modules.pop("outside_helper", None)


@pytest.mark.asyncio
async def test_a_module_without_a_location_whose_file_moves_into_the_project_is_refused_at_the_next_load(tmp_path):
    # a spec without a location (a built-in's, a custom loader's): the walk goes by __file__, read at each load
    project = one_file_worker(tmp_path / "p", ENTRY)
    (project / "outside_helper.py").write_text('WORD = "outside"\n')
    helper = sys.modules["outside_helper"] = types.ModuleType("outside_helper")
    helper.WORD = "outside"
    helper.__spec__ = importlib.machinery.ModuleSpec("outside_helper", None)
    helper.__file__ = "/elsewhere/outside_helper.py"

    def move() -> None:  # the same module and spec, now the project's file
        helper.__file__ = str(project / "outside_helper.py")

    try:
        await _outside_twice_then_refused(project, move)
    finally:
        sys.modules.pop("outside_helper", None)


@pytest.mark.asyncio
async def test_a_module_reloaded_from_the_project_as_the_newest_entry_is_refused_at_the_next_load(tmp_path):
    # importlib.reload gives the module a new spec and puts its name back where it was when it was the
    # newest: sys.modules' names, size and entries unchanged; its new spec alone tells
    project = one_file_worker(tmp_path / "p", ENTRY)
    (project / "outside_helper.py").write_text('WORD = "outside"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "outside_helper.py").write_text('WORD = "outside"\n')
    sys.path.insert(0, str(elsewhere))
    try:
        import outside_helper
    finally:
        sys.path.remove(str(elsewhere))  # (else the Worker would import it from there too)
    def newest() -> None:  # the newest entry of sys.modules, before each load
        sys.modules["outside_helper"] = sys.modules.pop("outside_helper")

    def move() -> None:  # reloaded from the project: sys.modules' names, size and entries as they were
        sys.path.insert(0, str(project))
        names = list(sys.modules)
        try:
            importlib.reload(outside_helper)
        finally:
            sys.path.remove(str(project))
        assert list(sys.modules) == names and outside_helper.__file__ == str(project / "outside_helper.py")

    try:
        await _outside_twice_then_refused(project, move, before_each=newest)
    finally:
        sys.modules.pop("outside_helper", None)


@pytest.mark.asyncio
async def test_a_module_given_another_class_runs_none_of_its_code_at_the_next_load(tmp_path):
    # a module the walks remembered, its __class__ then one whose attributes run code (a lazily
    # loaded module's, a module with properties): the next load's checks read none of them
    project, helper = _project_beside_a_helper_seen_elsewhere(tmp_path)
    ran = []

    class Watched(types.ModuleType):
        def __getattribute__(self, name):
            ran.append(name)
            return super().__getattribute__(name)

        @property
        def __spec__(self):  # type: ignore[override]
            ran.append("__spec__ property")
            return None

    try:
        for _ in range(2):
            answer = await load_worker(project).fetch("/")
            assert (answer.status, await answer.text()) == (200, "outside")
        helper.__class__ = Watched
        ran.clear()
        load_worker(one_file_worker(tmp_path / "q", ANSWERING))
        assert ran == []
    finally:
        sys.modules.pop("outside_helper", None)


def test_a_library_module_gone_lets_its_namespace_go(tmp_path):
    # the walk holds a library module's namespace to check its __file__ at the next load: not past the module
    module = types.ModuleType("gone_library")
    module.__file__ = f"{sys.prefix}/lib/site-packages/gone_library/sub.py"
    module.held = _Held()
    sys.modules["gone_library.sub"] = module  # (a submodule: the scope's index of top-level modules leaves it out)
    held = weakref.ref(module.held)
    try:
        note_host_modules((str(tmp_path) + "/",), lambda _m: False)
    finally:
        del sys.modules["gone_library.sub"]
    del module
    gc.collect()
    assert held() is None
