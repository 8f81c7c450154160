"""A module's names as its ``__dict__`` holds them, read without running the module's code.

Walks of ``sys.modules`` (the loader's of the project's folder, threadpool's rebinding of names
taken early) read each entry's namespace past its class's ``__getattribute__``: a module that
``importlib.util.LazyLoader`` holds back loads on its first attribute read -- ``__dict__`` and
``__file__`` too --, which would run a module the process never used (and raise what it raises),
and an entry that is no module may raise anything for one.
"""

from __future__ import annotations

from typing import Any

__all__ = ["held_names"]


def held_names(module: Any) -> dict[str, Any] | None:
    """``module``'s ``__dict__`` as it holds it now, or ``None`` (``None`` in ``sys.modules``, an
    object without one or whose ``__dict__`` raises)."""
    try:
        names = object.__getattribute__(module, "__dict__")
    except Exception:  # noqa: BLE001 - whatever an odd entry's descriptor raises: it has no names to read
        return None
    return names if isinstance(names, dict) else None
