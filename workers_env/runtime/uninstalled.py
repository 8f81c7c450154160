"""Packages ``pyproject.toml`` declares that the Python environment workers-env runs in lacks.

``pywrangler sync`` vendors a project's dependencies into ``python_modules/`` (Pyodide's builds),
so deployed the Worker imports them; workers-env imports the Worker's packages from its own
environment, where a declared package may never have been installed. A Worker that imports one
then fails here with a bare ``ModuleNotFoundError``, or -- one that catches it to fall back, as a
public CSV-profiling Worker does with ``pandas`` -- quietly takes a path production never takes.
Both are said when the Worker's code imports such a package (at its top level or in a handler,
caught or not), not for one it declares and never imports: there nothing differs from production.
"""

from __future__ import annotations

import importlib.abc
import importlib.metadata
import sys
import threading
import weakref
from pathlib import Path
from typing import Any

from workers_env.runtime import current
from workers_env.runtime.eras import canonical_name, declared_packages

__all__ = ["uninstalled_note", "watch_uninstalled"]


def uninstalled_packages(root: Path, python: tuple[int, int]) -> list[str]:
    """The packages ``root``'s ``pyproject.toml`` declares for production's Pyodide on
    ``python`` that this environment has no distribution of (as declared, in order)."""
    missing = []
    for name in declared_packages(root, python, pywrangler_own=False):
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    return missing


def uninstalled_line(name: str) -> str:
    """The stderr line for the Worker's import of ``name``, a declared package this environment lacks."""
    return (f"workers-env: pyproject.toml declares {name}, which `pywrangler sync` vendors into "
            "python_modules/ for production, but the Python environment workers-env runs in does not have "
            "it installed: the Worker's import fails here (or takes its fallback) where the deployed Worker's "
            "succeeds. Install the project's dependencies there: uv pip install -r pyproject.toml "
            f"(or pip install {name}).")


_LOCK = threading.Lock()
#: (project root, Python) -> its declared packages this environment lacks, by canonical name
#: (looked up once a process: each is a metadata search)
_MISSING: dict[tuple[Path, tuple[int, int]], dict[str, str]] = {}
#: id of a Worker's runtime -> (a weak reference to it, its project root, its missing packages)
_WATCHED: dict[int, tuple[Any, Path, dict[str, str]]] = {}
_SAID: set[tuple[Path, str]] = set()  # (project root, package) whose line was printed


def watch_uninstalled(runtime: Any, root: Path, python: tuple[int, int]) -> None:
    """Print :func:`uninstalled_line` once per project and package when the code of the Worker
    running as ``runtime`` imports a package ``root``'s ``pyproject.toml`` declares and this
    environment lacks (:class:`_DeclaredMissing`)."""
    key = (root.resolve(), python)
    with _LOCK:
        missing = _MISSING.get(key)
    if missing is None:
        missing = {canonical_name(name): name for name in uninstalled_packages(root, python)}
        with _LOCK:
            _MISSING[key] = missing
    if not missing:
        return
    with _LOCK:
        _WATCHED[id(runtime)] = (weakref.ref(runtime), key[0], missing)
    weakref.finalize(runtime, _WATCHED.pop, id(runtime), None)


class _DeclaredMissing(importlib.abc.MetaPathFinder):
    """Last on ``sys.meta_path``: a top-level import no finder before it found, made by a
    watched Worker's code, of a package its project declares and this environment lacks: the
    line on stderr, and the search goes on (the import fails as it would)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        runtime = current.current_runtime() if path is None and _WATCHED else None
        watched = _WATCHED.get(id(runtime)) if runtime is not None else None
        if watched is None or watched[0]() is not runtime:
            return None
        _, root, missing = watched
        name = missing.get(canonical_name(fullname))
        if name is None:
            return None
        with _LOCK:
            first = (root, name) not in _SAID
            _SAID.add((root, name))
        if first:
            print(uninstalled_line(name), file=sys.stderr, flush=True)
        return None


if not any(isinstance(finder, _DeclaredMissing) for finder in sys.meta_path):
    sys.meta_path.append(_DeclaredMissing())


def uninstalled_note(missing_module: str, root: Path, python: tuple[int, int]) -> str | None:
    """The note for a ``ModuleNotFoundError`` of ``missing_module`` whose top-level name is a
    package ``root``'s ``pyproject.toml`` declares and this environment lacks (``None`` otherwise;
    a distribution named unlike its module, ``beautifulsoup4`` for ``bs4``, is not recognised)."""
    top = canonical_name(missing_module.split(".")[0])
    for name in uninstalled_packages(root, python):
        if canonical_name(name) == top:
            return (f"workers-env: pyproject.toml declares {name}, which `pywrangler sync` vendors into "
                    "python_modules/, so the deployed Worker imports it; workers-env imports the Worker's packages "
                    "from the Python environment it runs in, which does not have it: install it there: "
                    f"pip install {name} (or every dependency the project declares: uv pip install -r pyproject.toml).")
    return None
