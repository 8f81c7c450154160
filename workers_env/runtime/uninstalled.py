"""Packages ``pyproject.toml`` declares that the Python environment workers-env runs in lacks.

``pywrangler sync`` vendors a project's dependencies into ``python_modules/`` (Pyodide's builds),
so deployed the Worker imports them; workers-env imports the Worker's packages from its own
environment, where a declared package may never have been installed. A Worker that imports one
then fails here with a bare ``ModuleNotFoundError``, or -- one that catches it to fall back, as a
public CSV-profiling Worker does with ``pandas`` -- quietly takes a path production never takes.
Both are said when the Worker's code imports such a package (at its top level or in a handler,
caught or not), not for one it declares and never imports: there nothing differs from production.
A package whose module is named otherwise (``beautifulsoup4``: ``bs4``) is known by Pyodide's lock
files' list of its modules; for one they do not list, a failed import in the Worker's own files
names the declared packages this environment lacks as what may provide it. Packages the Worker
carries in its own files (``pip install -t src/vendor``, a ``*.dist-info`` beside them) are its
upload's, so neither lacking nor the Worker's own code.
"""

from __future__ import annotations

import importlib.abc
import importlib.metadata
import os
import sys
import threading
import weakref
from pathlib import Path
from typing import Any, NamedTuple

from workers_env import _loglevel
from workers_env._oneload import resolved as resolved_path
from workers_env.runtime import current
from workers_env.runtime.eras import canonical_name, declared_packages
from workers_env.runtime.finders import install_finder
from workers_env.runtime.importnames import PYODIDE_IMPORT_NAMES, PYODIDE_SAME_NAMED

__all__ = ["in_workers_code", "raising_file", "uninstalled_note", "uninstalled_packages", "vendored", "watch_uninstalled"]


#: folders no package tree of the Worker's upload is looked for in (tools', caches', Node's)
_NOT_UPLOADED = frozenset({"node_modules", "__pycache__"})


class Vendored(NamedTuple):
    """Packages the Worker carries in its own files (``pip install -t src/vendor``)."""

    #: the folders holding their ``*.dist-info`` folders
    folders: tuple[Path, ...] = ()
    #: what their ``RECORD``s installed at the top of those folders (a package's folder, a module's file)
    installed: tuple[Path, ...] = ()

    def holds(self, path: Path) -> bool:
        """Whether ``path`` (resolved) is one of those packages' files."""
        return any(path == top or path.is_relative_to(top) for top in self.installed)


def vendored(root: Path, depth: int = 4) -> Vendored:
    """The distributions installed in folders under ``root`` (``depth`` levels at most), as
    ``pip install -t src/vendor`` leaves them, uploaded with the Worker's files. Hidden folders
    and virtualenvs (a ``pyvenv.cfg``) are not looked in; a tree's own folders not again."""
    folders: list[Path] = []
    base = len(root.parts)
    for folder, dirs, files in os.walk(root):
        if any(name.endswith(".dist-info") for name in dirs):
            folders.append(Path(folder))
            dirs.clear()
        elif "pyvenv.cfg" in files or len(Path(folder).parts) - base >= depth:
            dirs.clear()
        dirs[:] = [name for name in dirs if not name.startswith(".") and name not in _NOT_UPLOADED]
    installed = {folder / Path(record).parts[0]
                 for folder in folders
                 for dist in importlib.metadata.distributions(path=[str(folder)])
                 for record in (dist.files or ()) if Path(record).parts and Path(record).parts[0] != ".."}
    return Vendored(tuple(folders), tuple(sorted(top for top in installed if not top.name.endswith(".dist-info"))))


def uninstalled_packages(root: Path, python: tuple[int, int], carried: Vendored = Vendored()) -> list[str]:
    """The packages ``root``'s ``pyproject.toml`` declares for production's Pyodide on
    ``python`` that neither this environment nor the Worker's own files (``carried``, see
    :func:`vendored`) has a distribution of (as declared, in order)."""
    present = {canonical_name(dist.metadata["Name"] if "Name" in dist.metadata else "")
               for dist in importlib.metadata.distributions(path=[str(folder) for folder in carried.folders])}
    missing = []
    for name in declared_packages(root, python, pywrangler_own=False):
        if canonical_name(name) in present:
            continue
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


def candidates_text(module: str, names: list[str]) -> str:
    """The line for the Worker's import of ``module``, which this environment lacks, when the
    project declares ``names`` this environment lacks too, none known to provide it (Pyodide's
    lock files do not list what they provide): one of them may be its distribution."""
    them = names[0] if len(names) == 1 else ", ".join(names)
    which = "it provides" if len(names) == 1 else "one of them provides"
    return (f"workers-env: the Worker's import of {module} found no module; pyproject.toml declares {them}, which "
            "`pywrangler sync` vendors into python_modules/ for production, but the Python environment workers-env "
            f"runs in does not have {'it' if len(names) == 1 else 'them'} installed: if {which} {module}, the deployed "
            "Worker's import succeeds. Install the project's dependencies there: uv pip install -r pyproject.toml.")


class _Missing(NamedTuple):
    """A project's declared packages this environment lacks."""

    #: a top-level module (PEP 503's form) -> the declared package that provides it
    by_module: dict[str, str]
    #: the declared packages whose modules Pyodide's lock files do not list (they may be named otherwise)
    unknown: list[str]
    #: the packages the Worker carries in its own files (:func:`vendored`): not its own code
    carried: Vendored = Vendored()


def _modules_of(name: str) -> tuple[str, ...]:
    """The top-level modules (PEP 503's form) the package ``name`` provides, as far as known."""
    modules = PYODIDE_IMPORT_NAMES.get(canonical_name(name), ())
    return (canonical_name(name), *(canonical_name(module) for module in modules))


_LOCK = threading.Lock()
#: (project root, Python) -> (its ``pyproject.toml``'s stamp, its declared packages this environment
#: lacks): looked up again only once that file changed (each is a metadata search)
_MISSING: dict[tuple[Path, tuple[int, int]], tuple[tuple[int, int, int] | None, _Missing]] = {}
#: id of a Worker's runtime -> (a weak reference to it, its project root, its missing packages)
_WATCHED: dict[int, tuple[Any, Path, _Missing]] = {}
_SAID: set[tuple[Path, str]] = set()  # (project root, package; "" for candidates) whose line was printed


def _missing(root: Path, python: tuple[int, int]) -> _Missing:
    """:class:`_Missing` of the project at ``root`` (resolved), looked up again only when its
    ``pyproject.toml`` changed since (an edit under ``workers-env dev``, which reloads on it)."""
    key = (root, python)
    try:
        stat = os.stat(root / "pyproject.toml")
        stamp: tuple[int, int, int] | None = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    except OSError:
        stamp = None
    with _LOCK:
        kept = _MISSING.get(key)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    carried = vendored(root)
    names = uninstalled_packages(root, python, carried)
    found = _Missing({module: name for name in names for module in _modules_of(name)},
                     [name for name in names if canonical_name(name) not in PYODIDE_IMPORT_NAMES
                      and canonical_name(name) not in PYODIDE_SAME_NAMED], carried)
    with _LOCK:
        _MISSING[key] = (stamp, found)
    return found


def _text_for(module: str, missing: _Missing, importer: str | None, root: Path) -> tuple[str, str] | None:
    """(what was said once, the line) for a failed import of the top-level ``module`` by code in
    the file ``importer``: the declared package known to provide it, or else -- when the Worker's
    own code imported it -- the declared packages not known to (``None``: neither)."""
    name = missing.by_module.get(canonical_name(module))
    if name is not None:
        return name, uninstalled_line(name)
    unknown = [name for name in missing.unknown if canonical_name(name) != canonical_name(module)]
    if unknown and importer is not None and in_workers_code(importer, root, missing.carried):
        return "", candidates_text(module, unknown)
    return None


def in_workers_code(filename: str, root: Path, carried: Vendored = Vendored()) -> bool:
    """Whether ``filename`` is one of the project's own files, not an installed or vendored
    package's (one the Worker ``carried`` in its own files included)."""
    try:
        resolved = Path(filename).resolve()
        relative = resolved.relative_to(root)
    except (ValueError, OSError):
        return False
    if carried.holds(resolved):
        return False
    return not {"site-packages", "dist-packages", "python_modules"} & set(relative.parts[:-1])


def _importer() -> str | None:
    """The file whose code is importing (the first frame outside importlib's machinery and this module)."""
    frame = sys._getframe(2)
    while frame is not None and (frame.f_code.co_filename.startswith("<frozen importlib")
                                 or frame.f_code.co_filename in (__file__, importlib.__file__)):
        frame = frame.f_back  # type: ignore[assignment]
    return frame.f_code.co_filename if frame is not None else None


def watch_uninstalled(runtime: Any, root: Path, python: tuple[int, int]) -> None:
    """Print :func:`uninstalled_line` once per project and package when the code of the Worker
    running as ``runtime`` imports a package ``root``'s ``pyproject.toml`` declares and this
    environment lacks, or :func:`candidates_text` once per project when its own code imports a
    module no package provides and declared packages it lacks may (:class:`_DeclaredMissing`)."""
    resolved = resolved_path(root)  # (once a load's reading: _oneload.py)
    missing = _missing(resolved, python)
    if not missing.by_module:
        return
    with _LOCK:
        _WATCHED[id(runtime)] = (weakref.ref(runtime), resolved, missing)
    weakref.finalize(runtime, _WATCHED.pop, id(runtime), None)


class _DeclaredMissing(importlib.abc.MetaPathFinder):
    """Last on ``sys.meta_path``: a top-level import no finder before it found, made by a
    watched Worker's code, of a package its project declares and this environment lacks: the
    line on stderr, and the search goes on (the import fails as it would)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        runtime = current.starting_runtime() if path is None and _WATCHED else None  # (a thread it started too)
        watched = _WATCHED.get(id(runtime)) if runtime is not None else None
        if watched is None or watched[0]() is not runtime:
            return None
        _, root, missing = watched
        said = _text_for(fullname, missing, _importer(), root)
        if said is None:
            return None
        with _LOCK:
            first = (root, said[0]) not in _SAID
            _SAID.add((root, said[0]))
        if first:
            _loglevel.emit("warn", said[1], "stderr")  # a note: hidden by dev --log-level error
        return None


install_finder(_DeclaredMissing())  # one a process, the newest module's (runtime/finders.py)


def uninstalled_note(exc: ModuleNotFoundError, root: Path, python: tuple[int, int]) -> str | None:
    """The note for ``exc``, the Worker's failed import: the declared package this environment
    lacks that provides its module (by name, or as Pyodide's lock files list its modules:
    ``beautifulsoup4`` for ``bs4``), or the declared packages lacked that may, when the Worker's
    own code made the import (``None``: none)."""
    if not exc.name:
        return None
    resolved = root.resolve()
    found = _text_for(exc.name.split(".")[0], _missing(resolved, python), raising_file(exc), resolved)
    if found is None:
        return None
    if not found[0]:
        return found[1]
    name = found[0]
    return (f"workers-env: pyproject.toml declares {name}, which `pywrangler sync` vendors into "
            "python_modules/, so the deployed Worker imports it; workers-env imports the Worker's packages "
            "from the Python environment it runs in, which does not have it: install it there: "
            f"pip install {name} (or every dependency the project declares: uv pip install -r pyproject.toml).")


def raising_file(exc: BaseException) -> str | None:
    """The file of the innermost frame of ``exc``'s traceback outside importlib's machinery: the import statement's."""
    filename = None
    tb = exc.__traceback__
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith("<frozen importlib"):
            filename = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return filename
