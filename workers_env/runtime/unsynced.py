"""Imports a ``python_modules/`` that ``pywrangler`` synced cannot answer.

``pywrangler dev`` and ``pywrangler deploy`` sync first, but workers-py's ``sync()`` returns at
once while ``python_modules/.synced`` and ``.venv-workers/.synced`` are newer than
``pyproject.toml`` and ``pylock.toml`` and record the running pywrangler (``is_sync_needed``,
``pywrangler/sync.py``, 1.17.9): the folder then uploads as it is, whatever a script did to it
after the sync (Cloudflare's langchain-cloudflare example deletes ``uuid_utils``, which its
langsmith imports). workers-env imports the Worker's packages from its own environment, which may
still have what the folder lacks; such an import, made by the Worker's code or by a package the
folder holds, gets a line on stderr saying production's import fails -- when ``pylock.toml``, which
the sync installed, lists the module's distribution: one it does not list was never in the folder
(an optional import production's code falls back from), not what a build step removed.
Workers-env's finders and caches are not consulted: a module already imported in this process is
not seen again.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.metadata
import os
import sys
import threading
import tomllib
import weakref
from pathlib import Path
from typing import Any, NamedTuple

from workers_env import _loglevel
from workers_env.runtime import current
from workers_env.runtime.eras import canonical_name
from workers_env.runtime.standins import STANDIN_NAMES

__all__ = ["RUNTIME_NAMES", "held_names", "synced_folder", "unsynced_line", "watch_unsynced"]

#: the lock file pywrangler reads beside ``pyproject.toml`` (its ``LOCKFILE_NAME``)
PYLOCK = "pylock.toml"

#: names the runtime gives every Worker: the SDK's (built in before 2026-04-21), Pyodide's own
RUNTIME_NAMES = frozenset(name.split(".")[0] for name in STANDIN_NAMES) | {
    "_pyodide", "pyodide_js", "cloudflare", "_cloudflare", "_workers_sdk_entropy_import_context",
    "_workers_sdk_package_patches", "_workers_sdk_patch_loader"}

_WORKERS_ENV = Path(__file__).resolve().parent.parent


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _recorded(token: Path) -> str:
    try:
        return token.read_text().strip()
    except OSError:
        return ""


def synced_folder(root: Path) -> Path | None:
    """``root``'s ``python_modules/`` when pywrangler would not sync it again before a deploy
    (both sync tokens there and newer than ``pyproject.toml`` and ``pylock.toml``; the version
    they record the workers-py installed here, when one is), else ``None``."""
    folder, venv_token = root / "python_modules", root / ".venv-workers" / ".synced"
    stamps = [_mtime(folder / ".synced"), _mtime(venv_token)]
    if None in stamps or _mtime(root / "pyproject.toml") is None:
        return None
    stamp = min(s for s in stamps if s is not None)
    if any((m := _mtime(root / name)) is not None and m > stamp for name in ("pyproject.toml", PYLOCK)):
        return None
    try:
        installed = importlib.metadata.version("workers-py")
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if installed is not None and {_recorded(folder / ".synced"), _recorded(venv_token)} != {installed}:
        return None
    return folder


def held_names(folder: Path) -> frozenset[str]:
    """The top-level modules ``folder`` holds, and the folders its ``.pth`` files name (as
    ``site.addsitedir`` reads them: not ``#`` lines, blank ones, nor ``import`` statements): a
    folder (a package, a namespace package's part), ``name.py``, a sourceless ``name.pyc``, an
    extension ``name.so``/``name.<tag>.so``. Listed once a Worker load, not once an import."""
    places = [folder] + [folder / line.rstrip() for pth in sorted(folder.glob("*.pth")) for line in _lines(pth)
                         if line.strip() and not line.startswith(("#", "import ", "import\t"))]
    names: set[str] = set()
    for place in places:
        try:
            entries = list(os.scandir(place))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                names.add(name)
            elif name.endswith((".py", ".pyc")):
                names.add(name.rsplit(".", 1)[0])
            elif name.endswith(".so"):
                names.add(name.split(".", 1)[0])
    return frozenset(names)


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def locked_names(root: Path) -> frozenset[str] | None:
    """The distributions (PEP 503's form) ``root``'s ``pylock.toml`` lists -- what ``pywrangler
    sync`` installed into ``python_modules/`` -- or ``None`` without a lock file it can read."""
    try:
        with (root / PYLOCK).open("rb") as handle:
            packages = tomllib.load(handle).get("packages")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if not isinstance(packages, list):
        return None
    return frozenset(canonical_name(entry["name"]) for entry in packages
                     if isinstance(entry, dict) and isinstance(entry.get("name"), str))


#: the distributions a lock lists -> the top-level modules their copies in this environment provide
_LOCKED_MODULES: dict[frozenset[str], frozenset[str]] = {}


def _top_levels(dist: importlib.metadata.Distribution) -> set[str]:
    """The top-level modules ``dist`` installs: its ``top_level.txt``, else its files' first parts."""
    listed = dist.read_text("top_level.txt")
    if listed:
        return {line.strip() for line in listed.splitlines() if line.strip()}
    return {Path(file).parts[0].split(".", 1)[0] for file in (dist.files or ()) if Path(file).parts
            and not Path(file).parts[0].endswith((".dist-info", ".egg-info", ".data")) and Path(file).parts[0] != ".."}


def locked_modules(locked: frozenset[str]) -> frozenset[str]:
    """The top-level modules this environment's copies of the ``locked`` distributions provide
    (``PIL`` for ``pillow``): what a module named otherwise than its distribution is known by.
    Looked up once a process and lock, only when an import needs it (a metadata search each)."""
    with _LOCK:
        found = _LOCKED_MODULES.get(locked)
    if found is None:
        modules: set[str] = set()
        for name in sorted(locked):
            try:
                modules |= _top_levels(importlib.metadata.distribution(name))
            except importlib.metadata.PackageNotFoundError:
                continue
        found = frozenset(modules)
        with _LOCK:
            _LOCKED_MODULES[locked] = found
    return found


def unsynced_line(name: str, importer: str) -> str:
    """The line for ``importer``'s import of ``name``, which the synced folder lacks."""
    return (f"workers-env: {importer} imports {name!r}, which python_modules/ does not hold; pywrangler "
            f"synced that folder (python_modules/.synced is newer than pyproject.toml), so `pywrangler deploy` "
            f"uploads it as it is and deployed this import fails (ModuleNotFoundError: No module named {name!r}; "
            f"code that catches it takes its fallback there), while workers-env imported it from this Python "
            f"environment. `uv run pywrangler sync --force` restores the folder; a build step that removes "
            f"{name!r} from it breaks the Worker")


class _Watched(NamedTuple):
    runtime: Any  #: a weak reference to the Worker's runtime
    folder: Path  #: its synced ``python_modules/``
    module_root: Path  #: its uploaded files' folder
    held: frozenset[str]  #: the modules ``folder`` holds (:func:`held_names`, at the Worker's load)
    own: frozenset[str]  #: the modules ``module_root`` holds
    locked: frozenset[str] | None  #: what its ``pylock.toml`` lists (:func:`locked_names`)


_LOCK = threading.Lock()
_WATCHED: dict[int, _Watched] = {}
_SAID: set[tuple[Path, str]] = set()  # (folder, module) whose line was printed


def watch_unsynced(runtime: Any, root: Path, module_root: Path) -> None:
    """Say :func:`unsynced_line` once per folder and module when the Worker running as
    ``runtime`` imports what ``root``'s synced ``python_modules/`` lacks and its ``pylock.toml``
    lists, when there is one (nothing to watch when pywrangler would sync it again)."""
    folder = synced_folder(root)
    if folder is None:
        return
    folder, module_root = folder.resolve(), module_root.resolve()
    watched = _Watched(weakref.ref(runtime), folder, module_root, held_names(folder), held_names(module_root),
                       locked_names(root))
    with _LOCK:
        _WATCHED[id(runtime)] = watched
    weakref.finalize(runtime, _WATCHED.pop, id(runtime), None)


def _importer() -> Path | None:
    """The file whose code is importing (the first frame outside importlib's machinery and this module)."""
    frame = sys._getframe(2)
    while frame is not None and (frame.f_code.co_filename.startswith("<")
                                 or frame.f_code.co_filename in (__file__, importlib.__file__)):
        frame = frame.f_back  # type: ignore[assignment]
    return Path(frame.f_code.co_filename).resolve() if frame is not None else None


#: the import system's step that finds a module to load it (``import``, ``__import__``,
#: ``importlib.import_module``); ``importlib.util.find_spec`` asks the finders without it
_LOAD_STEP = getattr(getattr(sys.modules.get("_frozen_importlib"), "_find_and_load_unlocked", None), "__code__", None)


def _importing() -> bool:
    """Whether the finders are asked for an import, not by a probe of whether a module exists
    (``importlib.util.find_spec("x")``, ``pkgutil.find_loader``: an optional dependency's check,
    which loads nothing and fails nowhere -- production's answers ``None`` and the code goes on).
    True where the import system's frames are not CPython's (3.11-3.14: ``_find_and_load_unlocked``
    calls ``_find_spec``, which calls each finder)."""
    if _LOAD_STEP is None:
        return True
    finding = sys._getframe(2)  # (1: the finder's find_spec; 2: the import system's _find_spec)
    return finding.f_back is not None and finding.f_back.f_code is _LOAD_STEP


def _deployed(importer: Path, watched: _Watched) -> bool:
    """Whether ``importer`` is code production runs: the Worker's own files, or a package the
    folder holds (the environment's copy of it, which workers-env runs)."""
    if importer.is_relative_to(_WORKERS_ENV):
        return False
    installed = {"site-packages", "dist-packages"} & set(importer.parts)
    if importer.is_relative_to(watched.module_root) and not installed:
        return not importer.is_relative_to(watched.folder)
    bases = [base for base in (Path(entry or ".").resolve() for entry in sys.path)
             if importer.is_relative_to(base) and base != watched.module_root]
    if not bases:
        return False
    top = importer.relative_to(max(bases, key=lambda base: len(base.parts))).parts[0]  # its own folder on sys.path
    return top.removesuffix(".py") in watched.held


class _UnsyncedImport(importlib.abc.MetaPathFinder):
    """First on ``sys.meta_path``, finding nothing: a top-level import the environment answers
    and the watched Worker's synced ``python_modules/`` does not, made by code production runs."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if path is not None or not _WATCHED or fullname in RUNTIME_NAMES or fullname in sys.stdlib_module_names:
            return None
        runtime = current.starting_runtime()
        watched = _WATCHED.get(id(runtime)) if runtime is not None else None
        if watched is None or watched.runtime() is not runtime or fullname in watched.held or not _importing():
            return None
        importer = _importer()
        if importer is None or not _deployed(importer, watched) or fullname in watched.own:
            return None
        if importlib.machinery.PathFinder.find_spec(fullname) is None:
            return None  # missing here too: the import fails as it does deployed
        if watched.locked is not None and canonical_name(fullname) not in watched.locked \
                and fullname not in locked_modules(watched.locked):
            return None  # never synced (an optional import): not what a build step removed
        with _LOCK:
            first = (watched.folder, fullname) not in _SAID
            _SAID.add((watched.folder, fullname))
        if first:
            _loglevel.emit("warn", unsynced_line(fullname, str(importer)), "stderr")
        return None


def _install() -> None:
    """Put the finder first on ``sys.meta_path`` (one a process: a reload's replaces it)."""
    kind = _UnsyncedImport
    sys.meta_path[:] = [each for each in sys.meta_path
                        if not (type(each).__qualname__ == kind.__qualname__ and type(each).__module__ == kind.__module__)]
    sys.meta_path.insert(0, _UnsyncedImport())


_install()
