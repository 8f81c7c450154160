"""The ``.pth`` files of the uploaded ``python_modules/``, processed as workerd processes them.

From compatibility date 2026-05-26 (``python_process_pth_files``; ``disable_python_process_pth_files``
turns it off) workerd calls ``site.addsitedir("/session/metadata/python_modules")`` at startup,
before the Worker's module is imported (``setup_python_search_path.py``): each ``.pth`` file there,
in name order, puts the folders its lines name (relative to ``python_modules/``, those that exist)
at the end of ``sys.path`` and runs its ``import`` lines. Before that date the files are ignored.
workers-env does not put ``python_modules/`` itself on ``sys.path`` (the Worker's packages come
from the environment it runs in, whose own ``.pth`` files the interpreter ran when it started),
so a ``.pth`` file the environment's site-packages holds too -- an installed package's, vendored
by ``pywrangler sync`` as well -- is not run a second time; an ``import`` line of the others finds
a module of ``python_modules/`` after the environment's, as production finds it there.
"""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

__all__ = ["process_pth_files"]


def _installed_pth_names() -> set[str]:
    """The ``.pth`` files of the environment's site-packages folders (those on ``sys.path``)."""
    names: set[str] = set()
    for entry in sys.path:
        if isinstance(entry, str) and entry.endswith(("site-packages", "dist-packages")) and os.path.isdir(entry):
            try:
                names.update(n for n in os.listdir(entry) if n.endswith(".pth"))
            except OSError:
                continue
    return names


def process_pth_files(folder: Path) -> None:
    """``site.addsitedir(folder)`` as workerd runs it, without ``folder`` itself on ``sys.path``
    afterwards (see the module's docstring); nothing when it holds no ``.pth`` file."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".pth") and not n.startswith("."))
    except OSError:
        return
    if not names:
        return
    installed = _installed_pth_names()
    sitedir = str(folder)
    sys.path.append(sitedir)  # an import line's module: found there after the environment's, as deployed
    try:
        for name in names:
            if name not in installed:
                site.addpackage(sitedir, name, None)  # its errors printed on stderr, as site prints them
    finally:
        if sitedir in sys.path:
            sys.path.remove(sitedir)
