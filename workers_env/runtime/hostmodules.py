"""Your tests' own modules: code in them is yours, never the Worker's, whoever calls it.

Whether code runs as the Worker (its ``os.environ``, ``sys.argv``, ``os.getpid()``, the
file-system checks: :func:`~workers_env.runtime.filesystem.by_worker_code`) is told by walking
out from the caller: the Worker's files and what workers-env calls for it (a function it handed
to ``create_proxy``, its ASGI app) are the Worker's. A binding your test defines is not, even when
the Worker calls it through a function the binding returned (a ``JsFunction``), or when ``main``
sits at the project's top (``main = "worker.py"``) so that ``tests/`` lies under the module
root. What tells them apart is the module object: the Worker's scope imports its own copy of
each of its files, so a module already imported when a Worker loads (pytest imports test modules
and conftests at collection) that is no Worker's and no library's (the standard library,
site-packages, an uploaded ``python_modules/``, workers-env) is the host's when it is a test
module or conftest (by pytest's names or its assertion rewriting) or lies in the project's
folder or the module root (the project's files wrangler does not upload the Worker cannot import).
An editable install elsewhere stays a library.
"""

from __future__ import annotations

import functools
import os
import sys
import weakref
from collections.abc import Callable
from typing import Any
from types import FunctionType, ModuleType

from workers_env.runtime.moduledicts import ModulesSnapshot, held_attribute, held_names, namespaces_keep
from workers_env.runtime.tracebacks import PACKAGE_DIR

__all__ = ["HOST_NAMESPACES", "INTERPRETER_FOLDERS", "is_the_hosts", "note_host_modules"]

#: ``id()`` of the namespace of each of the host's own modules -> that module (held, so the id is
#: never another's); read in the frame walks as ``id(frame.f_globals) in HOST_NAMESPACES``
HOST_NAMESPACES: dict[int, ModuleType] = {}
#: the interpreter's folders (each ending in a separator): the standard library's modules are everyone's
INTERPRETER_FOLDERS = tuple({f(p) + os.sep for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)
                             for f in (os.path.abspath, os.path.realpath)})


#: file -> :func:`_a_library`'s answer (each load looks at every module again)
_LIBRARIES: dict[str, bool] = {}


def _a_library(file: str) -> bool:
    """Whether ``file`` is a library's, shared by the host and the Worker (or workers-env's)."""
    known = _LIBRARIES.get(file)
    if known is None:
        known = _LIBRARIES[file] = file.startswith((PACKAGE_DIR, *INTERPRETER_FOLDERS)) or any(
            part.endswith("-packages") or part == "python_modules" for part in file.split(os.sep))
    return known


def _a_test(file: str, names: dict[str, object]) -> bool:
    """Whether the module of ``file`` is pytest's test module or conftest (``python_files``'
    defaults, or a module pytest rewrote the asserts of)."""
    base = os.path.basename(file)
    return ("@py_builtins" in names or base == "conftest.py"
            or base.endswith(".py") and (base.startswith("test_") or base.endswith("_test.py")))


#: id() of a module no load can take for the host's -> (a weak reference to it, its ``__file__``
#: then): a library's, or of no file; each load looks at every module in ``sys.modules`` (2,800 in
#: a collected test suite), and these are skipped while they keep that ``__file__``
_NEVER_HOSTS: dict[int, tuple[weakref.ref[ModuleType], object]] = {}
#: id() of each module in :data:`HOST_NAMESPACES`
_HOST_MODULES: set[int] = set()


def note_host_modules(folders: tuple[str, ...], owned: Callable[[ModuleType], bool]) -> None:
    """Remember the modules now in ``sys.modules`` that are the host's own: neither a Worker's
    (``owned``) nor a library's, and a test module or conftest or under one of ``folders``
    (the project's and the module root, each ending in a separator)."""
    values = _WALKED.current()
    if values is not None and _never_hosts_kept():
        # sys.modules as the last walk left it, and no library's module given another __file__ since:
        # only the modules it could not settle are judged again (the folders are this load's)
        settled = True
        for index in _UNSETTLED[:]:
            settled = _judge(values[index], folders, owned) is None and settled
        if not settled:
            _WALKED.forget()
        return
    names, values = list(sys.modules), list(sys.modules.values())
    unsettled: list[int] = []
    never: list[int] = []
    for index, module in enumerate(values):
        verdict = _judge(module, folders, owned)
        if verdict is None:
            unsettled.append(index)
        elif verdict is _NEVER:
            never.append(index)
    _UNSETTLED[:] = unsettled
    # (each a plain module: its __dict__ read as _judge read it)
    namespaces = [values[i].__dict__ for i in never]
    _NEVER_AT[:] = [namespaces, [held.get("__file__") for held in namespaces]]
    _WALKED.take(names, values)


#: ``sys.modules`` as :func:`note_host_modules`' last walk of it left it
_WALKED = ModulesSnapshot()
#: where the modules that walk could not settle (neither the host's for good nor a library's) are in it
_UNSETTLED: list[int] = []
#: its plain modules remembered as never the host's: their namespaces (a module's for life; let go
#: with it: ``None`` once one of those in :data:`_NEVER_HOSTS` is gone), their __file__s then
_NEVER_AT: list[Any] = [[], []]
_NEVER = "never"
_HOSTS = "host"


def _never_hosts_kept() -> bool:
    """Whether each module the last walk remembered as never the host's keeps its ``__file__``
    (``sys.modules``' entries being the walk's): read in its namespace, held since the walk
    (:func:`_judge` would read the same namespace)."""
    return namespaces_keep(_NEVER_AT[0], _NEVER_AT[1], "__file__")


def _judge(module: Any, folders: tuple[str, ...], owned: Callable[[ModuleType], bool]) -> str | None:
    """One entry of ``sys.modules``: ``_HOSTS`` (the host's, remembered for good), ``_NEVER`` (a library's
    or of no file: skipped while it keeps its ``__file__``), ``None`` when that depends on the load."""
    key = id(module)  # (once: with the runtime's audit hook installed each id() is a Python call)
    if key in _HOST_MODULES:  # (held in HOST_NAMESPACES: its id is its own)
        return _HOSTS
    known = _NEVER_HOSTS.get(key)
    if known is not None and known[0]() is module and type(module) is ModuleType \
            and module.__dict__.get("__file__") is known[1]:
        return _NEVER
    names = held_names(module) if issubclass(type(module), ModuleType) else None
    if names is None or id(names) in HOST_NAMESPACES:
        return None
    file = names.get("__file__")
    if not isinstance(file, str) or _a_library(file) or not os.path.isabs(file):
        if type(module) is ModuleType:  # (a plain module's __dict__ is read as held_names reads it)
            _NEVER_HOSTS[key] = (weakref.ref(module, functools.partial(_forget, key)), file)
            return _NEVER
    elif (file.startswith(folders) or _a_test(file, names)) and not owned(module):
        HOST_NAMESPACES[id(names)] = module
        _HOST_MODULES.add(key)
        return _HOSTS
    return None


def is_the_hosts(value: object) -> bool:
    """Whether ``value`` is one of your tests' own modules, or an object of a class one of them
    defines: a stand-in your code made, never the Worker's (read only where a module name's entry
    changed, so the walk over your modules is rare). The class is told by identity where it can
    be: your copy of a Worker's module (``import settings`` in a test) has its name, but the
    Worker's own class is not that copy's (review92)."""
    try:
        return _the_hosts(value)
    except Exception:  # noqa: BLE001 - an odd class whose attributes raise: nothing tells it is yours
        return False


def _the_hosts(value: object) -> bool:
    cls = type(value)
    mock = sys.modules.get("unittest.mock")  # (never imported for this: loaded, a test may have made one)
    if mock is not None and issubclass(cls, getattr(mock, "NonCallableMock", ())):
        return True  # a Mock/MagicMock: a test's stand-in (scope60; a Worker has no use for one in sys.modules)
    if issubclass(cls, ModuleType):
        names = held_names(value)
        if id(names) in HOST_NAMESPACES:
            return True
        # a module made in code (``types.ModuleType("x")``, no file) holding a function or class of
        # your tests' modules: your stand-in (one holding nothing of theirs is the Worker's, as before)
        return names is not None and names.get("__file__") is None and any(
            _defined_by_host(member) for member in list(names.values()))
    return _the_hosts_class(cls)


def _defined_by_host(member: object) -> bool:
    """Whether ``member`` (a module's attribute) is a function or class your tests' modules define."""
    if type(member) is FunctionType:
        return id(member.__globals__) in HOST_NAMESPACES
    return issubclass(type(member), type) and _the_hosts_class(member)  # type: ignore[arg-type]


def _the_hosts_class(cls: type) -> bool:
    """Whether one of your tests' modules defines ``cls`` (told by identity where it can be, see :func:`is_the_hosts`)."""
    where = getattr(cls, "__module__", None)
    named = [module for module in HOST_NAMESPACES.values() if held_attribute(module, "__name__") == where]
    if not named:
        return False
    defined_in = _defining_namespace(cls, named)
    return True if defined_in is None else id(defined_in) in HOST_NAMESPACES


def _defining_namespace(cls: type, named: list[ModuleType]) -> dict[str, object] | None:
    """The namespace of the module whose code made ``cls``: the globals of a function its body defines,
    else the one of ``named`` (your modules of its ``__module__``) holding it under its qualified
    name; ``{}`` when none of them does; ``None`` when nothing tells (a class made in a function,
    with no function of its own: then its module's name decides, as before)."""
    qualname = getattr(cls, "__qualname__", "")
    if not isinstance(qualname, str):
        return None
    for attribute in list(vars(cls).values()):
        if isinstance(attribute, (classmethod, staticmethod)):
            attribute = attribute.__func__
        elif isinstance(attribute, property):
            attribute = attribute.fget
        if isinstance(attribute, FunctionType) and attribute.__qualname__.startswith(qualname + "."):
            return attribute.__globals__  # (one its body defines: a borrowed json.loads tells nothing)
    if "<locals>" in qualname:
        return None
    *outer, last = qualname.split(".")
    for module in named:
        names = held_names(module)
        scope: Any = names
        for part in outer:  # (a nested class: each enclosing class's own names)
            scope = scope.get(part) if scope is not None else None
            scope = scope.__dict__ if isinstance(scope, type) else None
        if scope is not None and scope.get(last) is cls:
            return names
    return {}


def _forget(key: int, _ref: object) -> None:
    _NEVER_HOSTS.pop(key, None)
    _NEVER_AT[:] = [None, []]  # (its namespace may be among those held: let go, the next load walks again)

