"""pytest's rewritten test modules cached under ``PYTHONDONTWRITEBYTECODE`` too (tests/conftest.py
installs it), and never served stale.

pytest still reads a test module's cached rewrite under the variable but never writes one: it
decides at the start of ``exec_module``, so the variable is lifted there and put back once pytest
looks for its cache (``_read_pyc``), before the module runs. Under the variable every run rewrote
every module, so the cache must give nothing a fresh rewrite would not (review85) -- where
pytest's own cache can (pytest 9.0.3):

- a test file edited again within the second its cached rewrite recorded, at the same size
  (pytest checks only the whole-second mtime and the size; pytest-dev/pytest#13292): a rewrite
  is written only of a file last changed before the second in which pytest read it, so any later
  change has another mtime;
- a checkout moved with its ``__pycache__`` (the cached code names the old path, which tracebacks
  and ``inspect`` then show; pytest-dev/pytest#14552, invalidated as stale by #14989 after 9.0.3):
  a cached rewrite of another path is rewritten anew.

pytest 9.2.0 keys its cache by the source's hash and corrects a moved file's path itself
(``_write_pyc(state, co, source_hash, pyc)``): there only the variable is lifted, pytest's own
read and write kept as they are (``hashed_cache``; a fresh venv installs the newest pytest).

On a fresh checkout nothing is cached yet, and every xdist worker would rewrite every test module
itself at the same moment (1,569 modules: ~20 s of CPU a worker, three workers on CI's two cores).
The controller rewrites them first instead (``prewrite``), in one forked process per core, through
pytest's own ``exec_module`` with only the module's run left out: the workers then read the cache.
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

__all__ = ["current_rewrite", "hashed_cache", "install", "prewrite", "settled_write", "unwritten"]

#: how far a file's mtime may trail the clock (the kernel stamps files with a coarse clock)
CLOCK_SLACK_S = 0.05


def current_rewrite(read_pyc: Callable[..., Any]) -> Callable[..., Any]:
    """pytest's ``_read_pyc(source, pyc, trace)``, answering ``None`` (rewrite it) for a cached
    rewrite of another path, and putting the variable back before the module runs."""

    def read(source: Any, pyc: Any, *args: Any, **kwargs: Any) -> Any:
        sys.dont_write_bytecode = True  # (what the module imports as it runs: as the variable says)
        code = read_pyc(source, pyc, *args, **kwargs)
        if code is not None and code.co_filename != str(source):
            return None  # moved: the cached code would name the old path
        return code

    read.__wrapped__ = read_pyc  # type: ignore[attr-defined]
    return read


def settled_write(write_pyc: Callable[..., Any], started: Callable[[], float]) -> Callable[..., Any]:
    """pytest's ``_write_pyc(state, co, source_stat, pyc)``, writing only the rewrite of a file
    whose mtime's second had ended when pytest began importing it (``started()``): a change after
    that read has a later mtime, so the cache can never hide it."""

    def write(state: Any, co: Any, source_stat: os.stat_result, pyc: Any, *args: Any, **kwargs: Any) -> Any:
        if started() - CLOCK_SLACK_S < int(source_stat.st_mtime) + 1:
            return False  # (pytest ignores a failed write: the module runs as rewritten)
        return write_pyc(state, co, source_stat, pyc, *args, **kwargs)

    write.__wrapped__ = write_pyc  # type: ignore[attr-defined]
    return write


def hashed_cache(write_pyc: Callable[..., Any]) -> bool | None:
    """Whether pytest's ``_write_pyc`` keys its cache by the source's hash (9.2.0 on), by its
    stat (before), or ``None`` for a signature this module does not know (then nothing is patched)."""
    try:
        names = list(inspect.signature(write_pyc).parameters)
    except (TypeError, ValueError):
        return None
    if names[:4] == ["state", "co", "source_hash", "pyc"]:
        return True
    if names[:4] == ["state", "co", "source_stat", "pyc"]:
        return False
    return None


def install(rewrite: Any) -> None:
    """Cache ``rewrite``'s (``_pytest.assertion.rewrite``) rewritten modules under the variable
    (nothing to do without it; nothing done for a pytest whose functions this does not know)."""
    hook = rewrite.AssertionRewritingHook
    read_pyc, write_pyc = getattr(rewrite, "_read_pyc", None), getattr(rewrite, "_write_pyc", None)
    if not sys.dont_write_bytecode or read_pyc is None or write_pyc is None:
        return
    hashed = hashed_cache(write_pyc)
    if hashed is None:
        return
    exec_module = hook.exec_module
    began = [0.0]  # when the module being rewritten began importing (its write comes before any nested import)

    def exec_module_caching(self: Any, module: Any) -> None:
        began[0] = time.time()
        sys.dont_write_bytecode = False
        try:
            exec_module(self, module)
        finally:
            sys.dont_write_bytecode = True

    hook.exec_module = exec_module_caching
    rewrite._read_pyc = current_rewrite(read_pyc)
    if not hashed:  # (a hash-keyed cache cannot hide a change)
        rewrite._write_pyc = settled_write(write_pyc, lambda: began[0])


def unwritten(sources: Iterable[Path], pyc_tail: str) -> list[Path]:
    """Those of ``sources`` with no cached rewrite, or one older than the source (a cheap look:
    pytest's own read still decides what is current when a module is rewritten or run)."""
    missing = []
    for source in sources:
        pyc = source.parent / "__pycache__" / (source.name[:-3] + pyc_tail)
        try:
            if pyc.stat().st_mtime >= source.stat().st_mtime:
                continue
        except OSError:
            pass
        missing.append(source)
    return missing


def prewrite(rewrite: Any, hook: Any, sources: list[Path], processes: int) -> int:
    """Rewrite and cache ``sources`` through ``hook.exec_module`` (pytest's, wrapped by
    :func:`install`) in up to ``processes`` forked processes, without running them; wait for them.

    Each child leaves ``exec`` out of ``rewrite``'s (``_pytest.assertion.rewrite``) globals' reach
    (the module's own name wins over the builtin) and ends with ``os._exit``: nothing of pytest's
    ends in it. Forks only where it is safe to (POSIX, this one thread); the number of processes
    started is returned (0: nothing done, the workers rewrite what they import as before)."""
    if not sources or processes < 1 or not hasattr(os, "fork") or threading.active_count() != 1:
        return 0
    processes = min(processes, len(sources))
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    for share in range(processes):
        child = os.fork()
        if child == 0:  # pragma: no cover (the child's own coverage is not collected)
            status = 1
            try:
                import gc

                gc.enable()
                rewrite.exec = lambda code, namespace: None
                for source in sources[share::processes]:
                    spec = importlib.util.spec_from_file_location("prewritten", source, loader=hook)
                    assert spec is not None
                    hook.exec_module(importlib.util.module_from_spec(spec))
                status = 0
            finally:
                os._exit(status)
        children.append(child)
    for child in children:
        os.waitpid(child, 0)
    return processes
