"""Noticing edits to a Worker's files by polling their stamps, for ``workers-env dev``.

A stamp is a file's modification time, size and inode: an edit changes one of them, and so
does an editor's atomic save (a new file renamed over the old one). Polling a few hundred
files every quarter second costs next to nothing, needs no dependency and behaves the same
on every file system (network and container mounts included, where change notifications
often never arrive). On Windows a folder listing gives no inode (``DirEntry.stat()``'s
``st_ino`` is 0 there): an editor's save is then seen by its new modification time.

Two ways of comparing, as wrangler's watchers (chokidar) report changes: :func:`modified`
names only files that were there before and were written since (wrangler's ``change`` events:
its watch of the Worker's module root and of the config file), :func:`touched` also files
and folders that appeared or went away (its ``all`` events: ``build.watch_dir``, the assets).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["SKIPPED_FOLDERS", "Stamps", "modified", "scan", "scan_folders", "stamps_of", "touched"]

#: (mtime in ns, size, inode); a folder's is (0, 0, 0): only its coming and going counts
Stamp = tuple[int, int, int]
Stamps = dict[str, Stamp]

#: folders never looked into: version control, dependencies and wrangler's state, as wrangler's
#: watch of the module root skips them, and Python's bytecode caches, which importing the Worker
#: writes (a virtualenv, a folder holding ``pyvenv.cfg``, is skipped too)
SKIPPED_FOLDERS = frozenset({".git", "node_modules", ".wrangler", "__pycache__"})
_FOLDER: Stamp = (0, 0, 0)


def _stamp(entry: os.DirEntry[str] | str) -> Stamp | None:
    try:
        st = entry.stat() if isinstance(entry, os.DirEntry) else os.stat(entry)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def stamps_of(paths: Iterable[Path]) -> Stamps:
    """The stamps of single files (the config); one that is missing has none."""
    found: Stamps = {}
    for path in paths:
        stamp = _stamp(str(path))
        if stamp is not None:
            found[str(path)] = stamp
    return found


def scan(folder: Path, *, skip: Iterable[Path] = (), folders: bool = False) -> Stamps:
    """The stamps of every file under ``folder`` (and, with ``folders``, of every folder),
    not entering :data:`SKIPPED_FOLDERS`, virtualenvs or the folders in ``skip``. Symbolic
    links are read through, as the Worker's imports read them, but a linked folder is not
    entered (wrangler's walk does not follow one)."""
    skipped = {str(p) for p in skip}
    found: Stamps = {}
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        if any(e.name == "pyvenv.cfg" for e in entries) and current != str(folder):
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if entry.name not in SKIPPED_FOLDERS and entry.path not in skipped:
                    pending.append(entry.path)
                    if folders:
                        found[entry.path] = _FOLDER
                continue
            stamp = _stamp(entry)
            if stamp is not None:
                found[entry.path] = stamp
    return found


def scan_folders(folders: Iterable[Path], *, skip: Iterable[Path] = ()) -> Stamps:
    """:func:`scan` of each of ``folders`` with its folders, and each folder's own coming and
    going (``build.watch_dir``: a folder created or deleted there is a change)."""
    skip = list(skip)
    found: Stamps = {}
    for folder in folders:
        found.update(scan(folder, skip=skip, folders=True))
        if folder.is_dir():
            found[str(folder)] = _FOLDER
    return found


def modified(before: Stamps, after: Stamps) -> list[str]:
    """Files in both whose stamps differ (wrangler's ``change``: a new or deleted file is not one)."""
    return sorted(path for path, stamp in after.items() if path in before and before[path] != stamp)


def touched(before: Stamps, after: Stamps) -> list[str]:
    """Files or folders added, removed or modified (wrangler's ``all``)."""
    return sorted({path for path in before.keys() | after.keys() if before.get(path) != after.get(path)})
