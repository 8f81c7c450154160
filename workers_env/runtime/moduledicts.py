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
from types import ModuleType
from typing import Any

__all__ = ["held_attribute", "held_back", "held_names"]

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
