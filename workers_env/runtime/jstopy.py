"""What a JS value's conversion to Python needs beside the proxies: JavaScript ``null`` as the
running Worker's Pyodide hands it (:func:`js_null`, and the ``NULL_AS_*`` modes of binding data),
and Pyodide's js2python cache, which makes a JS object met again within one ``to_py`` the same
Python value (``_converted``). Separate from :mod:`.jsproxy`, whose objects, arrays and Maps
convert through these: they need no JS value class, and the Web APIs ask ``js_null`` alone."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from workers_env._deep import ROOMY_FROM, deeper
from workers_env.runtime.current import pyodide_028
from workers_env.runtime.jsbase import jsnull

__all__ = ["NULL_AS_JSNULL", "NULL_AS_NONE", "js_null"]


#: How a plain-data object or array (a binding's result) turns its ``None`` (JavaScript ``null``)
#: into Python: as the running Worker's Pyodide does (``True``), or fixed by the config's era
#: (``load_env``'s env used outside Worker code): ``None`` (Pyodide 0.26) or ``jsnull``. ``False``
#: marks objects whose ``None`` is ``undefined`` (what Pyodide makes of a Python ``None``).
NULL_AS_NONE = "none"
NULL_AS_JSNULL = "jsnull"


def _null_for(mode: Any) -> Any:
    if mode is True:
        return js_null()
    return None if mode == NULL_AS_NONE else jsnull


def js_null() -> Any:
    """JavaScript ``null`` as the running Worker's Pyodide hands it to Python: ``None`` up to
    Pyodide 0.26 (compatibility dates before 2025-09-29), ``jsnull`` from 0.28 on -- in every
    conversion, attribute reads and ``to_py()`` included (0.28's changelog; workerd never asks
    for ``convertNullToNone``). Outside Worker code: the newest, ``jsnull``."""
    return jsnull if pyodide_028() else None


#: the JS objects one ``to_py`` has converted so far (by their storage: each proxy of one JS
#: object wraps the same list or dict), each with its Python value: Pyodide's js2python cache,
#: so an array or object met again (one holding itself) is that value again
_TO_PY_MADE: ContextVar[dict[int, tuple[Any, Any]] | None] = ContextVar("_TO_PY_MADE", default=None)


#: how many JS objects one ``to_py`` (in this thread: it runs without awaiting) is converting within each other
_TO_PY_NESTING = threading.local()


def _converted(storage: Any, empty: Any, fill: Callable[[Any], Any]) -> Any:
    """The Python value for the JS object over ``storage`` within one ``to_py``: the value
    already made for it, or ``empty`` -- registered before ``fill(empty)`` converts the
    children into it, so a child that is this object again gets it. The entry holds
    ``storage``, so its id is not reused while the conversion runs."""
    made = _TO_PY_MADE.get()
    if made is None:  # the outermost to_py: the cache lives as long as it runs
        token = _TO_PY_MADE.set({id(storage): (storage, empty)})
        nesting = _TO_PY_NESTING.__dict__.setdefault("levels", 0)
        _TO_PY_NESTING.levels = 1
        try:
            fill(empty)
        finally:
            _TO_PY_MADE.reset(token)
            _TO_PY_NESTING.levels = nesting
        return empty
    found = made.get(id(storage))
    if found is not None:
        return found[1]
    made[id(storage)] = (storage, empty)
    _TO_PY_NESTING.levels = levels = _TO_PY_NESTING.levels + 1
    try:
        if levels < ROOMY_FROM:
            fill(empty)
        else:
            deeper(levels, "to_py()", lambda: fill(empty))
    finally:
        _TO_PY_NESTING.levels = levels - 1
    return empty
