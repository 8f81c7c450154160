"""What one ``load_worker`` has read of the project while it reads it, before the Worker's code runs
(:func:`workers_env.runtime.eras.one_load`): the memo of its answers, and :func:`resolved`.

A load resolved the same few paths of the project (its folder, ``main``'s folder, ``main``, its
``python_modules/``) 28 times, in the config, the uploads, the era's and the scope's questions
(load68): each :meth:`~pathlib.Path.resolve` an ``lstat`` of every component and a ``stat``. Within
the load's reading each absolute path is resolved once; the next load (or the rest of this one,
once the Worker's code may run and change the files) resolves it afresh, as it reads the files.
"""

from __future__ import annotations

import contextvars
import functools
import operator
import os
import posixpath
import stat
from pathlib import Path, PosixPath
from typing import Any, TypeVar

__all__ = ["CLOSED", "THIS_LOAD", "real_path", "resolved", "resolved_now"]

#: while a load reads the project (:func:`~workers_env.runtime.eras.one_load`): its memo
#: ((function, project folder, keywords) -> answer; (:data:`_RESOLVED`, path) -> resolved); ``None`` outside one
THIS_LOAD: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "workers_env_eras_this_load", default=None)
#: the key marking a load's memo over (a context copied during the load still holds it)
CLOSED: Any = object()
#: the first item of a resolution's key in the memo
_RESOLVED: Any = object()
#: the memo's key of the paths its resolutions found there and no symlink (:func:`resolved_now`'s ``plain``)
_PLAIN: Any = object()

_P = TypeVar("_P", bound=Path)


def resolved(path: _P) -> _P:
    """``path.resolve()``: once per load's reading for an absolute path (as the same type of
    path), asked each time outside one, or for a relative path (the current folder may change).
    A resolution that raises (a symlink loop) is asked again. Each resolution is
    :func:`resolved_now`'s."""
    memo = THIS_LOAD.get()
    if memo is None or CLOSED in memo:
        return resolved_now(path)
    key = (_RESOLVED, type(path), str(path))
    known = memo.get(key)
    if known is None:
        if not path.is_absolute():
            return resolved_now(path)
        known = memo[key] = resolved_now(path, memo.setdefault(_PLAIN, set()))
    return known  # type: ignore[no-any-return]


def resolved_now(path: _P, plain: set[str] | None = None) -> _P:
    """``path.resolve()``, told sooner for a path that is its own resolution (:func:`_its_own`):
    then ``path`` itself (equal to what ``resolve()`` makes of it), where ``os.path.realpath``
    makes the same ``lstat`` calls from a Python loop and ``resolve`` then calls ``stat`` (only
    to tell a symlink loop, which needs a symlink); any other is ``resolve()``-d as before."""
    if type(path) is PosixPath and os.path is posixpath and _its_own(str(path), plain):
        return path
    return path.resolve()


def real_path(text: str) -> str:
    """``os.path.realpath(text)``, told as :func:`resolved_now` tells a path (within a load's
    reading, with the folders it found plain)."""
    memo = THIS_LOAD.get()
    plain = memo.setdefault(_PLAIN, set()) if memo is not None and CLOSED not in memo else None
    if type(text) is str and os.path is posixpath and _its_own(text, plain):
        return text
    return os.path.realpath(text)


def _its_own(text: str, plain: set[str] | None) -> bool:
    """Whether ``text`` is its own resolution: absolute, in its canonical spelling (no ``..``,
    no leading ``//``), and none of its folders nor itself a symlink -- one ``lstat`` each, in C.
    A part that is not there (``FileNotFoundError``, or ``NotADirectoryError``: a file in the
    way) is no symlink to ``realpath`` either, and neither is anything under it; an ``lstat``
    failing otherwise tells nothing (``False``). ``plain``: the paths found there and no symlink
    so far in the same look (a load's reading: :func:`resolved`; one pass over ``sys.path``),
    not looked at again (the project's few paths share its folders: ``/tmp``, the project's,
    ``src``), and added to."""
    looked = _canonical_prefixes(text)
    if looked is None:
        return False
    if plain:  # the deepest of its folders known to be plain: only those below it looked at
        if looked[-1] in plain:  # (itself)
            return True
        for at in range(len(looked) - 1, 0, -1):
            if looked[at - 1] in plain:
                looked = looked[at:]
                break
    try:  # (stops at the first symlink, or at the first part that fails: those before it are none)
        if any(map(stat.S_ISLNK, map(_MODE, map(os.lstat, looked)))):
            return False
    except (FileNotFoundError, NotADirectoryError):  # the rest is not there: realpath keeps it as spelt
        return True
    except (OSError, ValueError):  # (unreadable, a NUL: realpath tells what it tells)
        return False
    if plain is not None:  # (each of them there, and none a symlink)
        plain.update(looked)
    return True


_MODE = operator.attrgetter("st_mode")


@functools.lru_cache(maxsize=1024)
def _canonical_prefixes(text: str) -> tuple[str, ...] | None:
    """What ``os.path.realpath(text)`` ``lstat``-s, in order, for an absolute path in canonical
    form (the folders from the top down, then itself): ``None`` for any other (relative, ``/``,
    a leading ``//``, ``..``), whose resolution is not read off its own spelling."""
    if not text.startswith("/") or text.startswith("//") or text == "/" or posixpath.normpath(text) != text:
        return None
    ends = [at for at, char in enumerate(text) if char == "/"][1:]
    return (*(text[:at] for at in ends), text)
