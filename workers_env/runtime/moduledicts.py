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

import importlib.util
import itertools
import operator
import sys
import weakref
from types import ModuleType
from typing import Any

__all__ = ["ModulesSnapshot", "held_attribute", "held_back", "held_names"]

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


class ModulesSnapshot:
    """``sys.modules``' names and entries as they were when last :meth:`take`-n, for a walk of every
    module (each load walks them: 2,800 in a collected test suite) to tell cheaply that nothing was
    added, removed or replaced under its name since: the names compared as lists, the entries by
    identity (no entry is touched, nothing of one runs). An entry is held weakly (a module the
    snapshot saw is not kept alive by it), and once one of them is gone the snapshot is forgotten;
    one that takes no weak reference (``None``, an odd object) is held as it is. No ``id()``: with
    the runtime's audit hook installed (:mod:`workers_env.runtime.filesystem`) each call of it is an
    audit event, a Python call: 5,700 a load, most of the comparison's time."""

    def __init__(self) -> None:
        self.names: list[str] = []
        #: a callable per entry answering it: its weak reference (with a callback), or a getter of it
        self._held: list[Any] = []

    def take(self, names: list[str], values: list[Any]) -> None:
        """Remember ``names`` and ``values``: ``sys.modules``' keys and values, read together."""
        self.forget()
        def gone(_ref: object) -> None:  # (one is no more: its dead reference answers None, as an entry set to None)
            self.forget()
        held: list[Any] = []
        for value in values:
            try:
                held.append(weakref.ref(value, gone))
            except TypeError:  # (None, an object without weak references: held as it is)
                held.append(itertools.repeat(value).__next__)
        self.names, self._held = names, held

    def forget(self) -> None:
        self.names, self._held = [], []

    def current(self) -> list[Any] | None:
        """``sys.modules``' entries, in its order, when it holds the same names with the same entries
        (by identity) as when taken; ``None`` when anything differs."""
        modules = sys.modules
        if len(modules) != len(self.names) or not self.names:
            return None
        values = list(modules.values())
        if all(map(operator.is_, values, map(operator.call, self._held))) and list(modules) == self.names:
            return values
        return None
