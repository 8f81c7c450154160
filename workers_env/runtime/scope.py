"""The import namespace a worker's code runs in, entered only while that code runs.

Inside the scope, ``sys.modules`` holds the stand-in ``workers``/``js``/``pyodide``
modules and the worker's own modules, and the folder of ``main`` leads ``sys.path`` (as
in production, modules beside the entry import without prefix). Folders of the project
above ``main``'s (the config's folder, say, on ``sys.path`` as the current directory) step
off ``sys.path`` meanwhile, and modules a test imported from any folder of the project outside
the upload step out of ``sys.modules``: production uploads only ``main``'s folder (or
``base_dir``'s: then only the folders above it step aside), so a module beside
``wrangler.toml`` must not import here either. On exit everything is
put back: modules the worker imported from its folder are kept by the scope, not by
``sys.modules``, so two workers with a ``utils.py`` each never see each other's. Under
``find_additional_modules = false`` wrangler uploads ``main`` alone: the folder's other modules
then fail to import, as deployed. A folder of the project outside what wrangler uploads is no
place to import from either, even when the Worker puts it on ``sys.path`` itself (deployed, its
files are ``/session/metadata/...``, so ``os.path.dirname(os.path.dirname(__file__))`` is
``/session``): a top-level import searches past such folders, and a module only they hold is
production's ``ModuleNotFoundError`` -- unless the uploaded ``python_modules/`` holds it, where
production finds it. Entries are reference-counted, so nested and overlapping entries (concurrent requests)
restore exactly once.

The scope is entered around each step of the Worker's code, never across an ``await``
(:func:`~workers_env.runtime.tasks.in_scope`): ``sys.modules`` is one for the process, so while a
handler waits, another Worker's request (or a test's code) runs in its own namespace, and each
``import`` -- a lazy one after an ``await`` too -- finds its own Worker's modules. Entries after
the first are cheap: what changed since the last one is looked at, not all of ``sys.modules``.
What the Worker's code adds to ``sys.path`` (``sys.path.insert(0, ...)`` at its top level) is
kept by the scope likewise, on ``sys.path`` only while it is entered.

An entry or exit that raises part-way (a bug, a ``KeyboardInterrupt``) puts the process back as it
was before the step all the same (:meth:`ImportScope._put_back`) and then raises
:class:`ModuleScopeError`: a scope left half exited failed every later test of the process. Two
different Workers' steps on two threads take turns (:meth:`ImportScope._wait_for_turn`).
"""

from __future__ import annotations

import bisect
import collections
import functools
import importlib.abc
import itertools
import operator
import os
import posixpath
import sys
import threading
import time
import weakref
from importlib.machinery import BuiltinImporter, FrozenImporter, ModuleSpec, PathFinder
from pathlib import Path, PurePath
from types import FrameType, ModuleType, TracebackType
from typing import Any

from workers_env._errors import add_hint, users_mistake
from workers_env._oneload import resolved, resolved_now
from workers_env.runtime import current, identity
from workers_env.runtime.cloudflareworkers import old_location_module
from workers_env.runtime.eras import MAIN_ONLY_SINCE
from workers_env.runtime.filesystem import done_for_the_worker
from workers_env.runtime.hostmodules import is_the_hosts
from workers_env.runtime.importercache import entries_under
from workers_env.runtime.jsbase import JsProxy
from workers_env.runtime.moduledicts import ModulesSnapshot, held_attribute, held_back, namespaces_keep
from workers_env.runtime.modulespecs import StandinFinder
from workers_env.runtime.standins import external_submodule, standin_modules
from workers_env.runtime.sessionpaths import SESSION

__all__ = ["ImportScope", "ModuleScopeError", "is_a_workers_own"]

_LOCK = threading.RLock()
#: notified as the last scope entered in the process exits, for a thread waiting its turn to run
#: another Worker's step (:meth:`ImportScope._wait_for_turn`); ``_WAITING[0]`` threads wait on it
_TURN = threading.Condition(_LOCK)
_WAITING = [0]
#: the scope whose entry made the stand-ins' first one (``None`` while none is entered), named by
#: the error of a wait that timed out
_HOLDER: list[Any] = [None]

#: every scope made, for :meth:`ImportScope._inside_an_entry` (looked through only when a step may
#: have to wait its turn: never on one thread alone)
_SCOPES: weakref.WeakSet[ImportScope] = weakref.WeakSet()
#: how long a step waits for another Worker's step running on another thread (a step blocked on a
#: thread that waits for it would wait for ever)
TURN_TIMEOUT = 60.0
# A folder's mtime comes from a coarse clock (a kernel tick on ext4; 1-2 s on some file systems):
# a file added within the same tick as the last change leaves it unchanged. A stamp younger than
# this when read is not trusted: the folder is read again next time (git's "racy" rule).
_RACY_NS = 2_000_000_000
_MISSING = object()
#: the stand-ins' top-level names production has imported before the Worker's code runs, so a module
#: of the Worker's folder by that name never imports in their place: ``pyodide`` (in ``sys.modules`` at
#: the start of npm Pyodide 0.26.0a4, 0.28.2 and 314.0.6; review90). ``js`` is not there in Pyodide
#: (its finder comes after the path's): a Worker's ``js.py`` imports, as here
_PRELOADED = frozenset({"pyodide"})
#: runs an iterator out in C, keeping nothing (a step's removal of its names from ``sys.modules``)
_SINK: collections.deque[Any] = collections.deque(maxlen=0)
_consume = _SINK.extend
#: ``_MISSING`` for ever: the default of each ``sys.modules.pop`` a plain exit makes
_ABSENT = itertools.repeat(_MISSING)
#: ``sys.modules``' newest item taken out
_POP_NEWEST = operator.methodcaller("popitem")


class _Layer:
    """Reference-counted ``sys.modules`` overrides: applied on first enter, undone on last exit.
    Applied once per step of a Worker's code, so kept to C-level dict work where the names it
    covers are not in ``sys.modules`` (the usual case): nothing to save, nothing to give back."""

    def __init__(self) -> None:
        self.depth = 0
        self.saved: dict[str, object] = {}

    def push(self, entries: dict[str, ModuleType]) -> None:
        if self.depth == 0:
            modules = sys.modules
            # only names present are saved (absent ones are _MISSING by default in pop)
            self.saved = {name: modules[name] for name in entries.keys() & modules.keys()}
            modules.update(entries)
        self.depth += 1

    def pop(self, entries: dict[str, ModuleType]) -> None:
        self.depth -= 1
        if self.depth:
            return
        modules = sys.modules
        if all(map(operator.is_, map(modules.get, entries), entries.values())):  # as pushed (checked in C)
            _consume(map(modules.__delitem__, entries))
        else:
            self.take_out(entries)
        self.give_back()

    def take_out(self, entries: dict[str, ModuleType]) -> None:
        """Each of ``entries`` out of ``sys.modules`` where it is still there (compared by identity:
        nothing of an odd entry's runs)."""
        modules = sys.modules
        for name, mine in entries.items():
            if modules.get(name) is mine:
                del modules[name]

    def give_back(self) -> None:
        """What the first push covered back in ``sys.modules`` where nothing took its place since;
        ``saved`` is emptied only once all are back (an exit that raised part-way does it again)."""
        modules = sys.modules
        for name, previous in self.saved.items():
            # another worker's module this one covered goes back only while that worker's scope
            # is still entered: once it has stepped out, it never lands globally
            if previous is not _MISSING and name not in modules and not (
                    previous in _OWNED and not _owner_entered(previous)):
                modules[name] = previous  # type: ignore[assignment]
        self.saved = {}


_STANDINS = _Layer()
class _Owners:
    """Every Worker's own modules, each with (a weak reference to) the scope that owns it, looked
    up by identity: a ``WeakKeyDictionary`` hashes and compares its keys, which runs an odd
    entry's ``__hash__``/``__eq__`` (a module subclass's, an object a library put in
    ``sys.modules``) -- and what they raise broke a scope's exit part-way (scope60)."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[weakref.ref[Any], weakref.ref[ImportScope]]] = {}

    def __contains__(self, module: object) -> bool:
        entry = self._by_id.get(id(module))
        return entry is not None and entry[0]() is module

    def get(self, module: object) -> weakref.ref[ImportScope] | None:
        entry = self._by_id.get(id(module))
        return entry[1] if entry is not None and entry[0]() is module else None

    def __setitem__(self, module: ModuleType, owner: weakref.ref[ImportScope]) -> None:
        key = id(module)
        self._by_id[key] = (weakref.ref(module, functools.partial(self._forget, key)), owner)

    def _forget(self, key: int, ref: weakref.ref[Any]) -> None:
        entry = self._by_id.get(key)
        if entry is not None and entry[0] is ref:
            del self._by_id[key]


#: every worker's own modules, each with the scope that owns it
_OWNED = _Owners()


def is_a_workers_own(module: ModuleType) -> bool:
    """Whether ``module`` is one a Worker's scope imported from its folder (no test's copy)."""
    return module in _OWNED


def _owner_entered(module: object) -> bool:
    """Whether ``module`` belongs to a worker scope that is entered right now (a request of
    that worker awaiting): it goes back into ``sys.modules`` when another scope steps out."""
    owner = _OWNED.get(module)
    scope = owner() if owner is not None else None
    return scope is not None and scope._layer.depth > 0


def _made_in_code(entry: object) -> bool:
    """Whether a new ``sys.modules`` entry was put there by code rather than imported: an object
    that is no module, or a module no import made (no ``__spec__``: ``types.ModuleType("x")``).
    ``None`` (a blocked import) too. A module LazyLoader holds back was imported."""
    if entry is None:
        return True
    if not issubclass(type(entry), ModuleType):
        return True
    return not held_back(entry) and held_attribute(entry, "__spec__") is None


def _local_names(folder: Path) -> set[str]:
    """Top-level module names a file or package in ``folder`` would provide."""
    names: set[str] = set()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return names
    for entry in entries:
        if entry.is_file() and entry.name.endswith(".py"):
            names.add(entry.name[:-3])
        elif entry.is_dir() and entry.name.isidentifier() and entry.name != "__pycache__":
            names.add(entry.name)
    return names


class ModuleScopeError(RuntimeError):
    """An entry or exit of a Worker's module scope raised part-way; what it had changed of the
    process (``sys.modules``, ``sys.path``, ``sys.meta_path``, ``sys.argv``) was put back first."""


def _raised_at(error: BaseException) -> str:
    """Where ``error`` was raised: its innermost frame's file, line and function."""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "an unknown place"
    code = tb.tb_frame.f_code
    return f"{os.path.basename(code.co_filename)}:{tb.tb_lineno} ({code.co_name})"


class _Runtimes(threading.local):
    """The running Worker each of a scope's entries replaced, innermost last, for its exit to put
    back: a thread's own, entries and exits pairing up within it."""

    def __init__(self) -> None:
        self.replaced: list[Any] = []


class _NotUploaded(importlib.abc.MetaPathFinder):
    """First on ``sys.meta_path`` while a Worker uploaded as ``main`` alone runs: a top-level
    module of its folder other than ``main`` is not there once deployed."""

    def __init__(self, scope: ImportScope) -> None:
        self.scope = scope

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        # only for this Worker's own code: another Worker (or a test) running meanwhile, while
        # this scope is entered and awaits, imports as usual
        if (path is None and current.current_runtime() is self.scope.runtime
                and fullname in self.scope.not_uploaded()):
            raise self.scope.not_uploaded_error(fullname)
        return None  # not one of them: the next finder looks


class _OutsideUpload(importlib.abc.MetaPathFinder):
    """After the builtin and frozen finders on ``sys.meta_path`` while a Worker's scope is entered
    (ahead of pytest's assertion-rewriting hook, which searches ``sys.path`` itself): a
    top-level import by the Worker's code searches ``sys.path`` without the project's folders
    that wrangler does not upload (see :meth:`ImportScope.find_outside_upload`); other code
    importing a module the scope stepped aside gets that module (:meth:`ImportScope.given_back`)."""

    def __init__(self, scope: ImportScope) -> None:
        self.scope = scope

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        given = self.scope.given_back(fullname) if fullname in self.scope._hidden else None
        if given is not None:
            return given
        if path is not None or current.current_runtime() is not self.scope.runtime:
            return None  # a submodule (its package's own path), or another Worker's or a test's import
        return self.scope.find_outside_upload(fullname)


def _after_builtins() -> int:
    """Where the scope's search goes on ``sys.meta_path``: after the builtin and frozen finders
    (and a :class:`_NotUploaded` and the stand-ins' reload finder), before any other -- pytest's
    assertion-rewriting hook, first there under pytest, searches ``sys.path`` itself for ``test_*`` and ``conftest`` names."""
    for index, finder in enumerate(sys.meta_path):
        if finder not in (BuiltinImporter, FrozenImporter) and not isinstance(finder, (_NotUploaded, StandinFinder)):
            return index
    return len(sys.meta_path)


class _GivenBack(importlib.abc.Loader):
    """Loads a module as it is: one a test imported from outside the upload, stepped out of
    ``sys.modules`` while the Worker's code runs, that other code imports meanwhile."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.spec = getattr(module, "__spec__", None)

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self.spec  # its own again: the import set the one naming this loader


def _within(path: PurePath, folder: PurePath) -> bool:
    """``path.is_relative_to(folder)``: for two absolute POSIX paths their parts compared, where
    ``is_relative_to`` raises and catches a ``ValueError`` for each path outside (~9 us; a load
    asked 17 times, mostly outside: load68)."""
    if _POSIX_PATHS and path.is_absolute() and folder.is_absolute():
        parts = folder.parts
        return path.parts[:len(parts)] == parts
    return path.is_relative_to(folder)


_POSIX_PATHS = os.path is posixpath  # (a Windows path's parts compare case-blind: is_relative_to's)


def _installed_folder(where: Path, project: Path) -> bool:
    """A folder of installed packages, or of an interpreter installed inside ``project`` (a
    virtualenv there). A prefix the project lies in does not count: ``python -m venv .`` in the
    project, or ``/usr/src/app`` run by the system Python of ``/usr``, is still the project."""
    if "site-packages" in where.parts or "dist-packages" in where.parts:
        return True
    return any(_within(where, prefix) for prefix in _PREFIXES if not _within(project, prefix))


_PREFIXES = tuple({Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)})


def _cwd() -> str:
    """The current folder, or ``""`` once it was removed: a relative ``sys.path`` entry then
    resolves to nothing, as Python's own search skips it."""
    try:
        return os.getcwd()
    except OSError:
        return ""


def _module_places(module: object) -> list[str]:
    """Where ``module`` was found: its file (its spec's origin, which a module setting its
    ``__file__`` -- to its deployed ``/session/metadata/entry.py``, say -- keeps), else a
    namespace package's portions (read as :func:`~workers_env.runtime.moduledicts.held_attribute`
    reads them: a module LazyLoader holds back stays unloaded)."""
    spec = held_attribute(module, "__spec__")
    try:
        origin = getattr(spec, "origin", None) if getattr(spec, "has_location", False) else None
    except Exception:  # noqa: BLE001 - an odd entry's __spec__ whose attributes raise: no origin to go by
        origin = None
    origin = origin or held_attribute(module, "__file__")
    if origin:
        return [origin] if isinstance(origin, str) else []
    try:
        return [path for path in held_attribute(module, "__path__") or [] if isinstance(path, str)]
    except Exception:  # noqa: BLE001 - an odd entry's __path__ that cannot be listed: no places
        return []


#: id() of a module found at a location -> (a weak reference to it, its spec then, its places):
#: each Worker's first entry reads the places of every top-level module in ``sys.modules`` (some
#: 1,700 in a collected test suite), the same each time
_FOUND: dict[int, tuple[weakref.ref[Any], object, list[str]]] = {}


def _found_places(module: object) -> list[str]:
    """:func:`_module_places`, read once for a module found at a location (its spec's origin)
    while it keeps that spec (``importlib.reload`` gives it another)."""
    key = id(module)
    known = _FOUND.get(key)
    if known is not None and known[0]() is module:
        spec = module.__dict__.get("__spec__") if type(module) is ModuleType else held_attribute(module, "__spec__")
        if spec is known[1]:
            return known[2]
    places = _module_places(module)
    spec = held_attribute(module, "__spec__")
    if places and type(spec) is ModuleSpec and spec.has_location and places[0] == spec.origin:  # (a plain spec: read as is)
        try:
            ref = weakref.ref(module, functools.partial(_forget_found, key))
        except TypeError:  # (an entry that is no module and takes no weak reference)
            return places
        _FOUND[key] = (ref, spec, places)
    return places


def _forget_found(key: int, _ref: object) -> None:
    _FOUND.pop(key, None)


class _TopPlaces:
    """Where each top-level module of ``sys.modules`` was found (:func:`_found_places`), sorted by
    its first place, for each Worker's first entry to find those under its project's folder by
    bisection: that entry read the places of every one of them (1,700 in a collected test suite;
    load61). Kept while ``sys.modules`` holds the same entries and each module the same spec (told
    in C); else made again, reading only what changed. A module whose places are not kept by
    :func:`_found_places` (a namespace package's, an odd entry's) is read at each look, as before."""

    def __init__(self) -> None:
        self._snapshot = ModulesSnapshot()
        #: name -> (a weak reference to its module, its spec, its places): those whose places are kept
        self._kept: dict[str, tuple[weakref.ref[Any], object, list[str]]] = {}
        self._firsts: list[tuple[str, str]] = []  # (first place, name) of those, sorted
        #: their namespaces and their specs then, in sys.modules' order (one tuple: replaced at once), or
        #: ``None`` once one of them is gone (a namespace is held no longer than its module lives)
        self._held: tuple[list[dict[str, Any]], list[object]] | None = ([], [])
        self._others: list[str] = []  # the top-level names read at each look
        #: :meth:`names`: the snapshot's names as a set, and the list it was made of
        self._names: tuple[frozenset[str], list[str] | None] = (frozenset(), None)

    def found_under(self, prefix: str) -> list[tuple[str, Any, list[str]]]:
        """The top-level modules of ``sys.modules`` whose (first) place starts with ``prefix``, with their places."""
        modules = sys.modules
        values = self._snapshot.current()
        read: dict[str, list[str]] = {}
        if values is None or not self._same_specs():
            read = self._index()
        found = []
        at = bisect.bisect_left(self._firsts, (prefix,))
        while at < len(self._firsts) and self._firsts[at][0].startswith(prefix):
            name = self._firsts[at][1]
            found.append((name, modules[name], self._kept[name][2]))
            at += 1
        for name in self._others:
            module = modules[name]
            # (read afresh: _index found none of these keepable, so _found_places' cache would only add an id() each)
            places = read[name] if name in read else _module_places(module)
            if places and places[0].startswith(prefix):
                found.append((name, module, places))
        return found

    def names(self) -> frozenset[str] | None:
        """``sys.modules``' names as a set, made once per snapshot, when they are the snapshot's
        (as after :meth:`found_under`); else ``None``. Each Worker's first entry took its own
        copy of them (2,800 in a collected test suite: ~0.9 ms a load, load63)."""
        names = self._snapshot.names
        if not names or list(sys.modules) != names:  # (the same str objects: compared by identity, in C)
            return None
        if self._names[1] is not names:
            self._names = (frozenset(names), names)
        return self._names[0]

    def _same_specs(self) -> bool:
        """Whether each module whose places are kept keeps its spec (``sys.modules``' entries being the
        snapshot's): read from its namespace, held since :meth:`_index` (its places are read from that
        namespace whatever its class: :func:`_module_places`)."""
        held = self._held
        return held is not None and namespaces_keep(held[0], held[1], "__spec__")

    def _dropped(self, _ref: object) -> None:  # (a module kept is gone: its namespace is let go with it)
        self._held = None

    def _index(self) -> dict[str, list[str]]:
        """Made again from ``sys.modules`` (a module kept as it was is not read again); returns the
        places read of the modules to be read at each look."""
        names, values = list(sys.modules), list(sys.modules.values())
        kept: dict[str, tuple[weakref.ref[Any], object, list[str]]] = {}
        at: list[int] = []
        others: dict[str, list[str]] = {}
        for index, (name, module) in enumerate(zip(names, values)):
            if "." in name:
                continue
            known = self._kept.get(name)
            if (known is not None and known[0]() is module and type(module) is ModuleType
                    and module.__dict__.get("__spec__") is known[1]):
                kept[name] = known
                at.append(index)
                continue
            places = _found_places(module)
            spec = module.__dict__.get("__spec__") if type(module) is ModuleType else None
            if places and type(spec) is ModuleSpec and spec.has_location and places[0] == spec.origin:
                kept[name] = (weakref.ref(module, self._dropped), spec, places)  # (as _found_places keeps them)
                at.append(index)
            else:
                others[name] = places
        self._kept = kept
        self._firsts = sorted((kept[names[index]][2][0], names[index]) for index in at)
        # (each an exact ModuleType: its __dict__ read as the walk above read it)
        self._held = ([values[index].__dict__ for index in at], [kept[names[index]][1] for index in at])
        self._others = list(others)
        self._snapshot.take(names, values)
        return others


#: the process's :class:`_TopPlaces`
_TOP_PLACES = _TopPlaces()


def _is_under(module: object, folder: Path, known: _Folders | None = None) -> bool:
    """Whether ``module``'s file (a namespace package's portions) lies in ``folder``; ``known``
    when every module is judged at once (:class:`_Folders`)."""
    for path in _module_places(module):
        try:
            if known.holds(folder, path) if known is not None else Path(path).resolve().is_relative_to(folder):
                return True
        except (OSError, TypeError, ValueError):
            continue
    return False


class _Folders:
    """One scan's judge of where modules lie: a path that is no symlink is judged by its parent
    folder, each folder resolved once. Judging every module (a reload moved a name, so
    :meth:`ImportScope._new_names` tells nothing) resolved each module's path twice: 60-100 ms
    a step, which moved its promise reactions past a 50 ms timer (figures50)."""

    def __init__(self) -> None:
        self._resolved: dict[str, Path] = {}
        self._judged: dict[tuple[str, Path], tuple[bool, bool]] = {}

    def holds(self, folder: Path, path: str) -> bool:
        head, name = os.path.split(path)
        if not head or name in ("", ".", "..") or os.path.islink(path):
            return Path(path).resolve().is_relative_to(folder)
        judged = self._judged.get((head, folder))
        if judged is None:  # (in it, or its parent: a namespace package's portion may be the folder itself)
            where = self._resolved.get(head)
            if where is None:
                where = self._resolved[head] = resolved_now(Path(head))
            judged = self._judged[head, folder] = (_within(where, folder), where == folder.parent)
        under, parent = judged
        return under or (parent and name == folder.name)


def _modules_mark() -> tuple[int, object]:
    """``sys.modules``' size and newest name: an import appends its name (a dict keeps insertion
    order), so a new import shows here even when a removal kept the size the same (pytest's
    ``monkeypatch`` undoing a ``setitem``); checking both is O(1) where comparing names is not."""
    return len(sys.modules), next(reversed(sys.modules), None)


def _top_folders(places: list[str]) -> list[Path]:
    """The folders a top-level module was found in (:func:`_module_places`): a module's, a
    package's parent folder, a namespace package's portions' parents."""
    folders = []
    for place in places:
        try:
            where = Path(place).resolve()
        except (OSError, TypeError, ValueError):
            continue
        folders.append(where.parent.parent if where.name == "__init__.py" else where.parent)
    return folders


class ImportScope:
    """The worker's import namespace; use ``with scope:`` around every call into its code."""

    def __init__(self, folder: Path, runtime: object = None, *, vendor: Path | None = None,
                 project: Path | None = None, main_only: str | None = None, root: Path | None = None):
        self.folder = resolved(folder)  # (once a load's reading for the load's paths: _oneload.py)
        #: what wrangler uploads: ``base_dir``, else ``main``'s folder
        self.root = resolved(root) if root is not None else self.folder
        self._outside = _OutsideUpload(self)
        self._outside_cache: dict[tuple[str, str], bool] = {}  # (entry, cwd) -> outside the upload
        #: ``main``'s module name when wrangler uploads it alone (``find_additional_modules = false``)
        self.main_only = main_only
        self._finder = _NotUploaded(self) if main_only is not None else None
        self.project = resolved(project) if project is not None else None  # the config's folder
        #: the uploaded ``python_modules/``: what the Worker imports from there (a ``.pth`` file's
        #: import line or path line, see :mod:`~workers_env.runtime.pthfiles`) is its own, as each
        #: isolate imports its own -- not seen by host code or another Worker (:meth:`_owns_vendored`)
        self._vendored = self.project / "python_modules" if self.project is not None else None
        self.vendor = vendor.resolve() if vendor is not None else None  # the legacy vendor/ folder
        self.runtime = runtime  # a WorkerRuntime, marked current on every entry
        self.modules: dict[str, ModuleType] = {}
        self._layer = _Layer()
        self._hidden: dict[str, ModuleType] = {}
        #: the Worker's own submodules (``cloudflare.workers``) of a package that is not its own (an
        #: installed ``cloudflare``): the attribute the import set on that package, there only
        #: while the Worker's code runs (see :meth:`_attach`)
        self._attached: list[tuple[ModuleType, str, ModuleType]] = []
        self._masked: list[tuple[int, str]] = []  # sys.path entries stepped aside, with their places
        self._path_cache: dict[tuple[str, str], bool] = {}  # (entry, cwd) -> is one of _above
        self._resolutions: dict[tuple[Any, str], Path | None] = {}  # (entry, cwd) -> resolved (_resolved)
        #: sys.modules names already looked at, and those found (first the process's set of them,
        #: :meth:`_TopPlaces.names`, shared: copied before it grows)
        self._seen: set[str] | frozenset[str] = set()
        self._root_tops: set[str] = set()  # there that were imported from a folder outside the upload
        self._root_packages: set[str] = set()  # those of them that are packages
        self._seen_mark: tuple[int, object] = (-1, None)  # sys.modules' size and newest name when last looked at
        self._local_cache: frozenset[str] = frozenset()  # _local_names of the folder, as of _local_stamp
        self._local_stamp: int | None = -1
        self._local_racy = True  # the stamp was too recent to trust when read
        project = self.project
        #: whether the project has folders wrangler does not upload (none when the module root
        #: holds it all: ``main`` beside the config, or ``base_dir`` there)
        self.partial = project is not None and not _within(project, self.root)
        # the project's folders above main's that are not uploaded (those above base_dir): never importable
        self._above: set[Path] = set()
        if project is not None and self.partial and _within(self.folder, project):
            self._above = {p for p in self.folder.parents if _within(p, project) and not _within(p, self.root)}
        self._before: tuple[int, object] = (0, None)  # sys.modules' size and newest name on entry
        # where the finders of the Worker's own folders are in sys.path_importer_cache
        self._finder_roots = (*(str(p) for p in (self.folder, self.vendor) if p is not None), SESSION)
        #: sys.path, cwd (None: its entries are all absolute) -> indices to mask
        self._mask_plan: tuple[list[str], str | None, list[int]] | None = None
        #: ``sys.path`` entries the Worker's code added (``sys.path.insert(0, ...)`` at its top
        #: level), with their places: on ``sys.path`` only while the scope is entered
        self._own_path: list[tuple[int, str]] = []
        self._path_on_entry: list[str] = []
        self._threads = _Runtimes()  # per thread, the running Worker each entry replaced, innermost last
        #: the last full entry: what it found (sys.modules' mark, sys.path, sys.meta_path, the
        #: folder's listing, the Worker's own entries) and what it left (sys.path, sys.meta_path,
        #: the entries it stepped aside); None when it had more to undo than its own names
        self._replayable: tuple[Any, ...] | None = None
        #: :meth:`_merged_entries`, made on first use (None: to be made again)
        self._entries: dict[str, ModuleType] | None = None
        #: ``sys.path`` and ``sys.meta_path`` as the outermost entry found them (``None`` before it
        #: read them): what :meth:`_put_back` restores after an entry or exit that raised part-way
        self._host_lists: tuple[list[str], list[Any]] | None = None
        #: what went wrong in the entry or exit under way, each with the ``sys.modules`` entry it
        #: concerned ("" for none): raised at its end (:meth:`_raise_failures`)
        self._failures: list[tuple[str, BaseException]] = []
        _SCOPES.add(self)

    def __enter__(self) -> ImportScope:
        return self._enter(fresh=True)

    def resume(self) -> ImportScope:
        """Enter again for a later step of code that entered already (a handler's coroutine, after
        an ``await``; see :class:`~workers_env.runtime.tasks.ScopedCoroutine`), then ``__exit__``.
        The Worker's folder is not read again (its listing as of the first step is used, and its
        finders keep their caches): as when the scope was held across the handler's awaits, a
        file added to it while a request is under way is seen from the next request (or task) on.
        Everything else is as on a first entry: what other code imported or put on ``sys.path``
        between the steps is looked at."""
        return self._enter(fresh=False)

    def _enter(self, fresh: bool) -> ImportScope:
        previous = current.swap(self.runtime)  # type: ignore[arg-type]
        self._threads.replaced.append(previous)
        with _LOCK:
            if (_STANDINS.depth and self._layer.depth != _STANDINS.depth and previous is None
                    and not self._inside_an_entry()):
                # another Worker's step runs on another thread (not one this thread's step is nested
                # in): its modules are in sys.modules until it ends. Each entry of another scope
                # counts, not just the first one's: a Worker's steps on two threads may overlap, and
                # the thread whose step came first may end it while the other's goes on (review93a)
                try:
                    self._wait_for_turn()
                except BaseException:  # (the timeout's error, a KeyboardInterrupt): this thread's Worker as before
                    current.restore(self._threads.replaced.pop())
                    raise
            depth, standins = self._layer.depth, _STANDINS.depth
            first = depth == 0
            try:
                if not standins:  # the process's first scope entered: sys.argv stood in for
                    identity.entered()
                    _HOLDER[0] = self
                if first:
                    self._host_lists = None  # (set below once read, for _put_back)
                if first and fresh:
                    self._local()  # the folder read again when it changed (or too recently to tell)
                if first and self._replay(fresh):
                    return self
                mark = _modules_mark()  # before the stand-ins re-insert their names at sys.modules' end
                if first:
                    before = (*mark, list(sys.path), list(sys.meta_path), self._local_cache, self._own_path)
                    self._host_lists = before[2], before[3]
                _STANDINS.push(standin_modules())
                if first:
                    self._hide_shadowed()
                    self._mask_project_path(mark)
                    sys.path.insert(0, str(self.folder))
                    if self._finder is not None:
                        sys.meta_path.insert(0, self._finder)
                    if self.partial:
                        sys.meta_path.insert(_after_builtins(), self._outside)
                    if self.vendor is not None:  # after the Worker's folder, before site-packages
                        at = next((i for i, entry in enumerate(sys.path) if "site-packages" in entry), len(sys.path))
                        sys.path.insert(at, str(self.vendor))
                    self._path_on_entry = list(sys.path)
                    for index, entry in self._own_path:  # what the Worker's code added, back in its places
                        sys.path.insert(min(index, len(sys.path)), entry)
                    if fresh:
                        self._invalidate_finders()
                self._layer.push(self.modules)
                if first:
                    if self._attached:
                        self._attach()
                    self._before = _modules_mark()
                    # replayed by resume() while what it depends on is as it was: nothing to give back
                    # on exit but the Worker's own names, nothing another scope entered holds
                    plain = _STANDINS.depth == 1 and not (_STANDINS.saved or self._layer.saved or self._hidden)
                    meta = before[3] if sys.meta_path == before[3] else list(sys.meta_path)  # (the same: set by nothing)
                    self._replayable = (*before, list(sys.path), meta, list(self._masked)) if plain else None
                return self
            except BaseException as error:  # part-way: what it did is undone
                self._failed("", error)
                self._put_back(depth, standins, leaving=False)
                current.restore(self._threads.replaced.pop())
                if not _STANDINS.depth:
                    _HOLDER[0] = None
                if _WAITING[0]:
                    _TURN.notify_all()
                self._raise_failures("entering")
                raise  # (never reached: _raise_failures raises)

    def _inside_an_entry(self) -> bool:
        """Whether this thread runs inside an entry of a scope already (a step nested in it: it holds
        the turn), its running Worker unmarked meanwhile (code of yours the Worker called)."""
        if len(self._threads.replaced) > 1:  # (this entry's own is there already)
            return True
        return any(other._layer.depth and other._threads.replaced for other in list(_SCOPES) if other is not self)

    def _wait_for_turn(self) -> None:
        """Wait (the lock released) until no other Worker's step runs: two Workers' code running at
        the same moment on two threads would share ``sys.modules``, each importing the other's
        modules (flake55: ``KeyError: 'entry'``, the other Worker's ``helpers``). Steps are short
        (never across an ``await``), so the wait is too; one longer than :data:`TURN_TIMEOUT`
        raises (a step blocked on this thread would wait for ever)."""
        _WAITING[0] += 1
        try:
            deadline = time.monotonic() + TURN_TIMEOUT
            while _STANDINS.depth and self._layer.depth != _STANDINS.depth:
                left = deadline - time.monotonic()
                if left <= 0:
                    holder = _HOLDER[0] if _HOLDER[0] is not self else None  # (another's, entered since)
                    raise ModuleScopeError(
                        f"workers-env: the Worker of {self.folder} waited {TURN_TIMEOUT:g} s for a step of the Worker of "
                        f"{getattr(holder, 'folder', 'another folder')} running on another thread: two Workers' code cannot run at "
                        "the same moment in one process (their modules share sys.modules), so each waits for the "
                        "other's step to end -- and one that blocks on a thread waiting for it never ends. Run the "
                        "process's Workers on one thread, or each Worker in a process of its own")
                _TURN.wait(left)
        finally:
            _WAITING[0] -= 1

    def _replay(self, fresh: bool) -> bool:
        """The entry when nothing it depends on changed since the full entry it replays (nothing
        imported, ``sys.path`` and ``sys.meta_path`` as they were, the Worker's own ``sys.path``
        entries the same, no other scope entered, and -- ``fresh``, a first step -- the Worker's
        folder holding the same names): that entry's outcome is put back as a whole, which each
        step of a handler that awaits pays instead of working it out."""
        plan = self._replayable
        if plan is None or self._layer.depth or _STANDINS.depth:
            return False
        size, newest, path, meta, local, own, entered_path, entered_meta, masked = plan
        modules = sys.modules
        if (len(modules) != size or local is not self._local_cache or own is not self._own_path
                or next(reversed(modules), None) != newest or sys.path != path or sys.meta_path != meta):
            return False
        relative = self._mask_plan[1] if self._mask_plan is not None else None
        if relative is not None and relative != _cwd():  # a relative entry masked: the same folder?
            return False
        self._host_lists = path, meta
        entries = self._entries or self._merged_entries()
        modules.update(entries)  # none of these names there (as at that entry): nothing to save
        if self._attached:
            self._attach()
        _STANDINS.depth = self._layer.depth = 1
        sys.path[:] = entered_path
        if entered_meta is not meta:
            sys.meta_path[:] = entered_meta
        self._masked = list(masked) if masked else []
        if fresh:
            self._invalidate_finders()
        self._before = (len(modules), next(reversed(modules), None))
        return True

    def _merged_entries(self) -> dict[str, ModuleType]:
        """The stand-ins' names and the Worker's own, as one dict in the order a full entry
        inserts them: what a replayed entry adds to ``sys.modules`` and a plain exit takes out,
        each with one call (kept until the Worker's own modules change)."""
        self._entries = {**standin_modules(), **self.modules}
        return self._entries

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        with _LOCK:
            depth, standins = self._layer.depth, _STANDINS.depth
            try:
                if depth == 1 and self._undo_plain():  # (no scope entered now)
                    identity.left()  # the last scope left: the process's sys.argv back
                else:
                    self._leave(depth == 1)
            except BaseException as error:  # part-way: the rest is put back all the same
                self._failed("", error)
                self._put_back(depth - 1, standins - 1, leaving=True)
            finally:
                current.restore(self._threads.replaced.pop())
                if not _STANDINS.depth:
                    _HOLDER[0] = None
                if _WAITING[0]:  # a Worker's step waits on another thread: its turn may have come
                    _TURN.notify_all()
            if self._failures:
                self._raise_failures("leaving")

    def _leave(self, last: bool) -> None:
        """An exit's steps (but a plain one's, :meth:`_undo_plain`): the last one of this scope
        takes in what the Worker's step imported and puts back everything its entry changed."""
        if last:
            self._capture_new_modules()
            if self._attached:
                self._detach()
        self._layer.pop(self.modules)
        if last:
            self._take_own_path()
            self._remove_path()
            self._remove_finders()
            self._unmask_project_path()
            self._give_hidden_back()
        _STANDINS.pop(standin_modules())
        if not _STANDINS.depth:
            identity.left()

    def _remove_finders(self) -> None:
        """This scope's finders off ``sys.meta_path`` (by identity: a finder's ``__eq__`` is not asked)."""
        if any(finder is self._finder or finder is self._outside for finder in sys.meta_path):
            sys.meta_path[:] = [finder for finder in sys.meta_path if finder is not self._finder and finder is not self._outside]

    def _give_hidden_back(self) -> None:
        """The modules the entry stepped aside back in ``sys.modules`` (where nothing took their place)."""
        for name, module in self._hidden.items():
            # another worker's module never lands globally, unless its scope is still
            # entered (a request of the Worker this one replaces, awaiting)
            if module not in _OWNED or _owner_entered(module):
                sys.modules.setdefault(name, module)
        self._hidden = {}

    def _put_back(self, depth: int, standins: int, leaving: bool) -> None:
        """After an entry or exit that raised part-way: this scope entered ``depth`` times and the
        stand-ins ``standins`` times, and -- at 0 -- ``sys.modules``, ``sys.path``,
        ``sys.meta_path`` and ``sys.argv`` as they were before the outermost entry (the Worker's
        new modules taken in first, when ``leaving`` before its names were taken out). Each step
        is tried whatever the others raise; what they raise is added to :attr:`_failures`."""
        def attempt(call: Any, *args: Any) -> None:
            try:
                call(*args)
            except BaseException as error:  # noqa: BLE001 - named with the first failure
                self._failed("", error)

        if depth <= 0:
            if leaving and self._layer.depth > 0:  # its names were not taken out yet: what it imported first
                attempt(self._capture_or_take_new)
            attempt(self._detach)
            self._layer.depth = 0
            attempt(self._layer.take_out, self.modules)
            attempt(self._layer.give_back)
            if leaving and len(sys.path) >= len(self._path_on_entry):  # (the Worker's folder not taken off yet)
                attempt(self._take_own_path)
            host = self._host_lists
            if host is not None:
                attempt(sys.path.__setitem__, slice(None), host[0])
            attempt(self._remove_finders)
            self._masked = []
            attempt(self._give_hidden_back)
            self._hidden = {}
            self._replayable = self._entries = None
        else:
            self._layer.depth = depth
        _STANDINS.depth = max(standins, 0)
        if not _STANDINS.depth:
            attempt(_STANDINS.take_out, standin_modules())
            attempt(_STANDINS.give_back)
            attempt(identity.left)

    def _capture_or_take_new(self) -> None:
        """:meth:`_capture_new_modules`, or, when that raises, every name the step added taken for the
        Worker (out of the host's ``sys.modules``, which then holds what it held before the step)."""
        try:
            self._capture_new_modules()
        except BaseException as error:  # noqa: BLE001 - named with the first failure
            self._failed("", error)
            for name in self._new_names() or ():
                if name not in self.modules:
                    self._unjudged(name, sys.modules.get(name, _MISSING), error)

    def _raise_failures(self, doing: str) -> None:
        """Raise what went wrong in an entry or exit that was then put back (:meth:`_put_back`): a
        ``KeyboardInterrupt``/``SystemExit`` as it is, anything else as :class:`ModuleScopeError`
        naming where it was raised and the entries it concerned, from the first such error."""
        failures, self._failures = self._failures, []
        for _, error in failures:
            if not isinstance(error, Exception):  # (KeyboardInterrupt, SystemExit: the user's, as they are)
                raise error
        what, first = failures[0]
        entries = sorted({name for name, _ in failures if name})
        where = _raised_at(first)
        told = f"judging {', '.join(entries[:5])}{' and more' if len(entries) > 5 else ''}: " if entries else ""
        message = (f"workers-env: {doing} the Worker's module scope failed: {told}{where} raised "
                   f"{type(first).__name__}: {first}. sys.modules, sys.path, sys.meta_path and sys.argv are as they "
                   "were before the Worker's code ran (what it imported or put in sys.modules stays its own), so your "
                   "code and the next Worker's run as usual")
        if len(failures) > 1:
            message += f" ({len(failures) - 1} more error(s) while putting them back: " + "; ".join(
                f"{type(e).__name__}: {e}" for _, e in failures[1:4]) + ")"
        raise ModuleScopeError(message) from first

    def _undo_plain(self) -> bool:
        """The last exit of an entry that changed nothing while entered (nothing imported,
        ``sys.path`` and ``sys.meta_path`` as the entry left them), no other scope entered: the
        Worker's names and the stand-ins' out of ``sys.modules``, both lists put back as they
        were before it, at once -- what the exit's steps would come to."""
        plan = self._replayable
        if plan is None or _STANDINS.depth != 1 or self._hidden or self._layer.saved or _STANDINS.saved:
            return False
        modules = sys.modules
        if ((len(modules), next(reversed(modules), None)) != self._before or sys.path != plan[6]
                or sys.meta_path != plan[7]):
            return False
        if self._attached:
            self._detach()
        entries = self._entries or self._merged_entries()
        self._layer.depth = _STANDINS.depth = 0  # (first: a part-way exit's _put_back finds them out)
        # each name out (one look-up a name, in C), the first last: the newest name then, as the
        # entry appended them all, it goes by popitem(), which also gives back the deleted slots
        # the others' pop left after it at the dict's end -- each next(reversed(sys.modules))
        # walked them (_modules_mark, the next entry's checks), hundreds, until the dict was
        # resized. The same names go with the same values either way; what stays keeps its order
        names = iter(entries)
        first: Any = next(names, _MISSING)
        taken = [None, *map(modules.pop, names, _ABSENT)]
        taken[0] = _POP_NEWEST(modules)[1] if next(reversed(modules)) is first else modules.pop(first, _MISSING)
        if not all(map(operator.is_, taken, entries.values())):
            # one the step replaced stays, as the Layers' pop leaves it (put back: last in sys.modules now)
            # -- unless the Worker's from now on (imported again from its folder, or put there by its code,
            # under its own name or a stand-in's)
            for name, mine, found in zip(entries, entries.values(), taken):
                if found is not mine and found is not _MISSING and not self._judged_adopted(name, found, True):
                    modules[name] = found  # type: ignore[assignment]
        sys.path[:] = plan[2]
        if plan[7] is not plan[3]:
            sys.meta_path[:] = plan[3]
        self._masked = []
        return True

    def _invalidate_finders(self) -> None:
        """``importlib.invalidate_caches()`` for the Worker's own folders only: a module written
        there a moment ago (within the folder's mtime granularity) imports; the process's other
        finders keep their caches, which every request would otherwise rebuild. (The entries are
        found without a scan of the whole cache, which holds a folder of every Worker the process
        loaded: runtime/importercache.py.)"""
        cache = sys.path_importer_cache  # (one entry a folder any Worker imported from)
        for path in entries_under(*self._finder_roots):
            finder = cache.get(path)
            if finder is not None and hasattr(finder, "invalidate_caches"):
                finder.invalidate_caches()

    def _local(self) -> frozenset[str]:
        """:func:`_local_names` of the Worker's folder, read again only when the folder changed (or its
        stamp was too recent to tell)."""
        try:
            stamp = os.stat(self.folder).st_mtime_ns
        except OSError:
            stamp = None
        if stamp is None or stamp != self._local_stamp or self._local_racy:
            names = frozenset(_local_names(self.folder) - sys.stdlib_module_names - _PRELOADED)
            if names != self._local_cache:  # the same listing kept as it is: an entry can be replayed
                self._local_cache = names
            self._local_stamp = stamp
            self._local_racy = stamp is None or time.time_ns() - stamp < _RACY_NS
        return self._local_cache

    def not_uploaded(self) -> frozenset[str]:
        """The folder's top-level modules a deploy leaves out: all but ``main`` when it is
        uploaded alone, else none."""
        if self.main_only is None:
            return frozenset()
        return self._local() - {self.main_only}

    def not_uploaded_error(self, name: str) -> ModuleNotFoundError:
        """Production's error for importing ``name``, with a note on why and how to fix it."""
        error = ModuleNotFoundError(f"No module named {name!r}", name=name)
        where = self.folder / f"{name}.py"
        if not where.is_file():
            where = self.folder / name
        shown = where
        if self.project is not None and where.is_relative_to(self.project):
            shown = where.relative_to(self.project)
        add_hint(error, f"workers-env: {shown.as_posix()} is beside main, but find_additional_modules = false makes "
                       f"wrangler upload main alone ({MAIN_ONLY_SINCE}); remove that line (or set it to true) so "
                       "the Worker's other modules are uploaded too")
        return error

    def _outside_folder(self, where: Path | None) -> bool:
        """Whether the (resolved) folder is one of the project that wrangler does not upload (not
        under the module root, not ``python_modules/``, not a virtualenv's)."""
        return (where is not None and self.project is not None and _within(where, self.project)
                and not _within(where, self.root) and not _within(where, self.project / "python_modules")
                and not _installed_folder(where, self.project))

    def _resolved(self, key: tuple[Any, str], entry: Any, cwd: str, plain: set[str] | None = None) -> Path | None:
        """The ``sys.path`` entry ``entry`` resolved (``None``: it resolves to nothing), read once a
        scope for both its uses: :meth:`_mask_above`, :meth:`_outside_upload` (``key``: theirs).
        ``plain``: the folders found no symlink by the resolutions of the same look at ``sys.path``
        (its entries share their top folders; nothing else runs between them: _oneload.py)."""
        known = self._resolutions.get(key, _MISSING)
        if known is _MISSING:
            try:
                known = resolved_now(Path(cwd, entry), plain)
            except (OSError, TypeError, ValueError):
                known = None
            self._resolutions[key] = known
        return known  # type: ignore[return-value]

    def _outside_upload(self, entry: object, cwd: str, plain: set[str] | None = None) -> bool:
        """Whether the ``sys.path`` entry names a folder of the project that wrangler does not upload
        (``plain``: :meth:`_resolved`'s, shared by one look at ``sys.path``)."""
        if not isinstance(entry, str) or not self.partial:
            return False
        key = (entry, "" if os.path.isabs(entry) else cwd)
        outside = self._outside_cache.get(key)
        if outside is None:
            outside = self._outside_folder(self._resolved(key, entry, cwd, plain))
            self._outside_cache[key] = outside
        return outside

    def find_outside_upload(self, fullname: str) -> ModuleSpec | None:
        """The spec of top-level module ``fullname`` as production's search finds it: ``sys.path``
        without the project's folders outside the upload (those stepped aside on entry, and any
        the Worker added since). Found only there, it is the uploaded ``python_modules/`` copy
        (not uploaded when ``main`` is, alone), or production's ``ModuleNotFoundError``. ``None``:
        the usual search goes on."""
        cwd = _cwd()
        plain: set[str] = set()
        absent = [entry for entry in sys.path if self._outside_upload(entry, cwd, plain)]
        absent += [entry for _, entry in self._masked]
        if not absent:
            return None
        found = PathFinder.find_spec(fullname, absent)  # a few folders: usually holding nothing,
        if found is None:  # and then the usual search finds what production's would, at no cost
            return None
        spec = PathFinder.find_spec(fullname, [entry for entry in sys.path if entry not in absent])
        if spec is not None:
            self._uploaded_portions_only(spec)
            return spec
        if not self._the_workers_import():
            return None  # workers-env's for the Worker, or a binding's you supplied: not checked
        assert self.project is not None  # absent entries are folders of the project
        if self.main_only is None:  # uploaded, unless main is, alone
            vendored = PathFinder.find_spec(fullname, [str(self.project / "python_modules")])
            if vendored is not None:
                return vendored
        raise users_mistake(self._outside_error(fullname, found))  # production's error: our frames step aside

    def _uploaded_portions_only(self, spec: ModuleSpec) -> None:
        """A namespace package (``src/pkg/`` and a ``pkg/`` outside the upload, neither with an
        ``__init__.py``) keeps only its uploaded portions: its ``__path__`` searches ``sys.path``
        again whenever that changes, and would take in the other folder's then."""
        locations = spec.submodule_search_locations
        search = getattr(locations, "_path_finder", None)  # importlib's _NamespacePath
        if search is None or spec.origin not in (None, "namespace"):
            return

        def uploaded_only(name: str, path: list[str]) -> ModuleSpec | None:
            cwd = _cwd()
            plain: set[str] = set()
            return search(name, [entry for entry in path if not self._outside_upload(entry, cwd, plain)])

        locations._path_finder = uploaded_only  # type: ignore[union-attr]

    def _the_workers_import(self) -> bool:
        """Whether the import under way is by the Worker's code: not by a test, nor by workers-env
        or a binding you supplied for it (walking out from importlib's frames, past this module's)."""
        if current.current_runtime() is not self.runtime:
            return False
        frame: FrameType | None = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename == __file__:
            frame = frame.f_back
        return not done_for_the_worker(frame, str(self.root) + os.sep)

    def given_back(self, fullname: str) -> ModuleSpec | None:
        """For an import of a module the scope stepped aside (a test's, from outside the upload)
        by code other than the Worker's: that module itself, not a second copy. ``None``: the
        Worker's own import, which searches on."""
        module = self._hidden.get(fullname)
        if module is None or fullname.partition(".")[0] not in self._root_tops or self._the_workers_import():
            return None
        return ModuleSpec(fullname, _GivenBack(module), origin=getattr(module, "__file__", None),
                          is_package=hasattr(module, "__path__"))

    def _outside_error(self, name: str, found: ModuleSpec) -> ModuleNotFoundError:
        error = ModuleNotFoundError(f"No module named {name!r}", name=name)
        if found.origin and os.path.basename(found.origin) == "__init__.py":
            where = Path(found.origin).parent
        elif found.origin and os.path.isabs(found.origin):
            where = Path(found.origin)
        else:  # a namespace package: a folder without __init__.py
            where = Path(next(iter(found.submodule_search_locations or []), name))
        shown = where.relative_to(self.project).as_posix() if self.project and where.is_relative_to(self.project) else str(where)
        shown += "/" if where.is_dir() else ""
        root = self.root.relative_to(self.project).as_posix() + "/" if self.project and self.root.is_relative_to(self.project) else str(self.root)
        if self.main_only is not None:
            add_hint(error, f"workers-env: {shown} is in the project but outside {root}, and find_additional_modules = "
                           "false makes wrangler upload main alone (python_modules/ neither), so deployed it is not "
                           f"there to import. Move it into {root} and remove that line (or set it to true) so the "
                           "Worker's other modules are uploaded too")
            return error
        add_hint(error, f"workers-env: {shown} is in the project but outside {root}, the folder wrangler uploads, so "
                       "deployed it is not there to import (the Worker's files are under /session/metadata/; a "
                       "folder added to sys.path from __file__ holds none of the project's others). Move it into "
                       f"{root}, or have the build copy it into python_modules/, which is uploaded")
        return error

    def _hide_shadowed(self) -> None:
        """Modules loaded elsewhere under a name the worker's folder provides step aside, and
        so do those of the folder a deploy leaves out (imported by a test, say). The folder's
        listing as last read (on a first step's entry: see :meth:`resume`)."""
        local = self._local_cache  # a cached stdlib module wins, as in Pyodide
        present = {top for top in local if top in sys.modules}  # usually none: no walk of sys.modules
        if not present:
            return
        left_out = local - {self.main_only} if self.main_only is not None else frozenset()  # not_uploaded()
        for name in list(sys.modules):
            top = name.partition(".")[0]
            if top in present and name not in self.modules:
                module = sys.modules[name]
                # another scope's module of this folder steps aside too: a Worker loaded again
                # (``workers-env dev`` after an edit) imports its modules afresh, even while a
                # request of the one it replaces still runs
                if top in left_out or not _is_under(module, self.folder) or module in _OWNED:
                    self._hidden[name] = sys.modules.pop(name)

    def _mask_project_path(self, mark: tuple[int, object]) -> None:
        if not self.partial:
            return
        if self._above:
            self._mask_above()
        if self._seen_mark != mark:  # what was imported from outside the upload already (new names only)
            prefix = str(self.project) + os.sep
            seen = self._seen
            if not seen:  # the first entry: every top-level module, as the process's index has them
                found = _TOP_PLACES.found_under(prefix)
                shared = _TOP_PLACES.names()
                self._seen = shared if shared is not None else set(sys.modules)
            else:
                new = sys.modules.keys() - seen  # (in C: a step after an import looks at its names alone)
                if new:
                    if type(seen) is not set:  # the shared one: this scope's own copy from now on
                        self._seen = seen = set(seen)
                    seen.update(new)
                found = []
                for name in sorted(new):  # (sorted: the set's order strays in memory)
                    if "." in name:
                        continue
                    module = sys.modules[name]
                    places = _found_places(module)  # (a namespace package's: its portions, every one outside)
                    if places and places[0].startswith(prefix):  # (the usual: found elsewhere)
                        found.append((name, module, places))
            for name, module, places in found:
                folders = _top_folders(places) if all(p.startswith(prefix) for p in places) else []
                if folders and all(self._outside_folder(folder) for folder in folders):
                    self._root_tops.add(name)
                    if held_attribute(module, "__path__") is not None:
                        self._root_packages.add(name)
            self._seen_mark = mark
        if not self._root_tops:  # the usual case: no test imported a module from outside the upload
            return
        tops = {name for name in self._root_tops if name in sys.modules}
        if tops & self._root_packages:  # a package: its submodules step aside too
            names = [name for name in sys.modules if name.partition(".")[0] in tops]
        else:  # modules alone (a test folder's): no walk of sys.modules
            names = sorted(tops)
        for name in names:
            if name not in self.modules:
                self._hidden[name] = sys.modules.pop(name)

    def _mask_above(self) -> None:
        """The project's folders above main's step off ``sys.path``, keeping their places."""
        plan = self._mask_plan
        # as last time: the same places (the current folder read only when an entry is relative)
        if plan is not None and plan[0] == sys.path and (plan[1] is None or plan[1] == _cwd()):
            for index in plan[2]:
                self._masked.append((index, sys.path[index]))
                del sys.path[index]
            return
        cwd = _cwd()
        path, indices = list(sys.path), []
        plain: set[str] = set()
        for index in range(len(sys.path) - 1, -1, -1):
            entry = sys.path[index]
            key = (entry, "" if os.path.isabs(entry) else cwd)
            masked = self._path_cache.get(key)
            if masked is None:
                masked = self._resolved(key, entry, cwd, plain) in self._above
                self._path_cache[key] = masked
            if masked:
                self._masked.append((index, entry))
                indices.append(index)
                del sys.path[index]
        relative = any(not (isinstance(entry, str) and os.path.isabs(entry)) for entry in path)
        self._mask_plan = (path, cwd if relative else None, indices)

    def _unmask_project_path(self) -> None:
        for index, entry in reversed(self._masked):
            sys.path.insert(min(index, len(sys.path)), entry)
        self._masked = []

    def _new_names(self) -> list[str] | None:
        """The names imported since entry, newest first: those after the newest name of then (an
        import appends its name); ``None`` when that tells nothing (a name was removed since, or
        the newest one moved). O(imports), where a copy of ``sys.modules``' names is O(modules)."""
        size, newest = self._before
        grown = len(sys.modules) - size
        if grown == 0 and next(reversed(sys.modules), None) == newest:
            return []
        names: list[str] = []
        for name in reversed(sys.modules):
            if name == newest:
                return names if len(names) == grown else None
            names.append(name)
            if len(names) > grown:
                return None
        return None

    def _capture_new_modules(self) -> None:
        """Take for the Worker what its step imported from its folder (and the JS objects and SDK
        submodules of its own), and what its code put under its own names (or a stand-in's) in
        place of the scope's. Each entry is judged on its own: one whose judging raises is kept
        as the Worker's (out of the host's ``sys.modules``) and named by :meth:`_unjudged`'s error
        at the end of the exit."""
        names = self._new_names()
        known = _Folders()
        new = names is not None  # (each of them put there in the step)
        if names is None:  # rare: every name of this folder's not yet the scope's
            names = [name for name, module in list(sys.modules.items())
                     if name not in self.modules and module not in _OWNED]
        for name in names:
            module = sys.modules.get(name)
            try:
                self._capture(name, module, known, new)
            except BaseException as error:  # noqa: BLE001 - named at the exit's end (_unjudged)
                self._unjudged(name, module if new else _MISSING, error)  # (one of the host's stays there)
        modules = sys.modules
        for name, mine in list(self.modules.items()):  # one of its own the step imported again, or removed
            found = modules.get(name, _MISSING)
            if found is _MISSING:  # ``del sys.modules[name]`` by the Worker's code (nothing else removes
                # its names while it runs): gone for its later steps too, so its next ``import`` runs the
                # module afresh, as the isolate's one interpreter does (review90)
                del self.modules[name]
                self._entries = None
            elif found is not mine:
                self._judged_adopted(name, found)
        standins = standin_modules()
        if not all(map(operator.is_, map(modules.get, standins), standins.values())):  # (checked in C)
            for name, mine in standins.items():  # a stand-in's name the step put something else under
                found = modules.get(name, _MISSING)
                if found is not mine and found is not _MISSING and name not in self.modules:
                    self._judged_adopted(name, found, standin=True)

    def _capture(self, name: str, module: Any, known: _Folders, new: bool = True) -> None:
        """One name the step imported: the Worker's own, or left to the host (a library's)."""
        # (a module LazyLoader holds back is none of the first kind, and asking would load it;
        # types are read, never ``__class__``: an odd entry's may raise)
        if not held_back(module) and (issubclass(type(module), JsProxy) or old_location_module(module)
                                      or external_submodule(module)):
            # a JS object imported through register_js_module, cloudflare.workers, workers.utils or
            # workers.asgi/wsgi/rpc: the Worker's own, as each isolate has its own
            self.modules[name] = module
            self._entries = None
            self._layer.saved.setdefault(name, _MISSING)
            parent_name, _, child = name.rpartition(".")
            parent = sys.modules.get(parent_name)
            if (parent is not None and not old_location_module(parent) and vars(parent).get(child) is module
                    and old_location_module(module)):  # (last: ``is`` would widen module's type again)
                self._attached.append((parent, child, module))
        elif module is not None and (_is_under(module, self.folder, known) or self._owns_vendored(module, known)):
            self.modules[name] = module
            self._entries = None
            _OWNED[module] = weakref.ref(self)
            self._layer.saved.setdefault(name, _MISSING)
        elif new and "." not in name and _made_in_code(module) and not is_the_hosts(module):
            # a stub the step put under a new top-level name (``sys.modules["x"] = ModuleType("x")``, an
            # object): its code's, kept for its later steps, never in your sys.modules -- unless your code
            # made it. (A dotted name is left alone: a library registers such entries as it is imported,
            # cffi's ``pkg._wrapper.lib``, and the host may import that library too.)
            self.modules[name] = module
            self._entries = None
            self._layer.saved.setdefault(name, _MISSING)

    def _judged_adopted(self, name: str, found: Any, standin: bool = False) -> bool:
        """:meth:`_adopted`, an entry whose judging raises kept as the Worker's (see :meth:`_unjudged`)."""
        try:
            return self._adopted(name, found, standin)
        except BaseException as error:  # noqa: BLE001 - named at the exit's end (_unjudged)
            self._unjudged(name, found, error)
            return True

    def _unjudged(self, name: str, found: Any, error: BaseException) -> None:
        """``found``, under ``name`` at an exit, could not be judged (``error``): put there in the step,
        it stays the Worker's, out of the host's ``sys.modules`` (what was not there before the step is
        not after it; ``_MISSING``: one of the host's, it stays there), and the exit ends by raising
        :class:`ModuleScopeError` naming it (a ``KeyboardInterrupt``, itself)."""
        if found is not None and found is not _MISSING:
            self.modules[name] = found
            self._entries = None
            self._layer.saved.setdefault(name, _MISSING)
        self._failed(f"sys.modules[{name!r}]", error)

    def _failed(self, what: str, error: BaseException) -> None:
        """Note ``error`` (about the ``sys.modules`` entry ``what``, or none: "") for :meth:`_raise_failures`,
        once: putting back after a part-way exit may meet the same error again."""
        if what or not any(known is error for _, known in self._failures):
            self._failures.append((what, error))

    def _adopted(self, name: str, module: Any, standin: bool = False) -> bool:
        """Whether ``module``, found under one of the Worker's own names (``standin``: a stand-in's)
        at an exit in place of the scope's, is the Worker's from now on, as the one interpreter of
        an isolate keeps it: one it imported again from its folder (``del sys.modules[name]; import
        name`` in a step; review89), the scope's own then, or another its code put there (:meth:`_kept`)."""
        if not issubclass(type(module), ModuleType) or module in _OWNED or not (
                _is_under(module, self.folder) or self._owns_vendored(module)):
            return self._kept(name, module, standin)
        self.modules[name] = module
        self._entries = None
        _OWNED[module] = weakref.ref(self)
        return True

    def _kept(self, name: str, found: Any, standin: bool = False) -> bool:
        """Whether ``found``, not from the Worker's folder, is what its code put under its own
        module's name (``sys.modules["helper"] = json``, a monkeypatching library) or a stand-in's
        (``sys.modules["js"] = ...``), ``None`` too (an import it blocks): kept for its later steps
        and out of the host's ``sys.modules``, but not made its own (json stays everyone's). Not
        another Worker's module, nor a stand-in your test's code put there (a binding you supply,
        called by the Worker): that stays yours, as the Layers' pop leaves it."""
        owner = _OWNED.get(found)
        if ((name not in self.modules and not standin) or owner is not None and owner() is not self
                or is_the_hosts(found)):
            return False
        self.modules[name] = found
        self._entries = None
        self._layer.saved.setdefault(name, _MISSING)
        return True

    def _owns_vendored(self, module: ModuleType, known: _Folders | None = None) -> bool:
        """Whether ``module``, imported while the scope was entered, is the Worker's own as one of
        the uploaded ``python_modules/`` -- not when host code imports from there too (that folder
        on its ``sys.path``, as ``PYTHONPATH=python_modules``): then it is shared, as an installed
        package is (a second copy of numpy, say, would not import)."""
        vendored = self._vendored
        if vendored is None or not _is_under(module, vendored, known):
            return False
        for entry in self._path_on_entry:  # the host's sys.path, with the Worker's folder
            try:
                if isinstance(entry, str) and Path(entry).resolve().is_relative_to(vendored):
                    return False
            except (OSError, ValueError):
                continue
        return True

    def _attach(self) -> None:
        """Give back, as its code's step starts, the attributes the Worker's own submodules set on
        packages not its own (:attr:`_attached`): ``import cloudflare; cloudflare.workers`` in a
        later step finds the module, as in the step that imported it."""
        for parent, child, module in self._attached:
            if sys.modules.get(parent.__name__) is parent:
                vars(parent).setdefault(child, module)

    def _detach(self) -> None:
        """Take those attributes off again as the step ends, so the installed package holds
        nothing of the Worker's: host code and the next Worker (of another era) see it as it was."""
        for parent, child, module in self._attached:
            if vars(parent).get(child) is module:
                del vars(parent)[child]

    def _take_own_path(self) -> None:
        """``sys.path`` back as it was on entry: what the Worker's code changed lasts while its code
        runs (only its steps run while the scope is entered). The entries it added are kept, with
        their places, and go back on the next entry: its own imports, a lazy one in a handler
        too, find them; other code never does."""
        before, now = self._path_on_entry, sys.path
        if now == before:
            return
        known = set(before)
        self._own_path = [(index, entry) for index, entry in enumerate(now)
                          if isinstance(entry, str) and entry not in known]
        sys.path[:] = before

    def _remove_path(self) -> None:
        entry = str(self.folder)
        if sys.path and sys.path[0] == entry:
            del sys.path[0]
        elif entry in sys.path:
            sys.path.remove(entry)
        if self.vendor is not None and str(self.vendor) in sys.path:
            sys.path.remove(str(self.vendor))
