"""``sys.path`` entries naming the Worker's deployed folder, ``/session/metadata``: its upload here.

Deployed, workerd writes the uploaded files under ``/session/metadata`` (the module root's
``src/vendor/mcp/...`` is ``/session/metadata/vendor/mcp/...``), and Worker code that vendors
packages with ``pip install -t src/vendor`` puts that folder on ``sys.path`` by its deployed name
(``sys.path.insert(0, "/session/metadata/vendor")``: danlapid/python-workers-mcp's template,
getjotsu/mcp-servers). workerd itself puts ``vendor/`` there only before 2025-08-11; from then on
only the Worker's own entry finds it. Here the Worker's files keep their paths, so such an entry
named no folder and the import failed. A path hook answers these entries with a finder of the
running Worker's module root (the folder the entry names under it), the entry itself left as
the Worker wrote it; ``importlib.metadata`` finds the distributions such a folder holds too
(``mcp`` reads its own version at import). ``/session/metadata/python_modules`` stays
runtime/pthfiles.py's.
"""

from __future__ import annotations

import pkgutil
import sys
from importlib.machinery import (
    BYTECODE_SUFFIXES,
    EXTENSION_SUFFIXES,
    SOURCE_SUFFIXES,
    ExtensionFileLoader,
    FileFinder,
    ModuleSpec,
    SourceFileLoader,
    SourcelessFileLoader,
)
from importlib.metadata import DistributionFinder, MetadataPathFinder
from pathlib import Path
from typing import Any, Iterable, Iterator

from workers_env.runtime import current
from workers_env.runtime.finders import install_finder
from workers_env.runtime.importercache import drop_entry, entries_under

__all__ = ["SESSION", "install_session_hook"]

#: where workerd writes the Worker's uploaded files
SESSION = "/session/metadata"
_PYTHON_MODULES = SESSION + "/python_modules"
_LOADERS: tuple[tuple[Any, list[str]], ...] = (
    (ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES),
    (SourcelessFileLoader, BYTECODE_SUFFIXES))


def deployed_folder(entry: str, root: Path) -> Path | None:
    """The folder under the module root ``root`` that the ``sys.path`` entry ``entry`` names by
    its deployed name (``None``: the entry names none, or no folder there)."""
    if entry != SESSION and not entry.startswith(SESSION + "/"):
        return None
    if entry == _PYTHON_MODULES or entry.startswith(_PYTHON_MODULES + "/"):
        return None
    relative = Path(entry[len(SESSION):].lstrip("/"))
    folder = (root / relative).resolve()
    if not folder.is_relative_to(root.resolve()) or not folder.is_dir():
        return None
    return folder


def _running_root() -> Path | None:
    """The running Worker's module root (``None``: outside Worker code, or its uploads unchecked)."""
    runtime = current.starting_runtime()
    uploads = getattr(runtime, "uploads", None) if runtime is not None else None
    return uploads.root if uploads is not None else None


class SessionFinder:
    """The path-entry finder of one ``/session/metadata/...`` entry: the running Worker's folder
    it names, looked up at each search (the process's Workers share ``sys.path_importer_cache``)."""

    def __init__(self, entry: str):
        self.entry = entry
        self._finders: dict[Path, FileFinder] = {}

    def _finder(self) -> FileFinder | None:
        root = _running_root()
        folder = deployed_folder(self.entry, root) if root is not None else None
        if folder is None:
            return None
        finder = self._finders.get(folder)
        if finder is None:
            finder = self._finders[folder] = FileFinder(str(folder), *_LOADERS)
        return finder

    def find_spec(self, fullname: str, target: Any = None) -> ModuleSpec | None:
        finder = self._finder()
        return finder.find_spec(fullname, target) if finder is not None else None

    def iter_modules(self, prefix: str = "") -> Iterator[tuple[str, bool]]:
        """What ``pkgutil.iter_modules`` lists of the entry: the folder's modules, as deployed."""
        finder = self._finder()
        # (pkgutil's own dispatch for a FileFinder, 3.11-3.14; typeshed lists it not)
        return pkgutil.iter_importer_modules(finder, prefix) if finder is not None else iter(())  # type: ignore[attr-defined]

    def invalidate_caches(self) -> None:
        for finder in self._finders.values():
            finder.invalidate_caches()


class _SessionDistributions(DistributionFinder):
    """Last on ``sys.meta_path``: ``importlib.metadata``'s search of a ``/session/metadata/...``
    entry is a search of the folder it names in the running Worker's upload."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        return None

    def find_distributions(self, context: Any = DistributionFinder.Context()) -> Iterable[Any]:
        root = _running_root()
        if root is None:
            return iter(())
        folders = [folder for entry in context.path if isinstance(entry, str)
                   for folder in [deployed_folder(entry, root)] if folder is not None]
        if not folders:
            return iter(())
        return MetadataPathFinder.find_distributions(DistributionFinder.Context(
            name=context.name, path=[str(folder) for folder in folders]))


def _hook(entry: str) -> SessionFinder:
    if entry != SESSION and not entry.startswith(SESSION + "/") or entry.startswith(_PYTHON_MODULES):
        raise ImportError("not a /session/metadata entry")
    return SessionFinder(entry)


def install_session_hook() -> None:
    """Put the hook first on ``sys.path_hooks``, in place of one an earlier load of this module made."""
    sys.path_hooks[:] = [hook for hook in sys.path_hooks
                         if not (getattr(hook, "__qualname__", "") == "_hook" and getattr(hook, "__module__", "") == __name__)]
    sys.path_hooks.insert(0, _hook)
    install_finder(_SESSION_DISTRIBUTIONS)
    for entry in entries_under(SESSION):  # (found without a scan of the whole cache)
        if entry in sys.path_importer_cache and sys.path_importer_cache[entry] is None:
            drop_entry(entry)


_SESSION_DISTRIBUTIONS = _SessionDistributions()
