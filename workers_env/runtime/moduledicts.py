"""A module's names as its ``__dict__`` holds them, read without running the module's code.

Walks of ``sys.modules`` (the loader's of the project's folder, threadpool's rebinding of names
taken early) read each entry's namespace past its class's ``__getattribute__``: a module that
``importlib.util.LazyLoader`` holds back loads on its first attribute read -- ``__dict__`` and
``__file__`` too, and ``isinstance`` of any class not its own, which reads ``__class__`` --,
which would run a module the process (or the Worker) has not used yet (and raise what it
raises), and an entry that is no module may raise anything for one. An entry that is no module
(an object a module put in its own place, a wrapper delegating to the module it replaced) has
its attributes read as Python reads them, which is how its module's ``__file__`` shows.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import operator
import sys
import threading
import weakref
from collections.abc import Iterator
from types import ModuleType
from typing import Any

__all__ = ["ModulesSnapshot", "held_attribute", "held_back", "held_names", "looked_at_once", "namespaces_keep"]

#: the class of a module LazyLoader has not loaded yet (private to importlib.util, 3.11 to 3.14)
_LAZY: type | None = getattr(importlib.util, "_LazyModule", None)


def held_names(module: Any) -> dict[str, Any] | None:
    """``module``'s ``__dict__`` as it holds it now, or ``None`` (``None`` in ``sys.modules``, an
    object without one or whose ``__dict__`` raises)."""
    try:
        names = object.__getattribute__(module, "__dict__")
    except Exception:  # noqa: BLE001 - whatever an odd entry's descriptor raises: it has no names to read
        return None
    return names if isinstance(names, dict) else None


def held_attribute(module: Any, name: str) -> Any:
    """``module``'s attribute ``name`` (``__file__``, ``__path__``, ``__spec__``), ``None`` when it
    has none: a module's as its ``__dict__`` holds it (a lazily loaded one stays unloaded), an
    object standing in for one as ``getattr`` reads it (``None`` where that raises)."""
    if issubclass(type(module), ModuleType):
        return (held_names(module) or {}).get(name)
    try:
        return getattr(module, name, None)
    except Exception:  # noqa: BLE001 - an odd entry's own error: no such attribute to go by
        return None


def held_back(module: Any) -> bool:
    """Whether ``module`` is one ``importlib.util.LazyLoader`` has not loaded yet (its type read,
    not its ``__class__``, which would load it)."""
    return _LAZY is not None and issubclass(type(module), _LAZY)


def namespaces_keep(namespaces: list[dict[str, Any]] | None, values: list[object], name: str) -> bool:
    """Whether each of ``namespaces`` (modules' ``__dict__``, held since a walk of ``sys.modules``)
    still holds under ``name`` (``__spec__``, ``__file__``) the one of ``values`` it held then, by
    identity; ``False`` for ``None`` (one of their modules is gone). The modules themselves are not
    read: a module's namespace is its for life, and a ``__class__`` given to one later runs nothing
    here (scan66: one module fewer to bring in from memory each, where the test modules' are cold)."""
    if namespaces is None:
        return False
    for held, value in zip(namespaces, values):  # (a loop: quicker than map here)
        if held.get(name) is not value:
            return False
    return True


class _Taken:
    """``sys.modules``' names and entries as read together once: each entry held weakly (a callable
    answering it: its weak reference, or a getter of an entry that takes none), ``whole`` until one
    of them is gone (its dead reference would answer ``None``, as an entry set to ``None``). When
    the newest taking before it held its first entries (a scope's entry adds the stand-ins,
    ``workers``, ``js``, ... to what the load's walk of the host's modules took), those are that
    taking's (``base``) and only the rest are held here."""

    __slots__ = ("base", "names", "refs", "whole")

    def __init__(self, names: list[str], values: list[Any], base: _Taken | None = None) -> None:
        self.names, self.base, self.whole = names, base, True
        def gone(_ref: object) -> None:
            self.whole = False
        refs: list[Any] = []
        for value in values[len(base.names):] if base is not None else values:
            try:
                refs.append(weakref.ref(value, gone))
            except TypeError:  # (None, an object without weak references: held as it is)
                refs.append(itertools.repeat(value).__next__)
        self.refs = refs

    def intact(self) -> bool:
        return self.whole and (self.base is None or self.base.whole)

    def entries(self, values: list[Any]) -> bool:
        """Whether ``values`` (``sys.modules``' entries, as many as taken) are the ones taken, by
        identity: compared with those a check in this load found (held), else read through the
        weak references."""
        looked = _LOOKED.get(self)
        if looked is not None:  # (this load found it so: those entries are held alive)
            return len(values) == len(looked) and all(map(operator.is_, values, looked))
        base, at = self.base, 0
        if base is not None:
            at = len(base.names)
            if not base.entries(values[:at]):
                return False
        rest = values[at:] if at else values
        return len(rest) == len(self.refs) and all(map(operator.is_, rest, map(operator.call, self.refs)))


#: the newest :class:`_Taken`: a snapshot taken of the same ``sys.modules`` (or of more) shares it
_NEWEST: list[_Taken | None] = [None]
#: taking -> ``sys.modules``' entries a check found to be its, held (strongly) only while a load is
#: under way (:func:`looked_at_once`): a check of the same taking later in the load compares two
#: lists of pointers, no weak reference read
_LOOKED: dict[_Taken, list[Any]] = {}
#: loads under way (threads may load at once), and the lock counting them
_LOADS = [0]
_LOADS_LOCK = threading.Lock()


@contextlib.contextmanager
def looked_at_once() -> Iterator[None]:
    """While a load is under way, a check of ``sys.modules`` that found it as taken lets a later
    check of the same taking compare with the entries it found (held until the last load under
    way ends: no module is kept alive past it)."""
    with _LOADS_LOCK:
        _LOADS[0] += 1
    try:
        yield
    finally:
        with _LOADS_LOCK:
            _LOADS[0] -= 1
            if not _LOADS[0]:
                _LOOKED.clear()


class ModulesSnapshot:
    """``sys.modules``' names and entries as they were when last :meth:`take`-n, for a walk of every
    module (each load walks them: 2,800 in a collected test suite) to tell cheaply that nothing was
    added, removed or replaced under its name since: the names compared as lists, the entries by
    identity (no entry is touched, nothing of one runs). An entry is held weakly (a module the
    snapshot saw is not kept alive by it), and once one of them is gone the snapshot is forgotten;
    one that takes no weak reference (``None``, an odd object) is held as it is. No ``id()``: with
    the runtime's audit hook installed (:mod:`workers_env.runtime.filesystem`) each call of it is an
    audit event, a Python call: 5,700 a load, most of the comparison's time. Two snapshots taken of
    the same ``sys.modules`` share one taking, and within a load (:func:`looked_at_once`) the second
    check of it compares with what the first found, held until the load ends (scan66)."""

    def __init__(self) -> None:
        self._taken: _Taken | None = None

    @property
    def names(self) -> list[str]:
        """``sys.modules``' names as taken (``[]`` once forgotten, or an entry taken is gone)."""
        taken = self._taken
        return taken.names if taken is not None and taken.intact() else []

    def take(self, names: list[str], values: list[Any]) -> None:
        """Remember ``names`` and ``values``: ``sys.modules``' keys and values, read together."""
        newest = _NEWEST[0]
        for whole in (newest, newest.base if newest is not None else None):
            # the newest taking (or the one it added to) holding the same, or fewer: a scope's entry adds
            # its stand-ins to what the load's walk of the host's modules took
            if whole is not None and whole.base is None and whole.whole and len(whole.names) <= len(names) \
                    and names[:len(whole.names)] == whole.names and whole.entries(values[:len(whole.names)]):
                self._taken = whole if len(whole.names) == len(names) else _Taken(names, values, whole)
                break
        else:
            self._taken = _Taken(names, values)
        _NEWEST[0] = self._taken

    def forget(self) -> None:
        self._taken = None

    def current(self) -> list[Any] | None:
        """``sys.modules``' entries, in its order, when it holds the same names with the same entries
        (by identity) as when taken; ``None`` when anything differs."""
        taken = self._taken
        if taken is None or not taken.intact():
            return None
        modules = sys.modules
        names = taken.names
        if len(modules) != len(names) or not names:
            return None
        values = list(modules.values())
        if taken.entries(values) and list(modules) == names:
            if _LOADS[0]:
                with _LOADS_LOCK:  # (not past the end of the last load under way: it keeps nothing alive)
                    if _LOADS[0]:
                        _LOOKED[taken] = values
            return values
        return None
