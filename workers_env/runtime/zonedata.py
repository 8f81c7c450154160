"""The time zone database a Python Worker has: none on its file system.

Pyodide has no ``/usr/share/zoneinfo`` (none of ``zoneinfo.TZPATH``'s four folders exists) and
workerd loads no ``tzdata`` package a Worker does not vendor, so in production
``zoneinfo.ZoneInfo("Asia/Karachi")`` -- ``"UTC"`` too -- raises ``ZoneInfoNotFoundError``, and a
module doing it at its top level never starts. Measured under Node with Pyodide 0.26.0a4, 0.28.2
and 314.0.6: ``No time zone found with key Asia/Karachi``, from 0.28 (Pyodide's own
``zoneinfo/_common.py``) with the hint ``. \\n On Pyodide you must do
pyodide.loadPackage('tzdata') package before you use zoneinfo.`` while ``tzdata`` was never
imported. :func:`install` gives Worker code that database: the search path's folders outside the
Worker's own folder are not there (``zoneinfo._tzpath.TZPATH`` iterates without them), and the
failure carries the era's text, so only a ``tzdata`` the Worker imports, or zone files it
uploads, supply zones. Test code and workers-env's own code keep the host's database.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from typing import Any

from workers_env.runtime.current import current_runtime, pyodide_028
from workers_env.runtime.filesystem import done_for_the_worker

__all__ = ["install"]

_LOCK = threading.Lock()


def _worker_root(depth: int) -> str | None:
    """The running Worker's folder (with a trailing separator) when the caller ``depth`` frames
    out is the Worker's code; ``None`` for test code and workers-env's own (see
    :func:`done_for_the_worker`)."""
    runtime = current_runtime()
    if runtime is None:
        return None
    uploads = getattr(runtime, "uploads", None)
    if uploads is None:  # its files unknown: no folder of the host's counts as the Worker's
        return "\0"
    root = str(uploads.root) + os.sep
    return None if done_for_the_worker(sys._getframe(depth + 1), root) else root


class _SearchPath(tuple):  # type: ignore[type-arg]
    """``zoneinfo``'s search path: the host's folders, less those Pyodide lacks for Worker code
    (all but those inside the Worker's own folder, which a deploy uploads)."""

    def __iter__(self) -> Iterator[Any]:
        root = _worker_root(1)
        if root is None:
            return super().__iter__()
        return iter([folder for folder in super().__iter__() if str(folder).startswith(root)])


def _load_tzdata(original: Any) -> Any:
    def load_tzdata(key: str) -> Any:
        try:
            return original(key)
        except Exception as exc:
            failure = exc
        import zoneinfo

        if (not isinstance(failure, zoneinfo.ZoneInfoNotFoundError) or "tzdata" in sys.modules
                or not pyodide_028() or _worker_root(1) is None):
            raise failure
        error = zoneinfo.ZoneInfoNotFoundError(
            f"No time zone found with key {key}. \n"
            " On Pyodide you must do pyodide.loadPackage('tzdata') package before you use zoneinfo.")
        error.__context__ = failure.__context__  # Pyodide raises it handling the import's error
        raise error

    load_tzdata.workers_env_original = original  # type: ignore[attr-defined]
    return load_tzdata


def _reset_tzpath(original: Any) -> Any:
    def reset_tzpath(to: Any = None) -> None:
        from zoneinfo import _tzpath

        original(to)
        _tzpath.TZPATH = _SearchPath(_tzpath.TZPATH)

    reset_tzpath.workers_env_original = original  # type: ignore[attr-defined]
    reset_tzpath.__doc__ = original.__doc__
    return reset_tzpath


def install() -> None:
    """Give Worker code's ``zoneinfo`` lookups Pyodide's empty database (once per process)."""
    import zoneinfo
    from zoneinfo import _common, _tzpath

    with _LOCK:
        if getattr(_common.load_tzdata, "workers_env_original", None) is not None:
            return
        _tzpath.TZPATH = _SearchPath(_tzpath.TZPATH)
        reset = _reset_tzpath(_tzpath.reset_tzpath)
        _tzpath.reset_tzpath = reset
        zoneinfo.reset_tzpath = reset
        _common.load_tzdata = _load_tzdata(_common.load_tzdata)
