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

__all__ = ["ModulesSnapshot", "held_attribute", "held_back", "held_names", "looked_at_once"]

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


class _Taken:
    """``sys.modules``' names and entries as read together once: each entry held weakly (a callable
    answering it: its weak reference, or a getter of an entry that takes none), ``whole`` until one
    of them is gone (its dead reference would answer ``None``, as an entry set to ``None``)."""

    __slots__ = ("names", "refs", "whole")

    def __init__(self, names: list[str], values: list[Any]) -> None:
        self.names, self.whole = names, True
        def gone(_ref: object) -> None:
            self.whole = False
        refs: list[Any] = []
        for value in values:
            try:
                refs.append(weakref.ref(value, gone))
            except TypeError:  # (None, an object without weak references: held as it is)
                refs.append(itertools.repeat(value).__next__)
        self.refs = refs

    def holds(self, names: list[str], values: list[Any]) -> bool:
        """Whether ``names`` and ``values`` (read together) are the ones taken, by identity."""
        return (self.whole and len(values) == len(self.refs)
                and all(map(operator.is_, values, map(operator.call, self.refs))) and names == self.names)


#: the newest :class:`_Taken`: a snapshot taken of the same ``sys.modules`` shares it (the host's
#: modules' walk and the scope's index of top-level modules are both taken at the same load)
_NEWEST: list[_Taken | None] = [None]
#: (a :class:`_Taken`, ``sys.modules``' entries found to be its) by the newest check, held (strongly)
#: only while a load is under way (:func:`looked_at_once`): the load's next check of the same is
#: then a comparison of two lists of pointers, no weak reference read
_LOOKED: list[tuple[_Taken, list[Any]] | None] = [None]
#: loads under way (threads may load at once), and the lock counting them
_LOADS = [0]
_LOADS_LOCK = threading.Lock()


@contextlib.contextmanager
def looked_at_once() -> Iterator[None]:
    """While a load is under way, a check of ``sys.modules`` that found it as taken lets the next
    check of the same taking compare with the entries it found (held until the last load ends:
    no module is kept alive past it)."""
    with _LOADS_LOCK:
        _LOADS[0] += 1
    try:
        yield
    finally:
        with _LOADS_LOCK:
            _LOADS[0] -= 1
            if not _LOADS[0]:
                _LOOKED[0] = None


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
        return taken.names if taken is not None and taken.whole else []

    def take(self, names: list[str], values: list[Any]) -> None:
        """Remember ``names`` and ``values``: ``sys.modules``' keys and values, read together."""
        newest = _NEWEST[0]
        if newest is not None and newest.holds(names, values):
            self._taken = newest
        else:
            self._taken = _NEWEST[0] = _Taken(names, values)

    def forget(self) -> None:
        self._taken = None

    def current(self) -> list[Any] | None:
        """``sys.modules``' entries, in its order, when it holds the same names with the same entries
        (by identity) as when taken; ``None`` when anything differs."""
        taken = self._taken
        if taken is None or not taken.whole:
            return None
        modules = sys.modules
        names = taken.names
        if len(modules) != len(names) or not names:
            return None
        values = list(modules.values())
        looked = _LOOKED[0]
        if looked is not None and looked[0] is taken:  # (found as taken in this load: its entries held alive)
            same = len(values) == len(looked[1]) and all(map(operator.is_, values, looked[1]))
        else:
            same = all(map(operator.is_, values, map(operator.call, taken.refs)))
        if same and list(modules) == names:
            if _LOADS[0]:
                _LOOKED[0] = (taken, values)
            return values
        return None
