"""The project's own modules that ``[tool.workers-env.bindings]`` factories were imported from.

``workers-env dev`` builds the env again after an edit of the config, and calls the factories
again: a factory module imported from the project folder must then be imported afresh (Python
keeps a module once imported, so an edit of it would go unseen), and an edit of such a module
alone must rebuild the env (wrangler rebuilds a Worker when any module it bundles changes).
Modules from site-packages, a virtualenv, the running Python's own library folders or the
folders a watcher skips are not the project's: they are kept, and not watched.

For each project folder this keeps what the last import of its factories brought in from the
folder -- module names, to forget before the next import, and files, for the watcher --
including the files of a module whose import failed (a fix of it must be seen too).
"""

from __future__ import annotations

import importlib
import sys
import sysconfig
import traceback
from functools import cache
from pathlib import Path

__all__ = ["files_of", "forget", "record"]

#: folders that never hold the project's own code (as the watcher skips them)
_NOT_OWN = frozenset({"site-packages", "dist-packages", "node_modules", ".git", ".wrangler", "__pycache__"})


@cache
def _interpreter_folders() -> tuple[Path, ...]:
    """The running Python's standard library and package folders (a Python installed inside
    the project folder, ``conda create -p ./env``, has no ``pyvenv.cfg`` to tell it by)."""
    paths = sysconfig.get_paths()
    found = {Path(paths[key]).resolve() for key in ("stdlib", "platstdlib", "purelib", "platlib") if key in paths}
    return tuple(sorted(found))


#: per resolved project folder: (module names, files) its factories' imports brought in
_KNOWN: dict[str, tuple[list[str], list[Path]]] = {}


def _own(file: object, root: Path) -> Path | None:
    """``file`` resolved, if it is one of the project's own files under ``root``."""
    if not isinstance(file, str) or not file:
        return None
    try:
        path = Path(file).resolve()
        inside = path.relative_to(root)
    except (OSError, ValueError):
        return None
    if _NOT_OWN.intersection(inside.parts[:-1]):
        return None
    if any(path.is_relative_to(folder) for folder in _interpreter_folders()):
        return None
    folder = path.parent
    while folder != root and folder.is_relative_to(root):
        if (folder / "pyvenv.cfg").is_file():  # a virtualenv inside the project
            return None
        folder = folder.parent
    return path if path.is_file() else None


def forget(root: Path) -> None:
    """Drop the modules the last import of ``root``'s factories brought in from ``root``, so
    the next import reads their files again."""
    names, _ = _KNOWN.get(str(root.resolve()), ([], []))
    for name in names:
        sys.modules.pop(name, None)
    if names:
        importlib.invalidate_caches()


def record(root: Path, before: set[str], targets: list[str], failures: list[BaseException]) -> None:
    """Keep what importing ``targets`` brought in from ``root``: the modules new in
    ``sys.modules`` since ``before`` (and the targets themselves), and the files the
    ``failures`` raised from (a syntax error's, or a frame's)."""
    root = root.resolve()
    names: list[str] = []
    files: dict[Path, None] = {}
    for name in [*(set(sys.modules) - before), *targets]:
        module = sys.modules.get(name)
        path = _own(getattr(module, "__file__", None), root)
        if path is not None and name not in names:
            names.append(name)
            files[path] = None
    for exc in failures:
        found = [frame.filename for frame in traceback.extract_tb(exc.__traceback__)]
        if isinstance(exc, SyntaxError):
            found.append(exc.filename or "")
        for file in found:
            path = _own(file, root)
            if path is not None:
                files[path] = None
    _KNOWN[str(root)] = (sorted(names), sorted(files))


def files_of(root: Path) -> list[Path]:
    """The project's files the last import of ``root``'s factories read (or failed on)."""
    return list(_KNOWN.get(str(root.resolve()), ([], []))[1])
