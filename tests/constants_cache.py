"""Hypothesis' cache of the constants in workers-env's source, written once by the xdist controller.

Hypothesis (6.131 on) draws some of its examples from the literals of the run's "local" modules --
here workers-env's own ~290, test modules excluded -- and reads them once a process, at the end of
collection, from a cache under ``.hypothesis/constants`` keyed by each file's source hash. On a
fresh checkout (CI's) nothing is cached yet, and each of the three xdist workers parsed every file
itself at the same moment (~3.3 s of CPU a worker, 0.5 s with the cache). The controller fills the
cache first instead, in one forked process that runs while the workers start and collect, through
hypothesis' own ``constants_from_module``: the same files with the same contents as a worker would
write (a worker that gets there first writes its own, as before). Nothing else of hypothesis changes.
It runs at every xdist run, not only a fresh one: telling that every file is cached already would take
the hashing the child does, which then only reads the cache (~0.5 s of CPU, beside the workers).
"""

from __future__ import annotations

import os
import sys
import threading
import types
from pathlib import Path

__all__ = ["prewrite"]


def prewrite(package: Path) -> int | None:
    """Start a forked process writing hypothesis' constants cache for every ``.py`` file under
    ``package``; its pid, or ``None`` (a hypothesis without that cache, no ``fork``, another thread
    running). Reap it with ``os.waitpid(pid, os.WNOHANG)`` (or wait): it ends with ``os._exit``."""
    try:
        from hypothesis.internal.constants_ast import constants_from_module
    except ImportError:  # (a hypothesis before the constants, or one that moved them: nothing to do)
        return None
    if not hasattr(os, "fork") or threading.active_count() != 1:
        return None
    sources = sorted(str(path) for path in package.rglob("*.py") if "__pycache__" not in path.parts)
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child:
        return child
    status = 1  # pragma: no cover (the child's own coverage is not collected)
    try:
        for source in sources:
            module = types.ModuleType("constants_of")  # (all hypothesis reads of it: its file)
            module.__file__ = source
            constants_from_module(module)
        status = 0
    finally:
        os._exit(status)
